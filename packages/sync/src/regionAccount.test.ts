// A township's account sits beside community accounts in the device store; forgetting it deletes
// its region database (not a community one).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { communityDatabaseName, regionDatabaseName } from './databaseNames';
import { openCommunityDatabase } from './communityDatabase';
import { DeviceStore } from './deviceStore';
import { openRegionDatabase } from './regionDatabase';
import { unsignedToken } from './testing/unsignedToken';

const exp = 1_800_000_000;

describe('region accounts on the device', () => {
  it('are kept beside community ones and removing one deletes its region database only', async () => {
    const factory = new IDBFactory();
    const storage = { indexedDB: factory, IDBKeyRange };
    const s = new DeviceStore(storage, () => 1_700_000_000_000);
    await s.saveAccount({ token: unsignedToken({ cid: 'maple', sub: 'p1', role: 'secretary', exp }), communityName: '枫林社区', kind: 'urban' });
    const town = await s.saveAccount({ token: unsignedToken({ cid: 'gy-town', sub: 'p2', role: 'township', exp }), communityName: '古镛镇' });
    expect(town).toMatchObject({ communityId: 'gy-town', role: 'township', communityName: '古镛镇', kind: null });
    expect((await s.listAccounts()).map((a) => a.communityId).sort()).toEqual(['gy-town', 'maple']);
    for (const db of [openRegionDatabase('gy-town', 'p2', storage), openCommunityDatabase('maple', 'p1', storage)]) {
      await db.open();
      db.close();
    }
    const names = async () => (await factory.databases()).map((d) => d.name);
    expect(await names()).toEqual(expect.arrayContaining([regionDatabaseName('gy-town', 'p2'), communityDatabaseName('maple', 'p1')]));
    await s.removeAccount('gy-town');
    expect(await names()).not.toContain(regionDatabaseName('gy-town', 'p2'));
    expect(await names()).toContain(communityDatabaseName('maple', 'p1'));
    expect((await s.listAccounts()).map((a) => a.communityId)).toEqual(['maple']);
    s.close();
  });
});
