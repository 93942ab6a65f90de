import { afterEach, describe, expect, it, vi } from 'vitest';
import { GroupCommit } from './groupCommit';

/** An fsync the test completes by hand. */
function manualFsync() {
  const pending: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const fsync = () => new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
  return { fsync, pending };
}
const flush = () => new Promise((r) => setImmediate(r));

describe('GroupCommit', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('under sustained writes starts fsyncs no closer than the gap asked for; the first at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const { fsync, pending } = manualFsync();
    const group = new GroupCommit(fsync, 5);
    group.written();
    const first = group.durable();
    expect(pending).toHaveLength(1);
    pending[0]?.resolve();
    await first;
    group.written();
    const second = group.durable();
    expect(pending).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5);
    expect(pending).toHaveLength(2);
    pending[1]?.resolve();
    await second;
  });

  it('resolves a write only after an fsync that started after it completed', async () => {
    const { fsync, pending } = manualFsync();
    const group = new GroupCommit(fsync);
    group.written();
    let done = false;
    void group.durable().then(() => (done = true));
    await flush();
    expect(pending).toHaveLength(1);
    expect(done).toBe(false);
    pending[0]?.resolve();
    await flush();
    expect(done).toBe(true);
  });

  it('covers every write made while an fsync ran with one more fsync', async () => {
    const { fsync, pending } = manualFsync();
    const group = new GroupCommit(fsync);
    group.written();
    const first = group.durable();
    const later: Promise<void>[] = [];
    let laterDone = 0;
    for (let i = 0; i < 50; i++) {
      group.written();
      later.push(group.durable().then(() => void laterDone++));
    }
    await flush();
    expect(pending).toHaveLength(1);
    pending[0]?.resolve();
    await first;
    await flush();
    // The first fsync began before these writes: they wait for the second.
    expect(laterDone).toBe(0);
    expect(pending).toHaveLength(2);
    pending[1]?.resolve();
    await Promise.all(later);
    expect(group.fsyncs).toBe(2);
  });

  it('needs no fsync when nothing was written since the last one', async () => {
    const { fsync, pending } = manualFsync();
    const group = new GroupCommit(fsync);
    await group.durable();
    group.written();
    const p = group.durable();
    pending[0]?.resolve();
    await p;
    await group.durable();
    expect(group.fsyncs).toBe(1);
  });

  it('rejects every write made before a failed fsync reported, and fsyncs again for later ones', async () => {
    const { fsync, pending } = manualFsync();
    const group = new GroupCommit(fsync);
    group.written();
    const failed = group.durable();
    await flush();
    group.written();
    const during = group.durable();
    pending[0]?.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' }));
    await expect(failed).rejects.toThrow('no space');
    // Written while the failed fsync ran: its pages may be the ones the kernel dropped.
    await expect(during).rejects.toThrow('no space');
    group.written();
    const next = group.durable();
    await flush();
    pending[1]?.resolve();
    await expect(next).resolves.toBeUndefined();
  });
});
