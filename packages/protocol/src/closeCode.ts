/** WebSocket close codes the relay uses (4000–4999 are application codes). */
export const CloseCode = {
  /** The relay is shutting down; reconnect later. */
  goingAway: 1001,
  /** Bytes that do not parse as the y-websocket protocol, or a garbage Yjs update. */
  malformed: 4400,
  /** The token expired while connected. */
  expired: 4401,
  /** The token was revoked. */
  revoked: 4403,
  /** Room name is not a known document. */
  unknownRoom: 4404,
  /** One frame over the size cap. */
  frameTooLarge: 4413,
  /** Too many messages per second. */
  rateLimited: 4429,
  /**
   * One update over the structure caps (structures or writing clients per update, nesting depth,
   * structures per document): its cost would stall everyone. Resending it cannot succeed.
   */
  tooComplex: 4422,
  /**
   * The connection, or the document it writes to, spent more relay CPU time than its budget
   * allows. Back off and retry; the relay refuses expensive work until the budget refills.
   */
  cpuBudget: 4430,
  /** The document would grow past its size cap. */
  documentTooLarge: 4507,
  /** The relay failed to store an update; the client should retry. */
  storeFailed: 4500,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Codes after which a client should not reconnect with the same token. */
export const FATAL_CLOSE_CODES: readonly number[] = [CloseCode.expired, CloseCode.revoked, CloseCode.unknownRoom];
