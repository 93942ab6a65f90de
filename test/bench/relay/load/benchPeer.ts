/** One WebSocket client in the load: a writer or an observer of one room. */
export interface BenchPeer {
  /** Resolves once the first sync with the server has completed. */
  readonly synced: Promise<void>;
  /** How many times an established connection dropped. */
  drops(): number;
  close(): void;
}

export interface BenchWriter extends BenchPeer {
  /** Appends text to the room's Y.Text; the client sends it at once. */
  write(text: string): void;
}

/** Receives the text of every insert an observer sees, as it arrives. */
export type OnInsert = (text: string) => void;

/** The relay confirmed the count-th update as stored; `sentAt` is when that update was sent. */
export type OnStored = (count: number, sentAt: number | undefined) => void;

/**
 * `stored(count)` is cumulative: it confirms every update up to `count`, and the relay may hold
 * confirmations back to send one for several. Reports each update it newly confirms (so their
 * waits all count, not only the newest's); returns the highest count confirmed.
 */
export function reportConfirmed(confirmed: number, count: number, sentAt: readonly number[], onStored: OnStored): number {
  for (let c = confirmed + 1; c <= count; c++) onStored(c, sentAt[c - 1]);
  return Math.max(confirmed, count);
}

export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
