import * as decoding from 'lib0/decoding';
import { MessageType, SyncStep } from '@lianxin/protocol';

/**
 * Counts local changes the relay has not yet confirmed as stored.
 *
 * A *local change* is one Yjs transaction made on this device that changed the document (origin
 * neither the relay connection nor the local store). It is *confirmed* when the relay sends
 * `stored(n)` on a connection after that connection sent a frame carrying the change as its
 * n-th update-carrying sync message (PROTOCOL.md counts step 2 and update messages):
 * - an `update` frame carries exactly the change of the transaction that emitted it;
 * - a `step 2` frame (our answer to the relay's step 1 on every (re)connect) carries everything
 *   the relay lacks, so it covers every change not yet confirmed, including changes made offline
 *   and changes restored from an earlier run (`restore`).
 * The relay counts per connection, so a change whose frame went out on a connection that closed
 * before the acknowledgement waits for the next connection's step 2. Mistakes can only err
 * towards "not yet stored".
 */
export class PendingTracker {
  private entries: Entry[] = [];
  private readonly frames = new WeakMap<object, number>();
  /** The change whose transaction is emitting its update right now. */
  private current: Entry | null = null;
  private readonly listeners = new Set<(count: number) => void>();

  get count(): number {
    return this.entries.length;
  }

  /** Records one local change; call it from the doc's `update` event, before the provider's. */
  localChange(): void {
    const entry: Entry = { connection: null, frame: 0 };
    this.entries.push(entry);
    this.current = entry;
    this.emit();
  }

  /** The transaction's update has reached every listener (doc `afterAllTransactions`). */
  endOfTransaction(): void {
    this.current = null;
  }

  /** Adds `n` changes from an earlier run that were never confirmed. */
  restore(n: number): void {
    if (!Number.isInteger(n) || n <= 0) return;
    for (let i = 0; i < n; i++) this.entries.push({ connection: null, frame: 0 });
    this.emit();
  }

  /** A frame left on `connection` (any object identifying one socket). */
  frameSent(connection: object, data: Uint8Array): void {
    const step = updateStep(data);
    if (step === null) return;
    const n = (this.frames.get(connection) ?? 0) + 1;
    this.frames.set(connection, n);
    if (step === SyncStep.step2) {
      for (const e of this.entries) {
        if (e.connection !== connection) {
          e.connection = connection;
          e.frame = n;
        }
      }
    } else if (this.current && this.current.connection !== connection) {
      this.current.connection = connection;
      this.current.frame = n;
    }
  }

  /** The relay's `stored(count)` arrived on `connection`. */
  stored(connection: object, count: number): void {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => !(e.connection === connection && e.frame <= count));
    if (this.entries.length !== before) this.emit();
  }

  /** Removes every unconfirmed change (they will never be stored); returns how many. */
  takeAll(): number {
    const n = this.entries.length;
    this.entries = [];
    this.current = null;
    if (n > 0) this.emit();
    return n;
  }

  subscribe(listener: (count: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l(this.entries.length);
  }
}

interface Entry {
  /** The connection whose frame carries this change, or null (not sent yet). */
  connection: object | null;
  /** That frame's index among the connection's update-carrying frames. */
  frame: number;
}

/** `SyncStep.step2` or `SyncStep.update` for an update-carrying sync frame, else null. */
function updateStep(data: Uint8Array): number | null {
  if (data.length < 2) return null;
  try {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MessageType.sync) return null;
    const step = decoding.readVarUint(decoder);
    return step === SyncStep.step2 || step === SyncStep.update ? step : null;
  } catch {
    return null;
  }
}
