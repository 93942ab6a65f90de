import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openCommunityDatabase, flushWrites, storedDocNames } from './communityDatabase';
import { LocalDocStore } from './localDocStore';
import { deviceDatabaseName } from './databaseNames';
import { DeviceStore, InvalidTokenError } from './deviceStore';
import { unsignedToken } from './testing/unsignedToken';

const stores: DeviceStore[] = [];
function store(factory = new IDBFactory(), now = () => 1_700_000_000_000): DeviceStore {
  const s = new DeviceStore({ indexedDB: factory, IDBKeyRange }, now);
  stores.push(s);
  return s;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const exp = 1_800_000_000; // seconds, after the test clock

describe('DeviceStore', () => {
  it('saves an account from a token and reads it back after reopening', async () => {
    const factory = new IDBFactory();
    const s = store(factory);
    const token = unsignedToken({ cid: 'maple', sub: 'p1', name: '李书记', role: 'secretary', jti: 'tok1', exp });
    const saved = await s.saveAccount({ token, communityName: '枫林社区', kind: 'urban' });
    expect(saved).toMatchObject({ communityId: 'maple', personId: 'p1', name: '李书记', role: 'secretary', tokenId: 'tok1', expiresAt: exp * 1000, communityName: '枫林社区', kind: 'urban' });
    s.close();
    const again = store(factory);
    expect(await again.listAccounts()).toEqual([saved]);
    expect(await again.lastUsed()).toEqual(saved);
  });

  it('keeps one token per community: joining again replaces it but keeps the name', async () => {
    let t = 1_700_000_000_000;
    const s = store(new IDBFactory(), () => t);
    await s.saveAccount({ token: unsignedToken({ cid: 'maple', role: 'member', jti: 'a', exp }), communityName: '枫林' });
    t += 1000;
    const second = await s.saveAccount({ token: unsignedToken({ cid: 'maple', role: 'committee', jti: 'b', exp }) });
    expect(second).toMatchObject({ role: 'committee', tokenId: 'b', communityName: '枫林', addedAt: 1_700_000_000_000, lastUsedAt: t });
    expect(await s.listAccounts()).toHaveLength(1);
  });

  it('switches between communities and remembers the last one used', async () => {
    let t = 1_700_000_000_000;
    const s = store(new IDBFactory(), () => t++);
    await s.saveAccount({ token: unsignedToken({ cid: 'maple', exp }) });
    await s.saveAccount({ token: unsignedToken({ cid: 'willow', exp }) });
    expect((await s.lastUsed())?.communityId).toBe('willow');
    expect((await s.useAccount('maple'))?.communityId).toBe('maple');
    expect((await s.lastUsed())?.communityId).toBe('maple');
    expect((await s.listAccounts()).map((a) => a.communityId)).toEqual(['maple', 'willow']);
    expect(await s.useAccount('nowhere')).toBeNull();
    expect(await s.getAccount('../x')).toBeNull();
  });

  it.each([
    ['garbage', { token: 'not-a-token' }, 'unreadable'],
    ['a token with bad claims', { token: unsignedToken({ role: 'admin' as 'member' }) }, 'unreadable'],
    ['an expired token', { token: unsignedToken({ exp: 1_600_000_000 }) }, 'expired'],
    ['an empty community name', { token: unsignedToken({ exp }), communityName: '' }, 'badCommunityName'],
  ])('refuses %s and saves nothing', async (_what, input, code) => {
    const s = store();
    const error = await s.saveAccount(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect((error as InvalidTokenError).code).toBe(code);
    expect(await s.listAccounts()).toEqual([]);
    expect(await s.lastUsed()).toBeNull();
  });

  it('skips rows that do not validate', async () => {
    const factory = new IDBFactory();
    const s = store(factory);
    const good = await s.saveAccount({ token: unsignedToken({ cid: 'maple', exp }) });
    const raw = new Dexie(deviceDatabaseName(), { indexedDB: factory, IDBKeyRange });
    raw.version(1).stores({ accounts: 'communityId', settings: 'key' });
    await raw.table('accounts').put({ communityId: 'willow', token: 42 });
    raw.close();
    expect(await s.listAccounts()).toEqual([good]);
    expect(await s.getAccount('willow')).toBeNull();
  });

  it('removing an account deletes its local copy unless asked to keep it', async () => {
    const factory = new IDBFactory();
    const storage = { indexedDB: factory, IDBKeyRange };
    const s = store(factory);
    await s.saveAccount({ token: unsignedToken({ cid: 'maple', sub: 'p1', exp }) });
    await s.saveAccount({ token: unsignedToken({ cid: 'willow', sub: 'p1', exp }) });
    for (const cid of ['maple', 'willow']) {
      const db = openCommunityDatabase(cid, 'p1', storage);
      const doc = new Y.Doc();
      const local = new LocalDocStore(db, 'roster', doc);
      await local.whenLoaded;
      doc.getMap('m').set('a', 1);
      await flushWrites(db);
      local.destroy();
      doc.destroy();
      db.close();
    }
    await s.removeAccount('maple');
    await s.removeAccount('willow', { deleteLocalData: false });
    expect(await s.listAccounts()).toEqual([]);
    expect(await s.lastUsed()).toBeNull();
    const maple = openCommunityDatabase('maple', 'p1', storage);
    const willow = openCommunityDatabase('willow', 'p1', storage);
    expect(await storedDocNames(maple)).toEqual([]);
    expect(await storedDocNames(willow)).toEqual(['roster']);
    maple.close();
    willow.close();
  });
});
