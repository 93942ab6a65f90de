// The two ways of keeping the community on the device, behind the session the app's hooks read.
import * as Y from 'yjs';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import { FIXED_DOCS, type FixedDoc } from '@lianxin/protocol';
import { openCommunityDatabase } from '@lianxin/sync';
import type { Account } from '../../../../client/src/state/Account';
import type { ClientSession } from '../../../../client/src/state/ClientSession';
import { openSession } from '../../../../client/src/state/openSession';
import { compactStoredDoc } from '../../../../packages/sync/src/compactStoredDoc';

export type StoreKind = 'dexie' | 'idb';

const offline = { type: 'offline', pending: 0 } as const;

/** The app's own session (`openSession`: @lianxin/sync on Dexie), kept local (no relay here). */
export function openDexie(account: Account, first: readonly FixedDoc[]): ClientSession {
  return openSession(account, [location.origin], first, { connect: false });
}

/**
 * Writes a history straight into the updates table, row for row what the app writes for a
 * local update (y-dexie's `{ k: <doc>, u: <update, V2>, f: 1 }`), in one bulk transaction
 * per document (writing 28,000 updates one transaction each takes minutes, to the same rows).
 */
export async function seedDexie(account: Account, histories: ReadonlyMap<FixedDoc, readonly Uint8Array[]>): Promise<void> {
  // Opening a session once creates the database and lists the documents.
  const session = openDexie(account, []);
  await session.whenLoaded;
  session.close();
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

/** The app's own merge of a stored history (what LocalDocStore runs when idle after a long load or 200 writes). */
export async function compactDexie(account: Account): Promise<void> {
  const db = openCommunityDatabase(account.communityId, account.personId);
  await db.open();
  for (const kind of FIXED_DOCS) await compactStoredDoc(db, kind);
  db.close();
}

/**
 * The same documents through y-indexeddb, one database per document, with the same loading
 * order as the app's session: the page's documents first, the others once those are loaded.
 */
export function openIdb(account: Account, first: readonly FixedDoc[]): ClientSession {
  const docs = {} as Record<FixedDoc, Y.Doc | null>;
  const providers = new Map<FixedDoc, IndexeddbPersistence>();
  const loaded = new Set<FixedDoc>();
  const whenDocLoaded = new Map<FixedDoc, Promise<void>>();
  const open = (kind: FixedDoc) => {
    const provider = new IndexeddbPersistence(`bench-idb/${account.communityId}/${kind}`, docs[kind]!);
    providers.set(kind, provider);
    return provider.whenSynced.then(() => void loaded.add(kind));
  };
  for (const kind of FIXED_DOCS) docs[kind] = new Y.Doc();
  const firstLoaded = Promise.all(first.map((kind) => {
    const p = open(kind);
    whenDocLoaded.set(kind, p);
    return p;
  }));
  // Like the app's session: the rest at the next idle moment after the first ones.
  const thenIdle = firstLoaded.then(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 500 })));
  for (const kind of FIXED_DOCS) if (!first.includes(kind)) whenDocLoaded.set(kind, thenIdle.then(() => open(kind)));
  return {
    account,
    docs,
    whenLoaded: Promise.all(whenDocLoaded.values()).then(() => undefined),
    isDocLoaded: (kind) => loaded.has(kind),
    whenDocLoaded: (kind) => whenDocLoaded.get(kind)!,
    // y-indexeddb keeps nothing beside a document: the page waits for the document.
    readView: () => Promise.resolve(null),
    writeView: () => undefined,
    subscribeStatus: () => () => undefined,
    getStatus: () => offline,
    openMinutes: () => {
      throw new Error('not in the bench');
    },
    unsent: () => [],
    close: () => providers.forEach((p) => void p.destroy()),
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
