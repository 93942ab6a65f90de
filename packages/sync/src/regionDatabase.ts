import { Dexie, type EntityTable } from 'dexie';
import yDexie from 'y-dexie';
import type { CommunityDatabase } from './communityDatabase';
import { REGION_SCHEMA_VERSION, regionDatabaseName } from './databaseNames';
import { dexieOptions, type StorageOptions } from './storageOptions';

/** A small value kept beside the documents (the region's directory, so the desk opens offline). */
export interface MetaRow {
  readonly key: string;
  readonly value: unknown;
}

/**
 * The local copy of a region for one person: the same `docs` and `pending` tables as a community
 * database (so SyncedDoc and LocalDocStore work on it unchanged), a document's name being its
 * whole room name (`<regionId>/region`, `<communityId>/escalations`), and a `meta` table.
 */
export type RegionDatabase = CommunityDatabase & { meta: EntityTable<MetaRow, 'key'> };

export function openRegionDatabase(regionId: string, personId: string, storage: StorageOptions = {}): RegionDatabase {
  // As openCommunityDatabase: no query cache, y-dexie's periodic merge off (LocalDocStore merges).
  const db = new Dexie(regionDatabaseName(regionId, personId), { ...dexieOptions(storage), addons: [yDexie({ gc: false }) as (db: Dexie) => void], cache: 'disabled' }) as RegionDatabase;
  db.version(REGION_SCHEMA_VERSION).stores({
    docs: 'name, content: Y.Doc',
    pending: 'key, doc',
    meta: 'key',
  });
  return db;
}

/** Deletes a person's whole local copy of a region. */
export async function deleteRegionDatabase(regionId: string, personId: string, storage: StorageOptions = {}): Promise<void> {
  await new Dexie(regionDatabaseName(regionId, personId), dexieOptions(storage)).delete();
}
