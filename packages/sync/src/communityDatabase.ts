import { Dexie, type EntityTable } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
import { COMMUNITY_SCHEMA_VERSION, communityDatabaseName } from './databaseNames';
import { dexieOptions, type StorageOptions } from './storageOptions';

/** One document of the community. y-dexie keeps `content`'s updates in its own table. */
export interface DocRow {
  /** `roster`, `minutes/<meetingId>`, …: the room name without the community. */
  readonly name: string;
  readonly content: Y.Doc;
}

/**
 * Changes of one document not yet confirmed by the relay, as counted by one run of the engine
 * (`key` = `<doc>#<run>`), so a reload can carry the count over.
 */
export interface PendingRow {
  readonly key: string;
  readonly doc: string;
  readonly count: number;
}

export type CommunityDatabase = Dexie & {
  docs: EntityTable<DocRow, 'name'>;
  pending: EntityTable<PendingRow, 'key'>;
};

/** y-dexie's table of `docs.content` updates (named by y-dexie: `$<table>.<prop>_updates`). */
export const DOC_UPDATES_TABLE = '$docs.content_updates';

/** Opens (lazily) the local copy of a community for one person. */
export function openCommunityDatabase(communityId: string, personId: string, storage: StorageOptions = {}): CommunityDatabase {
  // Dexie's query cache is module-wide, keyed by database name, and kept stale entries of
  // documents deleted in an explicit transaction (seen in tests): documents load from IndexedDB.
  // y-dexie's addon declares the tables and their format; its periodic merge (10 s after open,
  // then every 5 min, re-reading whole documents) is off: LocalDocStore merges as it writes.
  const db = new Dexie(communityDatabaseName(communityId, personId), { ...dexieOptions(storage), addons: [yDexie({ gc: false }) as (db: Dexie) => void], cache: 'disabled' }) as CommunityDatabase;
  db.version(COMMUNITY_SCHEMA_VERSION).stores({
    docs: 'name, content: Y.Doc',
    pending: 'key, doc',
  });
  return db;
}

/** Names of the documents stored on this device. */
export async function storedDocNames(db: CommunityDatabase): Promise<string[]> {
  return (await db.docs.toCollection().primaryKeys()).map(String);
}

/** Deletes a document's local copy (its row and every stored update). */
export async function deleteLocalDoc(db: CommunityDatabase, name: string): Promise<void> {
  await db.transaction('rw', [db.docs, db.table(DOC_UPDATES_TABLE), db.pending], async () => {
    await db.docs.delete(name);
    await db.table(DOC_UPDATES_TABLE).where('k').equals(name).delete();
    await db.pending.where('doc').equals(name).delete();
  });
}

/**
 * Takes over the unconfirmed-change counts earlier runs left for a document: returns their sum
 * and, in the same transaction, moves it to this run's row (`<doc>#<run>`). Never a moment where
 * the count is stored nowhere: a run that closes (or a page that reloads) right after the
 * takeover leaves it for the next one.
 */
export async function takePendingCounts(db: CommunityDatabase, doc: string, run: string): Promise<number> {
  return db.transaction('rw', db.pending, async () => {
    const rows = await db.pending.where('doc').equals(doc).toArray();
    const sum = rows.reduce((n, r) => n + (Number.isInteger(r.count) && r.count > 0 ? r.count : 0), 0);
    await db.pending.bulkDelete(rows.map((r) => r.key));
    if (sum > 0) await db.pending.put({ key: `${doc}#${run}`, doc, count: sum });
    return sum;
  });
}

/**
 * Writes a run's count. Call it synchronously from the doc's `update` event: the transaction is
 * created at once and its scope includes y-dexie's updates table, so IndexedDB runs it before
 * y-dexie's write of that change (created later, on `updateV2`). A stored change therefore
 * always has its count stored too, even when the page is closed right after.
 */
export function savePendingCount(db: CommunityDatabase, doc: string, run: string, count: number): Promise<unknown> {
  const key = `${doc}#${run}`;
  return db.transaction('rw', [db.pending, db.table(DOC_UPDATES_TABLE)], async () => {
    if (count > 0) await db.pending.put({ key, doc, count });
    else await db.pending.delete(key);
  });
}

/**
 * Resolves once every write issued before the call has been committed: IndexedDB runs
 * read-write transactions on the same stores in the order they were created.
 */
export async function flushWrites(db: CommunityDatabase): Promise<void> {
  await db.transaction('rw', [db.table(DOC_UPDATES_TABLE), db.pending, db.docs], async () => {
    await db.pending.count();
  });
}

/** Deletes a person's whole local copy of a community. */
export async function deleteCommunityDatabase(communityId: string, personId: string, storage: StorageOptions = {}): Promise<void> {
  await new Dexie(communityDatabaseName(communityId, personId), dexieOptions(storage)).delete();
}
