import * as Y from 'yjs';
import type { RelayConfig } from '../config';
import type { Logger } from '../logger';
import type { RelayMetrics } from '../metrics';
import type { Store } from '../store/Store';
import type { DocRoom } from './DocRoom';

/**
 * Folds a document's update log into a snapshot, so that loading it follows its size, not its
 * history. At most one compaction per document runs at a time.
 */
export class Compactor {
  private readonly running = new Map<DocRoom, Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly config: Pick<RelayConfig, 'compactUpdates' | 'compactBytes' | 'compactLag'>,
    private readonly log: Logger,
    private readonly metrics: RelayMetrics,
  ) {}

  /**
   * The log passed its count or byte threshold, or the document's oldest unfolded update is so
   * far behind the newest stored one (`headSeq`) that it keeps the store from cutting its log.
   */
  due(room: DocRoom, headSeq: number): boolean {
    if (room.compacting || room.logCount === 0) return false;
    return (
      room.logCount >= this.config.compactUpdates ||
      room.logBytes >= this.config.compactBytes ||
      headSeq - room.firstUnfoldedSeq >= this.config.compactLag
    );
  }

  compact(room: DocRoom): Promise<void> {
    const current = this.running.get(room);
    if (current) return current;
    const run = (async () => {
      room.compacting = true;
      try {
        const through = room.lastSeq;
        const count = room.logCount;
        const bytes = room.logBytes;
        // Everything stored up to `through` was applied to the doc before it was stored, so the
        // snapshot holds at least that (and maybe updates still being written: harmless).
        const snapshot = Y.encodeStateAsUpdate(room.doc);
        await this.store.compact(room.name, snapshot, through);
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

  /** Resolves when no compaction is running. */
  async idle(): Promise<void> {
    await Promise.all([...this.running.values()]);
  }
}
