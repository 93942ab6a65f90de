import { Dexie } from 'dexie';

/** Where IndexedDB comes from. In a browser, nothing; in Node, fake-indexeddb's. */
export interface StorageOptions {
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
}

/** Dexie constructor options for these storage options; throws when there is no IndexedDB. */
export function dexieOptions(options: StorageOptions): { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } {
  const indexedDB = options.indexedDB ?? globalThis.indexedDB;
  const keyRange = options.IDBKeyRange ?? globalThis.IDBKeyRange;
  if (!indexedDB || !keyRange) {
    throw new Error('No IndexedDB here: pass { indexedDB, IDBKeyRange } (in Node, from fake-indexeddb).');
  }
  // Dexie's liveQuery (which y-dexie loads documents with) silently never runs unless Dexie's
  // global dependency is set, even when each database gets its own factory. In a browser it
  // already is; in Node we set it once. Each database still uses the factory it was given.
  if (!Dexie.dependencies.indexedDB) {
    Dexie.dependencies.indexedDB = indexedDB;
    Dexie.dependencies.IDBKeyRange = keyRange;
  }
  return { indexedDB, IDBKeyRange: keyRange };
}
