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

/** The relay's `stored(count)` acknowledgement, with the time the count-th update was sent. */
export type OnStored = (count: number, sentAt: number | undefined) => void;

export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
