// The two ways of keeping the community on the device, behind the session the app's hooks read.
import * as Y from 'yjs';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import { compressYDocs } from 'y-dexie';
import { FIXED_DOCS, type FixedDoc } from '@lianxin/protocol';
import { openCommunityDatabase, openCommunitySession } from '@lianxin/sync';
import type { Account } from '../../../../client/src/state/Account';
import type { ClientSession } from '../../../../client/src/state/ClientSession';

export type StoreKind = 'dexie' | 'idb';

const offline = { type: 'offline', pending: 0 } as const;

/** The app's engine: @lianxin/sync's session (Dexie + y-dexie), kept local (no relay here). */
export function openDexie(account: Account): ClientSession & { rosterLoaded: Promise<void>; flush(): Promise<void>; destroy(): Promise<void> } {
  const session = openCommunitySession({ relayUrl: location.origin, token: account.token, connect: false });
  return {
    account,
    rosterLoaded: session.handle('roster')!.whenLoaded,
    docs: session.docs,
    whenLoaded: session.whenLoaded,
    subscribeStatus: () => () => undefined,
    getStatus: () => offline,
    openMinutes: () => {
      throw new Error('not in the bench');
    },
    close: () => void session.destroy(),
    flush: () => session.flush(),
    destroy: () => session.destroy(),
  };
}

/**
 * Writes a history straight into y-dexie's updates table, row for row what y-dexie itself
 * writes for a local update (`{ k: <doc>, u: <update, V2>, f: 1 }`), in one bulk transaction
 * per document (writing 28,000 updates one transaction each takes minutes, to the same rows).
 */
export async function seedDexie(account: Account, histories: ReadonlyMap<FixedDoc, readonly Uint8Array[]>): Promise<void> {
  // Opening a session once creates the document rows y-dexie needs.
  const session = openDexie(account);
  await session.whenLoaded;
  await session.destroy();
  const db = openCommunityDatabase(account.communityId, account.personId);
  await db.open();
  for (const [name, updates] of histories) {
    await db.table('$docs.content_updates').bulkAdd(updates.map((u) => ({ k: name, u: Y.convertUpdateFormatV1ToV2(u), f: 1 })));
  }
  db.close();
}

/** y-indexeddb's rows for the same history: its empty initial state, then each update (V1). */
export async function seedIdb(account: Account, histories: ReadonlyMap<FixedDoc, readonly Uint8Array[]>): Promise<void> {
  for (const [name, updates] of histories) {
    const doc = new Y.Doc();
    const provider = new IndexeddbPersistence(`bench-idb/${account.communityId}/${name}`, doc);
    await provider.whenSynced;
    await provider.destroy();
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(`bench-idb/${account.communityId}/${name}`);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('updates', 'readwrite');
        const table = tx.objectStore('updates');
        for (const u of updates) table.add(u);
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }
}

/** y-indexeddb's own trim (what it does 1 s after writing when it holds ≥ 500 updates). */
export async function compactIdb(account: Account): Promise<void> {
  for (const kind of FIXED_DOCS) {
    const doc = new Y.Doc();
    const provider = new IndexeddbPersistence(`bench-idb/${account.communityId}/${kind}`, doc);
    await provider.whenSynced;
    await storeState(provider, false);
    // storeState's writes finish after its promise; wait until at most the state row is left.
    for (let i = 0; i < 200 && (await idbRows(`bench-idb/${account.communityId}/${kind}`)) > 2; i++) await new Promise((r) => setTimeout(r, 50));
    await provider.destroy();
  }
}

/** y-dexie's own compaction (what its timer runs 10 s after open and every 5 minutes). */
export async function compactDexie(account: Account): Promise<void> {
  const db = openCommunityDatabase(account.communityId, account.personId);
  await db.open();
  await compressYDocs(db);
  db.close();
}

/** The same documents through y-indexeddb, one database per document. */
export function openIdb(account: Account): ClientSession & { rosterLoaded: Promise<void>; providers: IndexeddbPersistence[]; destroy(): Promise<void> } {
  const docs = {} as Record<FixedDoc, Y.Doc | null>;
  const providers: IndexeddbPersistence[] = [];
  for (const kind of FIXED_DOCS) {
    const doc = new Y.Doc();
    docs[kind] = doc;
    providers.push(new IndexeddbPersistence(`bench-idb/${account.communityId}/${kind}`, doc));
  }
  return {
    account,
    docs,
    providers,
    rosterLoaded: providers[FIXED_DOCS.indexOf('roster')]!.whenSynced.then(() => undefined),
    whenLoaded: Promise.all(providers.map((p) => p.whenSynced)).then(() => undefined),
    subscribeStatus: () => () => undefined,
    getStatus: () => offline,
    openMinutes: () => {
      throw new Error('not in the bench');
    },
    close: () => providers.forEach((p) => void p.destroy()),
    destroy: async () => {
      await Promise.all(providers.map((p) => p.destroy()));
    },
  };
}

/** Rows in a y-indexeddb database (to know every update has been written). */
export async function idbRows(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const count = db.transaction('updates').objectStore('updates').count();
      count.onsuccess = () => {
        resolve(count.result);
        db.close();
      };
      count.onerror = () => reject(count.error);
    };
  });
}
