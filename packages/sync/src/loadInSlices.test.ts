import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DOC_UPDATES_TABLE, openCommunityDatabase, type CommunityDatabase } from './communityDatabase';
import { compactStoredDoc, needsCompaction, OVERSIZED_ROW_BYTES, type UpdateRow } from './compactStoredDoc';
import { CHUNK_BYTES } from './encodeStateInChunks';
import { loadInSlices } from './loadInSlices';
import { isLoadingSlice } from './loadingSlices';
import { LocalDocStore, type LocalDocStoreOptions } from './localDocStore';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});

function open(factory: IDBFactory): CommunityDatabase {
  const db = openCommunityDatabase('c1', 'p1', { indexedDB: factory, IDBKeyRange });
  cleanup.push(() => db.close());
  return db;
}

function store(db: CommunityDatabase, options: LocalDocStoreOptions = {}, doc = new Y.Doc()): LocalDocStore {
  const s = new LocalDocStore(db, 'roster', doc, options);
  cleanup.push(() => {
    s.destroy();
    doc.destroy();
  });
  return s;
}

const table = (db: CommunityDatabase) => db.table<UpdateRow, number>(DOC_UPDATES_TABLE);
const rows = (db: CommunityDatabase) => table(db).where('k').equals('roster').toArray();

/** A history of one update per household, as a device writes it (some overwritten, some deleted). */
function history(households: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('updateV2', (u: Uint8Array) => updates.push(u));
  const map = doc.getMap<unknown>('households');
  for (let i = 0; i < households; i++) map.set(`h${i}`, { address: `龙海路${i}号${i % 7}单元${100 + (i % 40)}室`, head: '王秀英', phone: `1380000${String(i).padStart(4, '0')}`, tags: ['独居老人', '低保'] });
  for (let i = 0; i < households; i += 10) map.set(`h${i}`, { address: `改${i}`, head: '李建国' });
  for (let i = 5; i < households; i += 20) map.delete(`h${i}`);
  doc.getText('notes').insert(0, '走访记录'.repeat(50));
  return updates;
}

function oneShot(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => updates.forEach((u) => Y.applyUpdateV2(doc, u)));
  return doc;
}

function expectSameState(actual: Y.Doc, expected: Y.Doc): void {
  expect(Y.encodeStateVector(actual)).toEqual(Y.encodeStateVector(expected));
  expect(Y.equalDeleteSets(Y.createDeleteSetFromStructStore(actual.store), Y.createDeleteSetFromStructStore(expected.store))).toBe(true);
  expect(actual.getMap('households').toJSON()).toEqual(expected.getMap('households').toJSON());
  expect(actual.getText('notes').toString()).toBe(expected.getText('notes').toString());
}

describe('LocalDocStore loads in slices', () => {
  it('applies the rows in several transactions, letting other tasks run between them, with one that ends the load', async () => {
    const db = open(new IDBFactory());
    const updates = history(300);
    await table(db).bulkAdd(updates.map((u) => ({ k: 'roster', u, f: 1 }) as UpdateRow));
    const doc = new Y.Doc();
    const slices: boolean[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => slices.push(isLoadingSlice(tr)));
    // A task queued again and again while the document loads: it must get turns between slices.
    const seenBetween: number[] = [];
    let stop = false;
    const tick = () => {
      seenBetween.push(slices.length);
      if (!stop) setTimeout(tick, 0);
    };
    tick();
    const s = store(db, { sliceMs: 0, compactOnLoadDelayMs: 3_600_000 }, doc);
    await s.whenLoaded;
    stop = true;
    expect(s.loadedRows).toBe(updates.length);
    expect(slices.length).toBeGreaterThan(10);
    expect(seenBetween.some((n) => n > 0 && n < slices.length)).toBe(true);
    // Every slice but the last is a loading one: a view rebuilds once, at the end.
    expect(slices.slice(0, -1).every(Boolean)).toBe(true);
    expect(slices.at(-1)).toBe(false);
    expectSameState(doc, oneShot(updates));
  });

  it.each([50, 2_000])('reads only its own rows, in pages, with %i rows of another document in between, to the state a one-shot load does', async (between) => {
    const db = open(new IDBFactory());
    const updates = history(700);
    const half = updates.length >> 1;
    const add = (us: readonly Uint8Array[], k: string) => table(db).bulkAdd(us.map((u) => ({ k, u, f: 1 }) as UpdateRow));
    await add(updates.slice(0, half), 'roster');
    // Another document's rows in between: one range read when few (filtered), a get per row when many.
    await add(Array.from({ length: between }, () => updates[0]!), 'work');
    await add(updates.slice(half), 'roster');
    const s = store(db, { compactOnLoadDelayMs: 3_600_000 });
    await s.whenLoaded;
    expect(s.loadedRows).toBe(updates.length);
    expectSameState(s.doc, oneShot(updates));
  });

  it('loses nothing when another tab merges the rows while they load (the merged rows are read too)', async () => {
    const factory = new IDBFactory();
    const db = open(factory);
    const updates = history(2_000);
    await table(db).bulkAdd(updates.map((u) => ({ k: 'roster', u, f: 1 }) as UpdateRow));
    const doc = new Y.Doc();
    let merge: Promise<unknown> | null = null;
    doc.on('afterTransaction', () => void (merge ??= compactStoredDoc(open(factory), 'roster')));
    const loaded = await loadInSlices(table(db), 'roster', doc, {}, { sliceMs: 0, pageRows: 50 });
    await merge;
    expect(loaded.rows).toBeLessThan(updates.length + 20); // it did not read everything twice
    expectSameState(doc, oneShot(updates));
  });
});

describe('chunked compaction', () => {
  it('stores a large document as bounded chunks that load in slices to exactly the same state, and are not merged again', async () => {
    const factory = new IDBFactory();
    const db = open(factory);
    const updates = history(3_000);
    await table(db).bulkAdd(updates.map((u) => ({ k: 'roster', u, f: 1 }) as UpdateRow));
    const { kept } = await compactStoredDoc(db, 'roster');
    const chunks = await rows(db);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((r) => r.c === 1 && r.u.length < 2 * CHUNK_BYTES)).toBe(true);
    // In order, the last one at the newest row's key (other tabs follow the table by key).
    expect(chunks.at(-1)!.i).toBe(kept);
    expect(needsCompaction(chunks)).toBe(false);
    expect(await compactStoredDoc(db, 'roster')).toEqual({ removed: 0, kept: null });

    const doc = new Y.Doc();
    let pendingAfterSlice = 0;
    doc.on('afterTransaction', () => void (doc.store.pendingStructs && pendingAfterSlice++));
    const s = store(open(factory), { sliceMs: 0, compactOnLoadDelayMs: 10 }, doc);
    await s.whenLoaded;
    expect(s.loadedRows).toBe(chunks.length);
    expect(pendingAfterSlice).toBe(0); // each chunk integrates at once, nothing piles up for the last
    expectSameState(doc, oneShot(updates));
    await new Promise((r) => setTimeout(r, 100));
    expect((await rows(db)).map((r) => r.i)).toEqual(chunks.map((r) => r.i));
  });

  it('loads an old one-row merge and stores it in chunks at the next merge', async () => {
    const factory = new IDBFactory();
    const db = open(factory);
    const updates = history(3_000);
    const whole = Y.encodeStateAsUpdateV2(oneShot(updates));
    expect(whole.length).toBeGreaterThan(OVERSIZED_ROW_BYTES);
    await table(db).add({ k: 'roster', u: whole, f: 1 } as UpdateRow);
    const s = store(db, { compactOnLoadDelayMs: 10 });
    await s.whenLoaded;
    expect(s.loadedRows).toBe(1);
    expectSameState(s.doc, oneShot(updates));
    await vi.waitFor(async () => expect((await rows(db)).length).toBeGreaterThan(3), { timeout: 5_000, interval: 20 });
    const again = store(open(factory), { compactOnLoadDelayMs: 3_600_000 });
    await again.whenLoaded;
    expectSameState(again.doc, oneShot(updates));
  });
});
