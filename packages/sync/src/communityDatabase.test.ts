import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  deleteCommunityDatabase,
  deleteLocalDoc,
  flushWrites,
  openCommunityDatabase,
  savePendingCount,
  storedDocNames,
  takePendingCounts,
  type CommunityDatabase,
} from './communityDatabase';
import { communityDatabaseName, deviceDatabaseName } from './databaseNames';
import { LocalDocStore } from './localDocStore';

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
  const doc = new Y.Doc();
  const local = new LocalDocStore(db, name, doc);
  doc.on('destroy', () => local.destroy());
  await local.whenLoaded;
  return doc;
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
});
