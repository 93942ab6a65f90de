import * as Y from 'yjs';
import type { RelayConfig } from '../config';
import type { Logger } from '../logger';
import type { RelayMetrics } from '../metrics';
import type { DocumentLog } from '../store/DocumentLog';
import type { DocRoom } from './DocRoom';
import { cpuMsSince } from './cpuBudget';

/**
 * Folds a document's update log into a snapshot, so that loading it follows its size, not its
 * history. At most one compaction per document runs at a time. Compactions that fall due while
 * updates stream in are queued and run one per turn of the event loop (`request`): documents
 * written at the same pace fall due together, and hundreds of snapshots written in one turn
 * would hold every socket back for tens of milliseconds.
 */
export class Compactor {
  private readonly running = new Map<DocRoom, Promise<void>>();
  private readonly queue = new Set<DocRoom>();
  private pumping = false;

  constructor(
    private readonly store: DocumentLog,
    private readonly config: Pick<RelayConfig, 'compactUpdates' | 'compactBytes'>,
    private readonly log: Logger,
    private readonly metrics: RelayMetrics,
  ) {}

  /**
   * The log passed its count or byte threshold (at least half the snapshot's size: each
   * compaction encodes the whole document, so a document growing by big updates would otherwise
   * cost a full encode per `compactBytes` and its compactions would grow quadratically), or the
   * log asks for it for reasons of its own (`DocumentLog.wantsCompaction`).
   */
  due(room: DocRoom): boolean {
    if (room.compacting || room.logCount === 0) return false;
    return (
      room.logCount >= this.config.compactUpdates ||
      room.logBytes >= Math.max(this.config.compactBytes, room.snapshotBytes / 2) ||
      this.store.wantsCompaction(room.name)
    );
  }

  /** Compacts the room soon, after what is already queued. */
  request(room: DocRoom): void {
    if (this.running.has(room)) return;
    this.queue.add(room);
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => this.pump());
  }

  private pump(): void {
    const next = this.queue.values().next();
    if (next.done) {
      this.pumping = false;
      return;
    }
    const room = next.value;
    this.queue.delete(room);
    const done = (): void => void setImmediate(() => this.pump());
    if (room.destroyed) return done();
    // A store that cannot write (a full disk) would refuse it and log it every sweep: wait for the
    // store's probe to find room; the document stays loaded and its log stays as it is.
    if (!this.store.writeState().writable) return done();
    this.compact(room).then(done, done);
  }

  compact(room: DocRoom): Promise<void> {
    this.queue.delete(room);
    const current = this.running.get(room);
    if (current) return current;
    const run = (async () => {
      room.compacting = true;
      try {
        const through = room.foldableSeq;
        const count = room.logCount;
        const bytes = room.logBytes;
        // Everything stored up to `through` was applied to the doc before it was stored, so the
        // snapshot holds at least that (and maybe updates still being written: harmless).
        const cpu = process.cpuUsage();
        const snapshot = Y.encodeStateAsUpdate(room.doc);
        room.budget.spend(cpuMsSince(cpu));
        if (!(await this.store.compact(room.name, snapshot, through))) {
          // Another process compacts this document right now; its log stays counted, and a later
          // write or sweep asks again.
          this.log.debug({ room: room.name }, 'compaction skipped: another process compacts it');
          return;
        }
        room.logCount -= count;
        room.logBytes -= bytes;
        room.firstUnfoldedSeq = room.logCount === 0 ? 0 : through + 1;
        room.snapshotBytes = snapshot.byteLength;
        this.metrics.compactions.inc();
        this.log.debug({ room: room.name, through, updates: count, snapshotBytes: snapshot.byteLength }, 'compacted');
      } catch (error) {
        this.log.error({ room: room.name, err: error }, 'compaction failed; the log is kept');
      } finally {
        room.compacting = false;
        this.running.delete(room);
      }
    })();
    this.running.set(room, run);
    return run;
  }

  /** Resolves when no compaction is running; queued ones are dropped (shutdown compacts every room itself). */
  async idle(): Promise<void> {
    this.queue.clear();
    await Promise.all([...this.running.values()]);
  }
}
