/**
 * The database cannot be reached (refused, the connection dropped, the server shutting down or
 * starting). The pool opens a new connection for the next query, so the caller retries later.
 */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

/** A lost or refused connection, as opposed to an error about the data or the query. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error ? String((error as { code: unknown }).code) : '';
  // 08: connection exception; 57P01–57P03: admin shutdown, crash shutdown, cannot connect now.
  if (code.startsWith('08') || code.startsWith('57P') || CONNECTION_CODES.has(code)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(error.message);
}

/** Postgres' unique_violation. */
export const isUniqueViolation = (error: unknown): boolean => error instanceof Error && 'code' in error && (error as { code: unknown }).code === '23505';

/** Says plainly that Postgres is unreachable; other errors pass as they are. */
export function explain(error: unknown): unknown {
  if (!isConnectionError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(`postgres unreachable: ${message}`, { cause: error });
}
