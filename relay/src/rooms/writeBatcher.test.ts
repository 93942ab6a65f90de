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
function recordingBatcher(idleMs?: number) {
  const metrics = new RelayMetrics();
  const batches: number[][] = [];
  const batcher = new WriteBatcher(
    createMemoryStore(),
    metrics,
    {
      committed: (b) => batches.push(b.map((e) => e.count)),
      durable: () => undefined,
      failed: () => undefined,
    },
    idleMs,
  );
  return { metrics, batches, batcher, room: roomStub() };
}

describe('WriteBatcher', () => {
  it('writes at once when idle, and batches by turn while writes follow each other closely', async () => {
    const { metrics, batches, batcher, room } = recordingBatcher(60_000);
    // Idle: what one callback enqueues is written in the microtasks right after it.
    for (let n = 1; n <= 3; n++) batcher.enqueue(entry(room, n));
    for (let i = 0; i < 10 && batches.length === 0; i++) await Promise.resolve();
    expect(batches).toEqual([[1, 2, 3]]);
    // A write started less than idleMs ago: the next ones wait for the end of the turn.
    for (let n = 4; n <= 8; n++) batcher.enqueue(entry(room, n));
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(batches).toEqual([[1, 2, 3]]);
    await batcher.drain();
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6, 7, 8]]);
    expect(room.uncommitted).toBe(0);
    metrics.close();
  });

  it('is idle again once idleMs has passed since its last write', async () => {
    const { metrics, batches, batcher, room } = recordingBatcher(2);
    batcher.enqueue(entry(room, 1));
    await batcher.drain();
    spin(3);
    batcher.enqueue(entry(room, 2));
    for (let i = 0; i < 10 && batches.length === 1; i++) await Promise.resolve();
    expect(batches).toEqual([[1], [2]]);
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
