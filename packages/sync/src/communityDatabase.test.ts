import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { DexieYProvider } from 'y-dexie';
import {
  compactIfLarge,
  deleteCommunityDatabase,
  deleteLocalDoc,
  flushWrites,
  localDocument,
  openCommunityDatabase,
  savePendingCount,
  storedDocNames,
  takePendingCounts,
  type CommunityDatabase,
} from './communityDatabase';
import { communityDatabaseName, deviceDatabaseName } from './databaseNames';

const opened: CommunityDatabase[] = [];
function open(factory: IDBFactory, cid = 'c1', sub = 'p1'): CommunityDatabase {
  const db = openCommunityDatabase(cid, sub, { indexedDB: factory, IDBKeyRange });
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function loaded(db: CommunityDatabase, name: string) {
  const local = localDocument(db, name);
  await local.store.whenLoaded;
  return local.doc;
}

describe('community database', () => {
  it('names databases by format, community and person, and refuses bad ids', () => {
    expect(communityDatabaseName('maple-lane', 'p_1')).toBe('lianxin.1/c/maple-lane/p_1');
    expect(deviceDatabaseName()).toBe('lianxin.1/device');
    expect(() => communityDatabaseName('Bad', 'p1')).toThrow(/community id/);
    expect(() => communityDatabaseName('c1', 'a/b')).toThrow(/person id/);
  });

  it('keeps a Y.Doc across closing and reopening the database', async () => {
    const factory = new IDBFactory();
    const db = open(factory);
    const doc = await loaded(db, 'roster');
    doc.getMap('households').set('h1', '3-2-501');
    doc.getText('notes').insert(0, '走访');
    doc.getText('notes').delete(0, 1);
    await flushWrites(db);
    doc.destroy();
    db.close();

    const again = open(factory);
    const copy = await loaded(again, 'roster');
    expect(copy).not.toBe(doc);
    expect(copy.getMap('households').toJSON()).toEqual({ h1: '3-2-501' });
    expect(copy.getText('notes').toString()).toBe('访');
    expect(await storedDocNames(again)).toEqual(['roster']);
    copy.destroy();
  });

  it('keeps documents apart: by name, and by person', async () => {
    const factory = new IDBFactory();
    const db = open(factory);
    const roster = await loaded(db, 'roster');
    const minutes = await loaded(db, 'minutes/m-1');
    roster.getMap('m').set('k', 'roster');
    minutes.getMap('m').set('k', 'minutes');
    await flushWrites(db);
    const other = open(factory, 'c1', 'p2');
    const theirs = await loaded(other, 'roster');
    expect(theirs.getMap('m').toJSON()).toEqual({});
    roster.destroy();
    minutes.destroy();
    db.close();
    const again = open(factory);
    expect((await loaded(again, 'minutes/m-1')).getMap('m').get('k')).toBe('minutes');
    expect((await loaded(again, 'roster')).getMap('m').get('k')).toBe('roster');
    theirs.destroy();
  });

  it('hands over pending counts between runs exactly once', async () => {
    const db = open(new IDBFactory());
    await savePendingCount(db, 'roster', 'run-a', 3);
    await savePendingCount(db, 'roster', 'run-b', 2);
    await savePendingCount(db, 'work', 'run-a', 7);
    await savePendingCount(db, 'roster', 'run-c', 4);
    await savePendingCount(db, 'roster', 'run-c', 0); // confirmed meanwhile
    expect(await takePendingCounts(db, 'roster', 'run-d')).toBe(5);
    // The sum now lives in the taking run's row, in the same transaction: a run that stops
    // before writing anything itself still leaves it for the next one.
    expect(await db.pending.where('doc').equals('roster').toArray()).toEqual([{ key: 'roster#run-d', doc: 'roster', count: 5 }]);
    expect(await takePendingCounts(db, 'roster', 'run-e')).toBe(5);
    await savePendingCount(db, 'roster', 'run-e', 0); // run-e saw them confirmed
    expect(await takePendingCounts(db, 'roster', 'run-f')).toBe(0);
    expect(await db.pending.where('doc').equals('roster').count()).toBe(0);
    expect(await takePendingCounts(db, 'work', 'run-f')).toBe(7);
  });

  it('ignores a corrupt pending row', async () => {
    const db = open(new IDBFactory());
    await db.pending.put({ key: 'roster#x', doc: 'roster', count: -4 });
    await db.pending.put({ key: 'roster#y', doc: 'roster', count: 2 });
    expect(await takePendingCounts(db, 'roster', 'z')).toBe(2);
  });

  it('deletes one document with its updates, and a whole database', async () => {
    const factory = new IDBFactory();
    const db = open(factory);
    const care = await loaded(db, 'care');
    care.getMap('m').set('secret', 'x');
    await flushWrites(db);
    DexieYProvider.release(care);
    care.destroy();
    await savePendingCount(db, 'care', 'r', 1);
    await deleteLocalDoc(db, 'care');
    expect(await storedDocNames(db)).toEqual([]);
    expect(await db.table('$docs.content_updates').count()).toBe(0);
    expect(await takePendingCounts(db, 'care', 'r2')).toBe(0);

    const roster = await loaded(db, 'roster');
    roster.getMap('m').set('a', 1);
    await flushWrites(db);
    roster.destroy();
    db.close();
    await deleteCommunityDatabase('c1', 'p1', { indexedDB: factory, IDBKeyRange });
    const again = open(factory);
    expect(await storedDocNames(again)).toEqual([]);
  });

  it('compacts a long history into one row per document, only past the threshold', async () => {
    const factory = new IDBFactory();
    const db = open(factory);
    const roster = await loaded(db, 'roster');
    const work = await loaded(db, 'work');
    for (let i = 0; i < 30; i++) roster.getMap('households').set(`h${i}`, i);
    for (let i = 0; i < 10; i++) work.getArray('visits').push([i]);
    await flushWrites(db);
    const updates = db.table('$docs.content_updates');
    const rows = async (k: string) => updates.where('k').equals(k).count();
    expect(await rows('roster')).toBe(30);
    expect(await compactIfLarge(db, 100)).toBe(false);
    expect(await rows('roster')).toBe(30);
    expect(await compactIfLarge(db, 20)).toBe(true);
    expect(await rows('roster')).toBe(1);
    expect(await rows('work')).toBe(1);
    // The merged rows hold the same content, and later changes still land.
    roster.getMap('households').set('late', 'x');
    await flushWrites(db);
    DexieYProvider.release(roster);
    DexieYProvider.release(work);
    roster.destroy();
    work.destroy();
    db.close();
    const again = open(factory);
    const roster2 = await loaded(again, 'roster');
    const work2 = await loaded(again, 'work');
    expect(roster2.getMap('households').size).toBe(31);
    expect(work2.getArray('visits').toJSON()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    DexieYProvider.release(roster2);
    DexieYProvider.release(work2);
    roster2.destroy();
    work2.destroy();
  });
});
