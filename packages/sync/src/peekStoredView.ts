// Reads a view kept beside a document (`LocalDocStore.writeView`) with the bare IndexedDB API:
// no Dexie, no Yjs, so the page can run it inline before the app's code is even fetched.
// Never creates or upgrades a database: a device that has none answers null.
import { communityDatabaseName, deviceDatabaseName } from './databaseNames';

export interface PeekInput {
  readonly communityId: string;
  /** the document the view was kept beside, e.g. `roster` */
  readonly doc: string;
  /** the view's key (`writeView`'s) */
  readonly key: string;
  /** default: the global `indexedDB` */
  readonly indexedDB?: IDBFactory;
}

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

/** Opens an existing database as it is; null when there is none (its creation is aborted). */
function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const r = factory.open(name);
    let missing = false;
    r.onupgradeneeded = () => {
      missing = true;
      r.transaction?.abort();
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = (event) => {
      event.preventDefault();
      if (missing) resolve(null);
      else reject(r.error ?? new Error(`cannot open ${name}`));
    };
    // Another tab upgrading the database: not worth waiting for here.
    r.onblocked = () => resolve(null);
  });
}

async function readOne(factory: IDBFactory, database: string, store: string, key: string): Promise<unknown> {
  const db = await openExisting(factory, database);
  if (!db) return undefined;
  try {
    if (!db.objectStoreNames.contains(store)) return undefined;
    return await request(db.transaction(store, 'readonly').objectStore(store).get(key));
  } finally {
    db.close();
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export interface PeekedView {
  /** the kept value, untrusted (any tab of the origin could have written it): validate it */
  readonly value: unknown;
  /** the community's name as the device's account for it has it */
  readonly communityName: string | null;
}

/**
 * The view `key` kept beside `doc` in this device's copy of the community, for the person whose
 * account for it the device holds. Null when any of it is missing.
 */
export async function peekStoredView(input: PeekInput): Promise<PeekedView | null> {
  const factory = input.indexedDB ?? globalThis.indexedDB;
  if (!factory) return null;
  const account = await readOne(factory, deviceDatabaseName(), 'accounts', input.communityId);
  if (!isRecord(account) || typeof account.personId !== 'string') return null;
  let name: string;
  try {
    name = communityDatabaseName(input.communityId, account.personId);
  } catch {
    return null;
  }
  const row = await readOne(factory, name, 'docs', input.doc);
  if (!isRecord(row) || !isRecord(row.views)) return null;
  const view = row.views[input.key];
  if (!isRecord(view) || !('value' in view)) return null;
  return { value: view.value, communityName: typeof account.communityName === 'string' ? account.communityName : null };
}
