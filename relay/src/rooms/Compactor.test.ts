import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { RelayMetrics } from '../metrics';
import { createMemoryStore } from '../store/memoryStore';
import type { Store } from '../store/Store';
import { Compactor } from './Compactor';
import type { DocRoom } from './DocRoom';
import { CpuBudget } from './cpuBudget';

/** The part of a room the compactor reads and updates. */
function roomStub(name: string, logCount: number, firstUnfoldedSeq: number, sizes: { logBytes?: number; snapshotBytes?: number } = {}): DocRoom {
  const doc = new Y.Doc();
  doc.getMap('m').set('k', name);
  return { name, doc, lastSeq: firstUnfoldedSeq + logCount - 1, logCount, logBytes: sizes.logBytes ?? logCount, firstUnfoldedSeq, snapshotBytes: sizes.snapshotBytes ?? 0, compacting: false, destroyed: false, budget: new CpuBudget(0, 1) } as unknown as DocRoom;
}

const config = { compactUpdates: 500, compactBytes: 1 << 20 };

describe('Compactor', () => {
  it('is due past the count, or when the log asks for it (and has something to fold)', () => {
    const metrics = new RelayMetrics();
    const inner = createMemoryStore();
    const c = new Compactor({ ...inner, wantsCompaction: (doc) => doc !== 'a' }, config, createLogger('silent'), metrics);
    expect(c.due(roomStub('a', 499, 1))).toBe(false);
    expect(c.due(roomStub('a', 500, 1))).toBe(true);
    expect(c.due(roomStub('b', 1, 10))).toBe(true);
    expect(c.due(roomStub('c', 0, 0))).toBe(false);
    metrics.close();
  });

  it('keeps the log counted when the store skips a compaction another process is running', async () => {
    const metrics = new RelayMetrics();
    const inner = createMemoryStore();
    const c = new Compactor({ ...inner, compact: async () => false }, config, createLogger('silent'), metrics);
    const room = roomStub('a', 600, 1);
    await c.compact(room);
    expect(room).toMatchObject({ logCount: 600, firstUnfoldedSeq: 1, compacting: false });
    metrics.close();
  });

  it('waits for a log of half the snapshot before it re-encodes a big document (linear, not quadratic, in its growth)', () => {
    const metrics = new RelayMetrics();
    const c = new Compactor(createMemoryStore(), config, createLogger('silent'), metrics);
    expect(c.due(roomStub('a', 2, 1, { logBytes: 1 << 20, snapshotBytes: 1 << 20 }))).toBe(true);
    expect(c.due(roomStub('a', 2, 1, { logBytes: 1 << 20, snapshotBytes: 8 << 20 }))).toBe(false);
    expect(c.due(roomStub('a', 2, 1, { logBytes: 4 << 20, snapshotBytes: 8 << 20 }))).toBe(true);
    metrics.close();
  });

  it('runs requested compactions one per event-loop turn, each document once', async () => {
    const inner = createMemoryStore();
    const written: string[] = [];
    const store: Store = {
      ...inner,
      compact: (doc, snapshot, through) => {
        written.push(doc);
        return inner.compact(doc, snapshot, through);
      },
    };
    const metrics = new RelayMetrics();
    const c = new Compactor(store, config, createLogger('silent'), metrics);
    const rooms = ['r1', 'r2', 'r3', 'r4'].map((n) => roomStub(n, 600, 1));
    for (const r of rooms) c.request(r);
    c.request(rooms[0] as DocRoom);
    const perTurn: number[] = [];
    while (written.length < rooms.length) {
      const before = written.length;
      await new Promise((resolve) => setImmediate(resolve));
      perTurn.push(written.length - before);
    }
    expect(written).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(Math.max(...perTurn)).toBe(1);
    for (const r of rooms) expect(r).toMatchObject({ logCount: 0, firstUnfoldedSeq: 0 });
    metrics.close();
  });
});
