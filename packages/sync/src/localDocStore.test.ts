import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DOC_UPDATES_TABLE, flushWrites, openCommunityDatabase, storedDocNames, type CommunityDatabase } from './communityDatabase';
import { compactStoredDoc, type UpdateRow } from './compactStoredDoc';
import { COMPACT_AFTER_ROWS, LocalDocStore } from './localDocStore';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});

function open(factory: IDBFactory): CommunityDatabase {
  const db = openCommunityDatabase('c1', 'p1', { indexedDB: factory, IDBKeyRange });
  cleanup.push(() => db.close());
  return db;
}

function store(db: CommunityDatabase, name = 'roster', doc = new Y.Doc()): LocalDocStore {
  const s = new LocalDocStore(db, name, doc);
  cleanup.push(() => {
    s.destroy();
    doc.destroy();
  });
  return s;
}

const rows = (db: CommunityDatabase, name = 'roster') => db.table<UpdateRow, number>(DOC_UPDATES_TABLE).where('k').equals(name).toArray();

describe('LocalDocStore', () => {
  it('loads what it stored, in y-dexie\'s rows (k, V2 update, f), and lists the document', async () => {
    const factory = new IDBFactory();
    const db = open(factory);
    const a = store(db);
    await a.whenLoaded;
    a.doc.getMap('households').set('h1', '3-2-501');
    a.doc.getText('notes').insert(0, '走访');
    await flushWrites(db);
    const stored = await rows(db);
    expect(stored).toHaveLength(2);
    expect(stored.every((r) => r.f === 1 && r.u instanceof Uint8Array)).toBe(true);
    // V2 bytes: a fresh document reads them with applyUpdateV2.
    const check = new Y.Doc();
    for (const r of stored) Y.applyUpdateV2(check, r.u);
    expect(check.getMap('households').toJSON()).toEqual({ h1: '3-2-501' });
    expect(await storedDocNames(db)).toEqual(['roster']);

    const b = store(open(factory));
    await b.whenLoaded;
    expect(b.loadedRows).toBe(2);
    expect(b.doc.getText('notes').toString()).toBe('走访');
  });

  it('applies the stored rows with itself as origin and writes nothing back while loading', async () => {
    const factory = new IDBFactory();
    const db = open(factory);
    const a = store(db);
    await a.whenLoaded;
    for (let i = 0; i < 5; i++) a.doc.getMap('m').set(`k${i}`, i);
    await flushWrites(db);

    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const b = store(open(factory), 'roster', doc);
    await b.whenLoaded;
    expect(origins).toEqual([b]); // one transaction for all rows
    await flushWrites(db);
    expect(await rows(db)).toHaveLength(5);
  });

  it('keeps an edit made before loading finished', async () => {
    const factory = new IDBFactory();
    const db = open(factory);
    const a = store(db);
    await a.whenLoaded;
    a.doc.getMap('m').set('stored', 1);
    await flushWrites(db);

    const doc = new Y.Doc();
    const b = store(open(factory), 'roster', doc);
    doc.getMap('m').set('early', 2);
    await b.whenLoaded;
    await flushWrites(db);
    const c = store(open(factory));
    await c.whenLoaded;
    expect(c.doc.getMap('m').toJSON()).toEqual({ stored: 1, early: 2 });
  });

  it('skips a corrupt stored row and loads the rest', async () => {
    const factory = new IDBFactory();
    const db = open(factory);
    const a = store(db);
    await a.whenLoaded;
    a.doc.getMap('m').set('good', 1);
    await flushWrites(db);
    await db.table(DOC_UPDATES_TABLE).add({ k: 'roster', u: new Uint8Array([255, 1, 2, 3]), f: 1 });
    const b = store(open(factory));
    await b.whenLoaded;
    expect(b.doc.getMap('m').toJSON()).toEqual({ good: 1 });
  });

  it('waits for startAfter before reading', async () => {
    const db = open(new IDBFactory());
    let go!: () => void;
    const gate = new Promise<void>((resolve) => (go = resolve));
    const s = new LocalDocStore(db, 'roster', new Y.Doc(), { startAfter: gate });
    cleanup.push(() => s.destroy());
    let loaded = false;
    void s.whenLoaded.then(() => (loaded = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(loaded).toBe(false);
    go();
    await s.whenLoaded;
    expect(loaded).toBe(true);
  });

  it(`merges its history as it writes (after ${COMPACT_AFTER_ROWS} rows, when idle) and on load, keeping everything`, async () => {
    const factory = new IDBFactory();
    const db = open(factory);
    const a = store(db);
    await a.whenLoaded;
    for (let i = 0; i < COMPACT_AFTER_ROWS + 10; i++) a.doc.getMap('m').set(`k${i}`, i);
    await vi.waitFor(async () => expect((await rows(db)).length).toBeLessThan(20), { timeout: 5_000, interval: 20 });
    a.doc.getMap('m').set('after', true);
    await flushWrites(db);
    const b = store(open(factory));
    await b.whenLoaded;
    expect(b.doc.getMap('m').size).toBe(COMPACT_AFTER_ROWS + 11);

    // A long history found on load (written by an older version, or a crash) is merged too.
    await db.table(DOC_UPDATES_TABLE).bulkAdd(
      Array.from({ length: 50 }, (_, i) => {
        const d = new Y.Doc();
        d.getMap('m').set(`old${i}`, i);
        return { k: 'roster', u: Y.encodeStateAsUpdateV2(d), f: 1 };
      }),
    );
    const cDoc = new Y.Doc();
    const c = new LocalDocStore(open(factory), 'roster', cDoc, { compactOnLoadDelayMs: 10 });
    cleanup.push(() => c.destroy());
    await c.whenLoaded;
    expect(c.loadedRows).toBeGreaterThan(50);
    await vi.waitFor(async () => expect(await rows(db)).toHaveLength(1), { timeout: 5_000, interval: 20 });
    const d = store(open(factory));
    await d.whenLoaded;
    expect(d.doc.getMap('m').size).toBe(COMPACT_AFTER_ROWS + 11 + 50);
  });

  it('loses no update when two tabs write while both keep merging, and each sees the other\'s writes', async () => {
    const factory = new IDBFactory();
    const dbA = open(factory);
    const dbB = open(factory);
    const a = store(dbA);
    const b = store(dbB);
    await Promise.all([a.whenLoaded, b.whenLoaded]);
    const merges: Promise<number>[] = [];
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 15; i++) {
        a.doc.getMap('m').set(`a${round}-${i}`, i);
        b.doc.getMap('m').set(`b${round}-${i}`, i);
      }
      // Merges issued in the middle of the other tab's writes, from both sides.
      merges.push(a.compact(), b.compact());
      await new Promise((r) => setTimeout(r, round % 3));
    }
    await Promise.all(merges);
    await flushWrites(dbA);
    await flushWrites(dbB);
    const fresh = store(open(factory));
    await fresh.whenLoaded;
    expect(fresh.doc.getMap('m').size).toBe(600);
    await vi.waitFor(() => {
      expect(a.doc.getMap('m').size).toBe(600);
      expect(b.doc.getMap('m').size).toBe(600);
    });
    expect((await rows(dbA)).length).toBeLessThan(600);
  });

  it('compactStoredDoc without a live document merges the rows in a fresh one', async () => {
    const factory = new IDBFactory();
    const db = open(factory);
    const a = store(db);
    await a.whenLoaded;
    for (let i = 0; i < 30; i++) a.doc.getMap('m').set(`k${i}`, i);
    a.doc.getMap('m').delete('k0');
    await flushWrites(db);
    a.destroy();
    const before = await rows(db);
    expect(await compactStoredDoc(db, 'roster')).toEqual({ removed: before.length - 1, kept: Math.max(...before.map((r) => r.i)) });
    expect(await compactStoredDoc(db, 'roster')).toEqual({ removed: 0, kept: null });
    const b = store(open(factory));
    await b.whenLoaded;
    expect(b.doc.getMap('m').size).toBe(29);
  });
});

describe('LocalDocStore views (a projection kept beside the document)', () => {
  it('stores a projection with the state vector it was made from, readable before the document loads', async () => {
    const factory = new IDBFactory();
    const db = open(factory);
    const a = store(db);
    expect(await a.writeView('first-screen', { n: 0 })).toBe(false); // not loaded yet: nothing to project
    await a.whenLoaded;
    a.doc.getMap('m').set('k', 1);
    expect(await a.writeView('first-screen', { n: 1 })).toBe(true);
    expect(await a.writeView('first-screen', { n: 1 })).toBe(false); // unchanged document: not rewritten
    a.doc.getMap('m').set('k', 2);
    expect(await a.writeView('first-screen', { n: 2 })).toBe(true);
    await flushWrites(db);

    let go!: () => void;
    const b = new LocalDocStore(open(factory), 'roster', new Y.Doc(), { startAfter: new Promise<void>((r) => (go = r)) });
    cleanup.push(() => b.destroy());
    const view = await b.readView('first-screen');
    expect(view?.value).toEqual({ n: 2 });
    expect(view?.stateVector).toEqual(Y.encodeStateVector(a.doc));
    expect(await b.readView('other')).toBeNull();
    go();
    await b.whenLoaded;
    // The row's views survive the load (which only creates a missing row).
    expect((await b.readView('first-screen'))?.value).toEqual({ n: 2 });
    await expect(b.readView('a.b')).rejects.toThrow(/view key/);
  });

  it('replaces a kept value that differs from the projection of the same document state (unreadable, or another app version\'s)', async () => {
    const factory = new IDBFactory();
    const first = open(factory);
    const a = store(first);
    await a.whenLoaded;
    a.doc.getMap('m').set('k', 1);
    expect(await a.writeView('first-screen', { n: 1 })).toBe(true);
    await flushWrites(first);
    const db = open(factory);
    await db.docs.update('roster', { 'views.first-screen.value': 'garbage' } as never);

    const b = store(db, 'roster', new Y.Doc());
    expect((await b.readView('first-screen'))?.value).toBe('garbage');
    await b.whenLoaded;
    expect(await b.writeView('first-screen', { n: 1 })).toBe(true);
    expect(await b.writeView('first-screen', { n: 1 })).toBe(false);
    expect((await b.readView('first-screen'))?.value).toEqual({ n: 1 });
  });
});
