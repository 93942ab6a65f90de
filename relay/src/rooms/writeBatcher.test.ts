import { describe, expect, it } from 'vitest';
import { RelayMetrics } from '../metrics';
import { createMemoryStore } from '../store/memoryStore';
import type { Connection } from './Connection';
import type { DocRoom } from './DocRoom';
import { MAX_WAIT_MS, WriteBatcher, type WriteEntry } from './writeBatcher';

/** The part of a room the batcher touches. */
function roomStub(): DocRoom {
  return { uncommitted: 0, uncommittedBytes: 0, destroyed: false, noteStored: () => undefined } as unknown as DocRoom;
}

function entry(room: DocRoom, n: number): WriteEntry {
  return { room, doc: 'c1/work', conn: {} as Connection, count: n, update: new Uint8Array([n]), author: 'p', time: n, broadcast: null };
}

function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // a busy event-loop turn: messages keep arriving while nothing else can run
  }
}

/** A batcher over the memory store that records each committed batch as its counts. */
function recordingBatcher() {
  const metrics = new RelayMetrics();
  const batches: number[][] = [];
  const batcher = new WriteBatcher(createMemoryStore(), metrics, {
    committed: (b) => batches.push(b.map((e) => e.count)),
    failed: () => undefined,
  });
  return { metrics, batches, batcher, room: roomStub() };
}

describe('WriteBatcher', () => {
  it('writes what arrived in one turn as one batch, after the turn', async () => {
    const { metrics, batches, batcher, room } = recordingBatcher();
    for (let n = 1; n <= 5; n++) batcher.enqueue(entry(room, n));
    await Promise.resolve();
    expect(batches).toEqual([]);
    await batcher.drain();
    expect(batches).toEqual([[1, 2, 3, 4, 5]]);
    expect(room.uncommitted).toBe(0);
    metrics.close();
  });

  it('does not let an update wait for a whole long turn: past MAX_WAIT_MS the batch is written at once', async () => {
    const { metrics, batches, batcher, room } = recordingBatcher();
    batcher.enqueue(entry(room, 1));
    spin(MAX_WAIT_MS * 1.5);
    batcher.enqueue(entry(room, 2));
    // Written and committed within this turn (microtasks), before any timer or immediate runs.
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    for (let i = 0; i < 5 && batches.length === 0; i++) await Promise.resolve();
    expect(batches).toEqual([[1, 2]]);
    batcher.enqueue(entry(room, 3));
    await batcher.drain();
    expect(batches).toEqual([[1, 2], [3]]);
    metrics.close();
  });
});
