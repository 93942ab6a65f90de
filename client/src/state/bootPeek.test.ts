import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DeviceStore, LocalDocStore, openCommunityDatabase } from '@lianxin/sync';
import { unsignedToken } from '../../../packages/sync/src/testing/unsignedToken';
import { bootAccounts, bootViews, startBootPeek, takeBootView } from './bootPeek';

const g = globalThis as { indexedDB?: IDBFactory; __lianxinBootPeek?: unknown };
const cleanup: (() => void)[] = [];

beforeEach(() => {
  g.indexedDB = new IDBFactory();
  delete g.__lianxinBootPeek;
});
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});

/** This device joined `maple` as p1 and kept `views` beside its work document. */
async function joinedWithViews(views: Record<string, unknown>): Promise<void> {
  const storage = { indexedDB: g.indexedDB!, IDBKeyRange };
  const device = new DeviceStore(storage);
  cleanup.push(() => device.close());
  await device.saveAccount({ token: unsignedToken({ cid: 'maple', sub: 'p1', role: 'member', jti: 't1', exp: 1_900_000_000 }), communityName: '枫林' });
  const db = openCommunityDatabase('maple', 'p1', storage);
  cleanup.push(() => db.close());
  const doc = new Y.Doc();
  const store = new LocalDocStore(db, 'work', doc);
  cleanup.push(() => store.destroy());
  await store.whenLoaded;
  doc.getMap('m').set('k', 1);
  for (const [key, value] of Object.entries(views)) expect(await store.writeView(key, value)).toBe(true);
}

describe('startBootPeek', () => {
  it("reads the accounts and the route's kept views, and hands each view to the page once", async () => {
    await joinedWithViews({ mine: { rows: [1] }, other: 'x' });
    startBootPeek('/c/maple/my');
    const accounts = await bootAccounts()!.read;
    expect(accounts?.accounts.map((a) => [a.communityId, a.personId, a.communityName])).toEqual([['maple', 'p1', '枫林']]);
    expect(accounts?.lastUsed).toBe('maple');
    expect(takeBootView('oak', 'work', 'mine')).toBeUndefined();
    expect(takeBootView('maple', 'roster', 'mine')).toBeUndefined();
    // Taken while still reading: the page waits for the read.
    const early = takeBootView('maple', 'work', 'mine')!;
    expect(early.settled).toBeUndefined();
    await expect(early.read).resolves.toEqual({ rows: [1] });
    expect(takeBootView('maple', 'work', 'mine')).toBeUndefined();
    // The boot script's own look at the views takes nothing.
    await expect(bootViews('maple', 'work')!.read).resolves.toMatchObject({ other: 'x' });
    // Taken once read: the page's first render has the value without waiting.
    expect(takeBootView('maple', 'work', 'other')?.settled).toEqual({ value: 'x' });
    expect(takeBootView('maple', 'work', 'missing')?.settled).toEqual({ value: null });
  });

  it('starts once per page load (the boot script, not main.tsx again)', () => {
    startBootPeek('/c/maple/my');
    const first = g.__lianxinBootPeek;
    startBootPeek('/c/maple/roster');
    expect(g.__lianxinBootPeek).toBe(first);
    expect(bootViews('maple', 'roster')).toBeUndefined();
  });

  it('reads only the accounts on a route that keeps no views, and nothing is created on a new device', async () => {
    startBootPeek('/c/maple/meetings');
    await expect(bootAccounts()!.read).resolves.toBeNull();
    expect(bootViews('maple', 'work')).toBeUndefined();
    expect(await g.indexedDB!.databases()).toEqual([]);
  });

  it("answers null, not an error, for a community the device has not joined or a broken database", async () => {
    await joinedWithViews({ mine: 1 });
    startBootPeek('/c/oak/my');
    await expect(bootViews('oak', 'work')!.read).resolves.toBeNull();
    delete g.__lianxinBootPeek;
    g.indexedDB = { open: () => { throw new Error('IndexedDB is broken'); } } as unknown as IDBFactory;
    startBootPeek('/c/maple/my');
    await expect(bootAccounts()!.read).resolves.toBeNull();
    await expect(bootViews('maple', 'work')!.read).resolves.toBeNull();
  });

  it('leaves no read for a page outside the app (nothing started)', () => {
    expect(bootAccounts()).toBeUndefined();
    expect(takeBootView('maple', 'work', 'mine')).toBeUndefined();
  });
});
