import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openCommunityDatabase } from './communityDatabase';
import { communityDatabaseName, deviceDatabaseName } from './databaseNames';
import { DeviceStore } from './deviceStore';
import { LocalDocStore } from './localDocStore';
import { peekStoredView } from './peekStoredView';
import { unsignedToken } from './testing/unsignedToken';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});

const exp = 1_800_000_000;

/** A device that joined `maple` as p1 and kept a view beside its roster document. */
async function device(value: unknown): Promise<IDBFactory> {
  const factory = new IDBFactory();
  const accounts = new DeviceStore({ indexedDB: factory, IDBKeyRange }, () => 1_700_000_000_000);
  cleanup.push(() => accounts.close());
  await accounts.saveAccount({ token: unsignedToken({ cid: 'maple', sub: 'p1', role: 'member', jti: 't1', exp }), communityName: '枫林' });
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

describe('peekStoredView', () => {
  it('reads the view LocalDocStore kept, for the person the device joined as', async () => {
    const factory = await device({ rows: ['a', 'b'] });
    expect(await peekStoredView({ communityId: 'maple', doc: 'roster', key: 'first', indexedDB: factory })).toEqual({ value: { rows: ['a', 'b'] }, communityName: '枫林' });
  });

  it('answers null for another key, document or community, and hands back a hostile value as it is (the caller validates)', async () => {
    const factory = await device('<script>alert(1)</script>');
    expect(await peekStoredView({ communityId: 'maple', doc: 'roster', key: 'other', indexedDB: factory })).toBeNull();
    expect(await peekStoredView({ communityId: 'maple', doc: 'work', key: 'first', indexedDB: factory })).toBeNull();
    expect(await peekStoredView({ communityId: 'oak', doc: 'roster', key: 'first', indexedDB: factory })).toBeNull();
    expect(await peekStoredView({ communityId: 'maple', doc: 'roster', key: 'first', indexedDB: factory })).toMatchObject({ value: '<script>alert(1)</script>' });
  });

  it('creates no database on a device that has none', async () => {
    const factory = new IDBFactory();
    expect(await peekStoredView({ communityId: 'maple', doc: 'roster', key: 'first', indexedDB: factory })).toBeNull();
    expect(await factory.databases()).toEqual([]);
  });

  it('answers null when the account is there but its copy of the community is not, without creating it', async () => {
    const factory = new IDBFactory();
    const accounts = new DeviceStore({ indexedDB: factory, IDBKeyRange }, () => 1_700_000_000_000);
    cleanup.push(() => accounts.close());
    await accounts.saveAccount({ token: unsignedToken({ cid: 'maple', sub: 'p1', role: 'member', jti: 't1', exp }), communityName: '枫林' });
    expect(await peekStoredView({ communityId: 'maple', doc: 'roster', key: 'first', indexedDB: factory })).toBeNull();
    expect((await factory.databases()).map((d) => d.name)).toEqual([deviceDatabaseName()]);
    expect((await factory.databases()).map((d) => d.name)).not.toContain(communityDatabaseName('maple', 'p1'));
  });

  it('ignores an account row with an unusable person id', async () => {
    const factory = new IDBFactory();
    const accounts = new DeviceStore({ indexedDB: factory, IDBKeyRange }, () => 1_700_000_000_000);
    cleanup.push(() => accounts.close());
    await accounts.saveAccount({ token: unsignedToken({ cid: 'maple', sub: 'p1', role: 'member', jti: 't1', exp }), communityName: '枫林' });
    // A row written by something else in this origin: the name it would lead to is refused.
    await new Promise<void>((resolve, reject) => {
      const r = factory.open(deviceDatabaseName());
      r.onsuccess = () => {
        const tx = r.result.transaction('accounts', 'readwrite');
        tx.objectStore('accounts').put({ communityId: 'maple', personId: '../../x' });
        tx.oncomplete = () => (r.result.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    });
    expect(await peekStoredView({ communityId: 'maple', doc: 'roster', key: 'first', indexedDB: factory })).toBeNull();
  });
});
