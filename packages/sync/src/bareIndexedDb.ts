// The bare IndexedDB API, promised: what the page's boot script reads with before Dexie is even
// fetched (peekAccounts, peekDocViews). Never creates or upgrades a database.

export const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

/** Opens an existing database as it is; null when there is none (its creation is aborted). */
export function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
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

/** Runs `read` in one read-only transaction over `stores` of an existing database; undefined when the database or a store is missing. */
export async function readExisting<T>(factory: IDBFactory, database: string, stores: readonly string[], read: (tx: IDBTransaction) => Promise<T>): Promise<T | undefined> {
  const db = await openExisting(factory, database);
  if (!db) return undefined;
  try {
    if (stores.some((s) => !db.objectStoreNames.contains(s))) return undefined;
    return await read(db.transaction([...stores], 'readonly'));
  } finally {
    db.close();
  }
}
