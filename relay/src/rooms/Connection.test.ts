import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Connection, type RelaySocket } from './Connection';
import type { DocRoom } from './DocRoom';

function connection(): Connection {
  const socket: RelaySocket = { send: () => undefined, close: () => undefined, ping: () => undefined, terminate: () => undefined };
  const identity = { role: 'member', person: 'p1', name: '王', tokenId: 't1', expiresAt: null } as const;
  return new Connection(socket, identity, 'c/roster', 'write', { maxFrame: 1024, messagesPerSecond: 100, messageBurst: 100 }, () => undefined);
}

describe('Connection.pingDue (each connection on its own ping schedule)', () => {
  it('spreads the pings of connections opened together over the interval, each pinged once per interval', () => {
    const PING = 30_000;
    const SWEEP = 1_000;
    const conns = Array.from({ length: 600 }, () => connection());
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (const c of conns) expect(c.pingDue(0, PING, random)).toBe(false);
    const perSweep: number[] = [];
    const perConn = new Map<Connection, number>();
    for (let t = SWEEP; t <= 3 * PING; t += SWEEP) {
      const due = conns.filter((c) => c.pingDue(t, PING, random));
      perSweep.push(due.length);
      for (const c of due) perConn.set(c, (perConn.get(c) ?? 0) + 1);
    }
    // 600 connections over 15 s (the second half of the first interval): ~40 a sweep, not 600 at once.
    expect(Math.max(...perSweep)).toBeLessThan(80);
    expect(perSweep.slice(0, 14).every((n) => n === 0)).toBe(true);
    for (const c of conns) expect(perConn.get(c)).toBeGreaterThanOrEqual(2);
    for (const c of conns) expect(perConn.get(c)).toBeLessThanOrEqual(3);
  });

  it('after a long stall, pings once and waits at least half an interval for the next', () => {
    const c = connection();
    c.pingDue(0, 1_000, () => 0);
    expect(c.pingDue(499, 1_000)).toBe(false);
    expect(c.pingDue(500, 1_000)).toBe(true);
    expect(c.pingDue(10_000, 1_000)).toBe(true);
    expect(c.pingDue(10_400, 1_000)).toBe(false);
    expect(c.pingDue(10_500, 1_000)).toBe(true);
  });
});

describe('Connection.stored (confirmations held while a writer keeps sending)', () => {
  function withRoom() {
    const sent: number[][] = [];
    const socket: RelaySocket = { send: (d) => void sent.push([...d]), close: () => undefined, ping: () => undefined, terminate: () => undefined };
    const identity = { role: 'member', person: 'p1', name: '王', tokenId: 't1', expiresAt: null } as const;
    const c = new Connection(socket, identity, 'c/roster', 'write', { maxFrame: 1024, messagesPerSecond: 100, messageBurst: 100 }, () => undefined);
    const room = { destroyed: false, storedFor: (count: number) => Uint8Array.of(3, count) };
    c.room = room as unknown as DocRoom;
    return { c, room, counts: () => sent.map((m) => m[1]) };
  }

  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => void vi.useRealTimers());

  const T = { intervalMs: 1000, quietMs: 100 };

  it('confirms at once after a quiet spell, then once the writer pauses', () => {
    const { c, counts } = withRoom();
    c.stored(1, T);
    expect(counts()).toEqual([1]);
    vi.advanceTimersByTime(50);
    c.stored(2, T);
    vi.advanceTimersByTime(50);
    c.stored(3, T);
    c.stored(2, T); // an older count changes nothing
    expect(counts()).toEqual([1]);
    // 100 ms after the last store, not after the first held one.
    vi.advanceTimersByTime(99);
    expect(counts()).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(counts()).toEqual([1, 3]);
    // Quiet for a whole interval: the next one goes out at once again.
    vi.advanceTimersByTime(1000);
    c.stored(4, T);
    expect(counts()).toEqual([1, 3, 4]);
  });

  it('confirms a writer that never pauses once per interval, with the highest count', () => {
    const { c, counts } = withRoom();
    let n = 0;
    for (let t = 0; t < 2500; t += 50) {
      c.stored(++n, T);
      vi.advanceTimersByTime(50);
    }
    // Count n is stored at (n - 1) × 50 ms: the first at once, then at 1000 and 2000 ms what was
    // stored before them (the writer never paused for 100 ms), then 100 ms after the last.
    expect(counts()).toEqual([1, 20, 40]);
    vi.advanceTimersByTime(100);
    expect(counts()).toEqual([1, 20, 40, 50]);
  });

  it('sends a held confirmation before a close, and none for a closed socket or an unloaded room', () => {
    const { c, room, counts } = withRoom();
    c.stored(1, T);
    c.stored(2, T);
    c.flushAck();
    expect(counts()).toEqual([1, 2]);
    vi.advanceTimersByTime(100);
    c.stored(3, T);
    c.dropAck();
    vi.advanceTimersByTime(1000);
    expect(counts()).toEqual([1, 2]);
    room.destroyed = true;
    c.stored(4, T);
    vi.advanceTimersByTime(1000);
    c.flushAck();
    expect(counts()).toEqual([1, 2]);
  });

  it('confirms every stored batch with an interval of 0', () => {
    const { c, counts } = withRoom();
    for (let n = 1; n <= 5; n++) c.stored(n, { intervalMs: 0, quietMs: 100 });
    expect(counts()).toEqual([1, 2, 3, 4, 5]);
  });
});
