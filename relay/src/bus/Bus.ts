/**
 * The broadcast seam between relay processes. A process that stores an update publishes it once
 * it is durable; the others, for documents they have loaded, apply it and send it to their
 * clients. The bus is a hint, the store the truth: anything the bus drops (a lost connection, a
 * trimmed stream) shows as a gap in the document's seqs, or as a `head` published after a
 * reconnection, and the reader catches up from the store (`DocumentLog.loadSince`).
 *
 * Implementations: `localBus` (one process: nothing to send anywhere), `redisBus` (Redis Streams).
 */

/** A stored update, as published: the store's per-document seq says whether anything is missing. */
export interface BusUpdate {
  readonly doc: string;
  readonly seq: number;
  readonly update: Uint8Array;
  readonly author: string;
}

/** What other processes tell this one. Never called for this process's own messages. */
export interface BusHandlers {
  update(message: BusUpdate): void;
  /** An awareness update (already filtered by the process whose client sent it). */
  awareness(doc: string, update: Uint8Array): void;
  /** A process asks for the awareness states of `doc` (it just loaded it). */
  awarenessQuery(doc: string): void;
  /** `doc` is stored up to `seq` (a publisher that reconnected says where it is). */
  head(doc: string, seq: number): void;
  revoked(tokenId: string): void;
  /**
   * The bus was down and is back: what was published meanwhile may be lost. Readers catch up
   * every loaded document from the store; publishers say where their documents are (`head`).
   */
  resumed(): void;
}

export interface BusHealth {
  readonly kind: 'local' | 'redis';
  /** 'ok', or 'error' while the bus is unreachable (`reason` says why). */
  readonly state: 'ok' | 'error';
  readonly reason?: string;
}

export interface Bus {
  readonly kind: 'local' | 'redis';
  start(handlers: BusHandlers): Promise<void>;
  /**
   * Starts reading `doc`'s messages. Resolves once every message published after the call
   * resolves will be read: call it before loading the document from the store, so nothing
   * published between the load and the subscription is missed.
   */
  follow(doc: string): Promise<void>;
  unfollow(doc: string): void;
  /** Fire and forget: a failed publish is caught up from the store by the readers. */
  publishUpdates(updates: readonly BusUpdate[]): void;
  publishAwareness(doc: string, update: Uint8Array): void;
  publishAwarenessQuery(doc: string): void;
  publishHead(doc: string, seq: number): void;
  publishRevoked(tokenId: string): void;
  health(): BusHealth;
  close(): Promise<void>;
}
