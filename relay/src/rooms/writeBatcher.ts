import type { Store, UpdateToStore } from '../store/Store';
import type { RelayMetrics } from '../metrics';
import type { Connection } from './Connection';
import type { DocRoom } from './DocRoom';

/** One accepted update-carrying message, waiting to be stored, broadcast and acknowledged. */
export interface WriteEntry {
  readonly room: DocRoom;
  /** the room's name: with `update`, `author` and `time` an entry is what the store appends */
  readonly doc: string;
  readonly conn: Connection;
  /** the sender's `updatesReceived` for this message */
  readonly count: number;
  /** null when the message added nothing: it is only acknowledged, in order */
  readonly update: Uint8Array | null;
  readonly author: string;
  readonly time: number;
  /** the message to send to the room's other connections once stored, if any */
  readonly broadcast: Uint8Array | null;
  /** the document's seq for `update`, set once stored (what the bus publishes) */
  seq?: number;
}

/** Most entries written (and then broadcast) in one transaction. */
export const MAX_BATCH = 128;

/**
 * Longest an update waits for its batch to close while more keep arriving. After a stall the
 * event loop reads hundreds of queued messages in one go; without this bound the first of them
 * would wait for all the others before being stored and broadcast.
 */
export const MAX_WAIT_MS = 1;

/**
 * A batcher whose last write started longer ago than this is idle: it writes the next update as
 * soon as the callback that read it returns (a microtask), not at the end of the event loop's
 * turn. Under load writes start less than this apart and batch by turn.
 */
export const IDLE_MS = 1;

export interface WriteBatcherEvents {
  /** The batch is written (seqs assigned): broadcast it. */
  committed(batch: readonly WriteEntry[]): void;
  /** The batch is as durable as the store makes it (`Store.durable`): acknowledge it. */
  durable(batch: readonly WriteEntry[]): void;
  /** The store refused the batch, or could not make it durable: it is not acknowledged. */
  failed(batch: readonly WriteEntry[], error: unknown): void;
}

/**
 * Collects the updates that arrive within one turn of the event loop (up to MAX_BATCH, or for at
 * most MAX_WAIT_MS) and writes them in one store transaction, so a busy relay pays one commit per
 * turn instead of one per update. Batches are written one after another, which keeps every
 * document's updates in arrival order. An idle batcher (IDLE_MS) writes at once instead: waiting
 * for the turn's end made a lone update wait for every other socket read in that turn (at 100
 * rooms the bench's p95 went from 2.2 to 1.2 ms). Writing after every socket callback even under
 * load was tried and reverted (2026-12-02): it cut the wait inside the relay at 50 rooms (p99 0.35
 * → 0.2 ms) but not the end-to-end p99, and at 400 rooms it used the whole core (p99 22.7 → 56 ms).
 */
export class WriteBatcher {
  private queue: WriteEntry[] = [];
  private scheduled = false;
  private flushing = false;
  private idleWaiters: (() => void)[] = [];
  /** When the oldest entry of the queue arrived (performance.now()). */
  private firstAt = 0;
  /** When the last flush started (performance.now()). */
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  /** Batches written and waiting for `Store.durable` (an fsync) before their acknowledgement. */
  private awaitingDurable = 0;

  constructor(
    private readonly store: Store,
    private readonly metrics: RelayMetrics,
    private readonly events: WriteBatcherEvents,
    private readonly idleMs: number = IDLE_MS,
  ) {}

  get pending(): number {
    return this.queue.length;
  }

  enqueue(entry: WriteEntry): void {
    this.queue.push(entry);
    entry.room.uncommitted += 1;
    if (entry.update) entry.room.uncommittedBytes += entry.update.byteLength;
    if (this.queue.length === 1) this.firstAt = performance.now();
    else if (!this.flushing && performance.now() - this.firstAt >= MAX_WAIT_MS) {
      // Still inside the event loop's read phase: write now; the broadcast follows this message.
      void this.flush();
      return;
    }
    this.schedule();
  }

  /** Resolves once everything enqueued so far has been written (or has failed). */
  drain(): Promise<void> {
    if (!this.flushing && this.queue.length === 0 && this.awaitingDurable === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    // Updates read by the same callback (one socket's chunk) still share the write.
    if (this.queue.length === 1 && performance.now() - this.lastFlushAt > this.idleMs) queueMicrotask(() => void this.flush());
    else setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    if (this.flushing) return; // the running flush reschedules what is left
    this.lastFlushAt = performance.now();
    // After a stall the queue can be long: write it in bounded batches, oldest first, so the
    // first updates are broadcast without waiting for a huge transaction and its sends.
    let batch: WriteEntry[];
    if (this.queue.length <= MAX_BATCH) {
      batch = this.queue;
      this.queue = [];
    } else {
      batch = this.queue.splice(0, MAX_BATCH);
    }
    this.firstAt = performance.now();
    if (batch.length === 0) return this.settle();
    this.flushing = true;
    // A room unloaded after a store failure: its clients were told to resend, store nothing of it.
    const writes = batch.filter((e): e is WriteEntry & UpdateToStore => e.update !== null && !e.room.destroyed);
    try {
      if (writes.length > 0) {
        const started = performance.now();
        const seqs = await this.store.appendUpdates(writes);
        this.metrics.storeWriteSeconds.observe((performance.now() - started) / 1000);
        this.metrics.storeBatchSize.observe(writes.length);
        this.metrics.updatesStored.inc(undefined, writes.length);
        writes.forEach((e, i) => {
          e.seq = seqs[i] as number;
          e.room.noteStored(e.seq, e.update.byteLength);
        });
      }
      this.release(batch);
      this.events.committed(batch);
      // The next batch is written while this one's fsync runs; one fsync then covers both
      // (group commit in the store), so waiting for the disk does not hold up the writes.
      this.awaitingDurable += 1;
      this.store.durable().then(
        () => this.events.durable(batch),
        (error: unknown) => {
          this.metrics.storeErrors.inc();
          this.events.failed(batch, error);
        },
      ).finally(() => {
        this.awaitingDurable -= 1;
        this.settle();
      });
    } catch (error) {
      this.metrics.storeErrors.inc();
      this.release(batch);
      this.events.failed(batch, error);
    } finally {
      this.flushing = false;
      if (this.queue.length > 0) this.schedule();
      else this.settle();
    }
  }

  private release(batch: readonly WriteEntry[]): void {
    for (const e of batch) {
      e.room.uncommitted -= 1;
      if (e.update) e.room.uncommittedBytes -= e.update.byteLength;
    }
  }

  private settle(): void {
    if (this.flushing || this.queue.length > 0 || this.awaitingDurable > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
