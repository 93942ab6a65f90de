import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openCommunityDatabase } from './communityDatabase';
import { communityDatabaseName, deviceDatabaseName } from './databaseNames';
import { DeviceStore } from './deviceStore';
import { LocalDocStore } from './localDocStore';
import { peekAccounts } from './peekAccounts';
import { peekDocViews } from './peekDocViews';
import { unsignedToken } from './testing/unsignedToken';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});

const exp = 1_800_000_000;

function deviceStore(factory: IDBFactory, now = 1_700_000_000_000): DeviceStore {
  const accounts = new DeviceStore({ indexedDB: factory, IDBKeyRange }, () => now);
  cleanup.push(() => accounts.close());
  return accounts;
}

/** Writes a row into a store of an existing database with the bare API (as another tab could). */
function putRaw(factory: IDBFactory, database: string, store: string, row: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = factory.open(database);
    r.onsuccess = () => {
      const tx = r.result.transaction(store, 'readwrite');
      tx.objectStore(store).put(row);
      tx.oncomplete = () => (r.result.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** A device that joined `maple` as p1 and kept a view beside its roster document. */
async function device(value: unknown): Promise<IDBFactory> {
  const factory = new IDBFactory();
  await deviceStore(factory).saveAccount({ token: unsignedToken({ cid: 'maple', sub: 'p1', role: 'member', jti: 't1', exp }), communityName: '枫林' });
  const db = openCommunityDatabase('maple', 'p1', { indexedDB: factory, IDBKeyRange });
  cleanup.push(() => db.close());
  const doc = new Y.Doc();
  const store = new LocalDocStore(db, 'roster', doc);
  cleanup.push(() => store.destroy());
  await store.whenLoaded;
  doc.getMap('m').set('k', 1);
  expect(await store.writeView('first', value)).toBe(true);
  return factory;
}

describe('peekAccounts', () => {
  it('reads the accounts and the one used last exactly as DeviceStore lists them', async () => {
    const factory = new IDBFactory();
    await deviceStore(factory, 1_700_000_000_000).saveAccount({ token: unsignedToken({ cid: 'maple', sub: 'p1', role: 'member', jti: 't1', exp }), communityName: '枫林', kind: 'urban' });
    const store = deviceStore(factory, 1_700_000_100_000);
    await store.saveAccount({ token: unsignedToken({ cid: 'oak', sub: 'p2', role: 'secretary', jti: 't2', exp }), communityName: '橡树' });
    await store.useAccount('maple');
    const peeked = await peekAccounts(factory);
    expect(peeked?.accounts).toEqual(await store.listAccounts());
    expect(peeked?.accounts.map((a) => a.communityId)).toEqual(['maple', 'oak']);
    expect(peeked?.lastUsed).toBe('maple');
    expect((await store.lastUsed())?.communityId).toBe('maple');
  });

  it('skips a row DeviceStore would refuse, and falls back to the latest account when the one named last is gone', async () => {
    const factory = new IDBFactory();
    const store = deviceStore(factory);
    await store.saveAccount({ token: unsignedToken({ cid: 'maple', sub: 'p1', role: 'member', jti: 't1', exp }), communityName: '枫林' });
    const good = (await store.listAccounts())[0]!;
    // Rows written by something else in this origin: each breaks one field.
    const broken = [
      { ...good, communityId: 'Bad Id' },
      { ...good, communityId: 'x1', role: 'admin' },
      { ...good, communityId: 'x2', token: '' },
      { ...good, communityId: 'x3', communityName: 'n'.repeat(201) },
      { ...good, communityId: 'x4', kind: 'city' },
      { ...good, communityId: 'x5', expiresAt: '2030' },
      { ...good, communityId: 'x6', personId: undefined },
    ];
    for (const row of broken) await putRaw(factory, deviceDatabaseName(), 'accounts', row);
    await putRaw(factory, deviceDatabaseName(), 'settings', { key: 'lastUsedCommunity', value: 'x1' });
    const peeked = await peekAccounts(factory);
    expect(peeked?.accounts.map((a) => a.communityId)).toEqual(['maple']);
    expect(await store.listAccounts()).toEqual(peeked?.accounts);
    expect(peeked?.lastUsed).toBe('maple');
  });

  it('creates no database on a device that has none', async () => {
    const factory = new IDBFactory();
    expect(await peekAccounts(factory)).toBeNull();
    expect(await factory.databases()).toEqual([]);
  });
});

describe('peekDocViews', () => {
  it("reads every view kept beside a document of the person's copy", async () => {
    const factory = await device({ rows: ['a', 'b'] });
    expect(await peekDocViews({ communityId: 'maple', personId: 'p1', doc: 'roster', indexedDB: factory })).toEqual({ first: { rows: ['a', 'b'] } });
  });

  it('answers null for another document, community or person, and hands back a hostile value as it is (the caller validates)', async () => {
    const factory = await device('<script>alert(1)</script>');
    expect(await peekDocViews({ communityId: 'maple', personId: 'p1', doc: 'work', indexedDB: factory })).toBeNull();
    expect(await peekDocViews({ communityId: 'oak', personId: 'p1', doc: 'roster', indexedDB: factory })).toBeNull();
    expect(await peekDocViews({ communityId: 'maple', personId: 'p2', doc: 'roster', indexedDB: factory })).toBeNull();
    expect(await peekDocViews({ communityId: 'maple', personId: 'p1', doc: 'roster', indexedDB: factory })).toEqual({ first: '<script>alert(1)</script>' });
  });

  it('answers null when the copy of the community is not there, without creating it', async () => {
    const factory = new IDBFactory();
    await deviceStore(factory).saveAccount({ token: unsignedToken({ cid: 'maple', sub: 'p1', role: 'member', jti: 't1', exp }), communityName: '枫林' });
    expect(await peekDocViews({ communityId: 'maple', personId: 'p1', doc: 'roster', indexedDB: factory })).toBeNull();
    expect((await factory.databases()).map((d) => d.name)).toEqual([deviceDatabaseName()]);
    expect((await factory.databases()).map((d) => d.name)).not.toContain(communityDatabaseName('maple', 'p1'));
  });

  it('refuses an unusable person id before opening anything', async () => {
    const factory = new IDBFactory();
    expect(await peekDocViews({ communityId: 'maple', personId: '../../x', doc: 'roster', indexedDB: factory })).toBeNull();
    expect(await factory.databases()).toEqual([]);
  });
});
