/** Whether the store can write right now, and why not. */
export interface StoreWriteState {
  readonly writable: boolean;
  /** what the last failed write said (an errno or SQLite code first), null while writable */
  readonly reason: string | null;
  /** failed writes since the store was opened */
  readonly failures: number;
}

/** The short code of a write error (`ENOSPC`, `SQLITE_FULL`, …), else its message. */
export function writeErrorReason(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/**
 * The store's own account of its writes: the last write decides. A failed write (a full disk:
 * ENOSPC from the journal, SQLITE_FULL from the database) makes it not writable until a write or
 * a probe succeeds, so /healthz and /metrics tell the truth and the relay stops accepting updates
 * it could not keep, while reads go on.
 */
export class WriteHealth {
  private current: StoreWriteState = { writable: true, reason: null, failures: 0 };

  constructor(private readonly onChange: (state: StoreWriteState) => void = () => undefined) {}

  get state(): StoreWriteState {
    return this.current;
  }

  failed(error: unknown): void {
    const wasWritable = this.current.writable;
    this.current = { writable: false, reason: writeErrorReason(error), failures: this.current.failures + 1 };
    if (wasWritable) this.onChange(this.current);
  }

  succeeded(): void {
    if (this.current.writable) return;
    this.current = { writable: true, reason: null, failures: this.current.failures };
    this.onChange(this.current);
  }

  /** Runs a write, recording its outcome; rethrows its error. */
  run<T>(write: () => T, isStorageError: (error: unknown) => boolean = () => true): T {
    let result: T;
    try {
      result = write();
    } catch (error) {
      if (isStorageError(error)) this.failed(error);
      throw error;
    }
    this.succeeded();
    return result;
  }
}
