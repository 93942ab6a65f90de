import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { CommunityId } from '@lianxin/protocol';
import { createSqliteStore } from './sqliteStore';
import { SCHEMA_VERSION } from './sqliteSchema';
import { runStoreContractTests } from './storeContract';

const dir = mkdtempSync(join(tmpdir(), 'lianxin-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = () => join(dir, `store-${++n}.db`);

runStoreContractTests('sqlite file', () => createSqliteStore({ file: file() }));
runStoreContractTests('sqlite file, durability fsync (the relay default)', () => createSqliteStore({ file: file(), durability: 'fsync' }));

describe('SQLite store', () => {
  it('asks for a compaction of a document whose oldest unfolded update is compactLag behind the newest (it holds the log cut back)', async () => {
    const s = createSqliteStore({ file: file(), compactLag: 10 });
    const [first] = await s.appendUpdates([{ doc: 'c1/old', update: new Uint8Array([1]), author: 'p', time: 1 }]);
    await s.appendUpdates(Array.from({ length: 9 }, (_, i) => ({ doc: 'c1/busy', update: new Uint8Array([i]), author: 'p', time: i })));
    expect(s.wantsCompaction('c1/old')).toBe(false);
    await s.appendUpdates([{ doc: 'c1/busy', update: new Uint8Array([9]), author: 'p', time: 9 }]);
    expect(s.wantsCompaction('c1/old')).toBe(true);
    expect(s.wantsCompaction('c1/busy')).toBe(false);
    await s.compact('c1/old', new Uint8Array([1]), first as number);
    expect(s.wantsCompaction('c1/old')).toBe(false);
    await s.close();
  });

  it('keeps everything across reopening the file', async () => {
    const path = file();
    const a = createSqliteStore({ file: path });
    await a.createCommunity({ id: 'c1' as CommunityId, name: '枫林', kind: 'urban', createdAt: 1, township: null });
    const [seq] = await a.appendUpdates([{ doc: 'c1/work', update: new Uint8Array([1, 2, 3]), author: 'p1', time: 5 }]);
    await a.close();
    // The command line's view (it does not own the log): the row as it was written.
    const b = createSqliteStore({ file: path, ownsLog: false });
    expect((await b.getCommunity('c1'))?.name).toBe('枫林');
    expect(await b.loadDocument('c1/work')).toMatchObject({ lastSeq: seq, updates: [{ seq, author: 'p1', time: 5 }] });
    await b.close();
  });

  it('folds what an unclean stop left in the log into snapshots when the relay opens it', async () => {
    const path = file();
    const a = createSqliteStore({ file: path });
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 30; i++) doc.getMap('m').set(`k${i}`, i);
    await a.appendUpdates(updates.map((update, i) => ({ doc: 'c1/work', update, author: 'p', time: i })));
    // A row that is no Yjs update cannot be merged: it is reported and stays as it is.
    const [bad] = await a.appendUpdates([{ doc: 'c1/care', update: new Uint8Array([255, 255, 255]), author: 'p', time: 1 }]);
    await a.close();

    const problems: string[] = [];
    const b = createSqliteStore({ file: path, onFoldError: (name) => problems.push(name) });
    const work = await b.loadDocument('c1/work');
    expect(work.updates).toEqual([]);
    expect(work.lastSeq).toBe(30);
    const back = new Y.Doc();
    Y.applyUpdate(back, work.snapshot as Uint8Array);
    expect(back.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    expect(problems).toEqual(['c1/care']);
    expect((await b.loadDocument('c1/care')).updates.map((u) => u.seq)).toEqual([bad]);
    await b.close();
  });

  it('cuts folded rows off the log, never a row a document still needs', async () => {
    const path = file();
    // Without the journal, so that every appended row is in the table when it is counted.
    const s = createSqliteStore({ file: path, journal: false });
    const rows = (): number => {
      const db = new Database(path, { readonly: true });
      const n = (db.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n;
      db.close();
      return n;
    };
    const [early] = await s.appendUpdates([{ doc: 'c1/care', update: new Uint8Array([1]), author: 'p', time: 0 }]);
    const seqs = await s.appendUpdates(Array.from({ length: 3000 }, (_, i) => ({ doc: 'c1/work', update: new Uint8Array([i % 251]), author: 'p', time: i })));
    await s.compact('c1/work', new Uint8Array([9]), seqs.at(-1) as number);
    // c1/care's unfolded row is the oldest: nothing may go yet.
    expect(rows()).toBe(3001);
    expect((await s.loadDocument('c1/care')).updates.map((u) => u.seq)).toEqual([early]);
    expect(await s.loadDocument('c1/work')).toMatchObject({ snapshot: new Uint8Array([9]), updates: [] });
    await s.compact('c1/care', new Uint8Array([8]), early as number);
    // One bounded step at once, the rest in steps of their own, one per turn.
    expect(rows()).toBe(2001);
    // The last row is fewer than a step's minimum: it waits for a later cut (or closing).
    await expect.poll(rows, { interval: 1 }).toBe(1);
    const [later] = await s.appendUpdates([{ doc: 'c1/work', update: new Uint8Array([7]), author: 'p', time: 9 }]);
    expect(await s.loadDocument('c1/work')).toMatchObject({ snapshot: new Uint8Array([9]), updates: [{ seq: later }], lastSeq: later });
    expect(await s.loadDocument('c1/care')).toMatchObject({ snapshot: new Uint8Array([8]), updates: [] });
    await s.close();
  });

  it('a cut the database refuses is reported; the compaction stands and the rows wait for a later cut', async () => {
    const path = file();
    const errors: string[] = [];
    const s = createSqliteStore({ file: path, journal: false, onCutError: (m) => errors.push(m) });
    const other = new Database(path);
    const rows = (): number => (other.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }).n;
    const seqs = await s.appendUpdates(Array.from({ length: 3000 }, (_, i) => ({ doc: 'c1/work', update: new Uint8Array([i % 251]), author: 'p', time: i })));
    await s.compact('c1/work', new Uint8Array([9]), seqs.at(-1) as number);
    expect(rows()).toBe(2000);
    // Before the next step runs (a turn of its own), something refuses every delete.
    other.exec("CREATE TRIGGER keep BEFORE DELETE ON doc_updates BEGIN SELECT RAISE(ABORT, 'kept by the test'); END");
    await expect.poll(() => errors.length).toBe(1);
    // A cut inside a compaction fails the same way, and the compaction still resolves.
    await expect(s.compact('c1/work', new Uint8Array([8]), seqs.at(-1) as number)).resolves.toBe(true);
    expect(errors).toHaveLength(2);
    expect(errors.every((m) => m.includes('kept by the test'))).toBe(true);
    expect(rows()).toBe(2000);
    expect(await s.loadDocument('c1/work')).toMatchObject({ snapshot: new Uint8Array([8]), updates: [] });
    other.exec('DROP TRIGGER keep');
    await s.close();
    expect(rows()).toBe(0);
    other.close();
  });

  it('upgrades a version 2 database: drops the per-document index, keeps every row', async () => {
    const path = file();
    const a = createSqliteStore({ file: path, ownsLog: false });
    const [seq] = await a.appendUpdates([{ doc: 'c1/work', update: new Uint8Array([5]), author: 'p', time: 1 }]);
    await a.close();
    const v2 = new Database(path);
    v2.exec('CREATE INDEX doc_updates_by_doc ON doc_updates (doc, seq); PRAGMA user_version = 2;');
    v2.close();
    const b = createSqliteStore({ file: path, ownsLog: false });
    expect((await b.loadDocument('c1/work')).updates.map((u) => u.seq)).toEqual([seq]);
    await b.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'doc_updates'").all()).toEqual([]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'wal_restarts'").all()).toEqual([{ name: 'wal_restarts' }]);
    db.close();
  });

  it('upgrades a version 4 database: its communities keep their rows and get no township', async () => {
    const path = file();
    const v4 = new Database(path);
    v4.exec(`CREATE TABLE communities (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, created_at INTEGER NOT NULL);
      INSERT INTO communities VALUES ('c1', '枫林', 'urban', 7);
      CREATE TABLE docs (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
      CREATE TABLE doc_snapshots (doc INTEGER PRIMARY KEY, state BLOB NOT NULL, through_seq INTEGER NOT NULL, updated_at INTEGER NOT NULL);
      CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY, doc INTEGER NOT NULL, data BLOB NOT NULL, author TEXT NOT NULL, time INTEGER NOT NULL);
      PRAGMA user_version = 4;`);
    v4.close();
    const b = createSqliteStore({ file: path, ownsLog: false });
    expect(await b.getCommunity('c1')).toEqual({ id: 'c1', name: '枫林', kind: 'urban', createdAt: 7, township: null });
    await b.createRegion({ id: 'gucheng', name: '古镛镇', level: 'township', parent: null, createdAt: 8 });
    expect(await b.setCommunityTownship('c1', 'gucheng')).toBe(true);
    expect((await b.listCommunities('gucheng')).map((c) => c.id)).toEqual(['c1']);
    await b.close();
  });

  it('uses WAL and the chosen synchronous level', async () => {
    const path = file();
    const s = createSqliteStore({ file: path, synchronous: 'FULL' });
    await s.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('sees a revocation written by another process on the same file', async () => {
    const path = file();
    const relay = createSqliteStore({ file: path });
    const cli = createSqliteStore({ file: path });
    await relay.recordToken({ id: 't1', community: 'c1' as CommunityId, person: 'p', name: 'n', role: 'member', createdAt: 1, expiresAt: 2, revokedAt: null });
    const { cursor } = await relay.revocationsSince(0);
    expect(await cli.revokeToken('t1', 3)).toBe(true);
    expect((await relay.revocationsSince(cursor)).tokenIds).toEqual(['t1']);
    await cli.close();
    await relay.close();
  });

  it('checkpoints the WAL from a worker thread while the store is open', async () => {
    const path = file();
    const s = createSqliteStore({ file: path, checkpointMs: 20 });
    const before = statSync(path).size;
    for (let round = 0; round < 10; round++) {
      await s.appendUpdates(Array.from({ length: 200 }, (_, i) => ({ doc: `d${i % 7}`, update: new Uint8Array(64).fill(i), author: 'p', time: round })));
    }
    // Only a checkpoint moves pages from the WAL into the database file.
    const deadline = Date.now() + 3000;
    while (statSync(path).size <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(statSync(path).size).toBeGreaterThan(before);
    expect((await s.loadDocument('d0')).updates.length).toBe(10 * Math.ceil(200 / 7));
    await s.close();
  });

  it('rewinds the WAL from the worker once a checkpoint copied all of it, not at the next write', async () => {
    const path = file();
    const s = createSqliteStore({ file: path, checkpointMs: 20, journal: false });
    const seqs = await s.appendUpdates(Array.from({ length: 50 }, (_, i) => ({ doc: 'c1/work', update: new Uint8Array([i]), author: 'p', time: i })));
    // The WAL header's salts change whenever the log is rewound; the store writes nothing
    // meanwhile, so only the worker can have done it.
    const salts = (): string => readFileSync(`${path}-wal`).subarray(16, 24).toString('hex');
    const written = salts();
    await expect.poll(salts, { interval: 20, timeout: 3000 }).not.toBe(written);
    expect((await s.loadDocument('c1/work')).updates.map((u) => u.seq)).toEqual(seqs);
    const [next] = await s.appendUpdates([{ doc: 'c1/work', update: new Uint8Array([99]), author: 'p', time: 99 }]);
    await s.close();
    const db = new Database(path, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM wal_restarts').get() as { n: number }).n).toBe(1);
    expect((db.prepare('SELECT max(seq) AS n FROM doc_updates').get() as { n: number }).n).toBe(next);
    db.close();
  });

  it('never reuses a seq after compaction and reopening', async () => {
    const path = file();
    const a = createSqliteStore({ file: path });
    const seqs = await a.appendUpdates([1, 2, 3].map((n) => ({ doc: 'c1/work', update: new Uint8Array([n]), author: 'p', time: n })));
    await a.compact('c1/work', new Uint8Array([9]), seqs[2] as number);
    await a.close();
    const b = createSqliteStore({ file: path });
    const [next] = await b.appendUpdates([{ doc: 'c1/work', update: new Uint8Array([4]), author: 'p', time: 4 }]);
    expect(next).toBeGreaterThan(seqs[2] as number);
    expect(await b.loadDocument('c1/work')).toMatchObject({ snapshot: new Uint8Array([9]), updates: [{ seq: next }], lastSeq: next });
    await b.close();
  });

  it('migrates a version 1 database (document names in every row)', async () => {
    const path = file();
    const v1 = new Database(path);
    v1.exec(`
      CREATE TABLE doc_snapshots (doc TEXT PRIMARY KEY, state BLOB NOT NULL, through_seq INTEGER NOT NULL, updated_at INTEGER NOT NULL);
      CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL, data BLOB NOT NULL, author TEXT NOT NULL, time INTEGER NOT NULL);
      CREATE INDEX doc_updates_by_doc ON doc_updates (doc, seq);
      CREATE TABLE communities (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, created_at INTEGER NOT NULL);
      INSERT INTO communities VALUES ('c1', '枫林', 'urban', 1);
      INSERT INTO doc_snapshots VALUES ('c1/roster', x'0909', 2, 5);
      INSERT INTO doc_updates (seq, doc, data, author, time) VALUES (3, 'c1/roster', x'03', 'p1', 6), (4, 'c1/work', x'04', 'p2', 7);
      PRAGMA user_version = 1;
    `);
    v1.close();
    const s = createSqliteStore({ file: path, ownsLog: false });
    expect((await s.getCommunity('c1'))?.name).toBe('枫林');
    expect(await s.loadDocument('c1/roster')).toEqual({ snapshot: new Uint8Array([9, 9]), updates: [{ seq: 3, update: new Uint8Array([3]), author: 'p1', time: 6 }], lastSeq: 3 });
    expect((await s.loadDocument('c1/work')).updates.map((u) => u.seq)).toEqual([4]);
    const [next] = await s.appendUpdates([{ doc: 'c1/work', update: new Uint8Array([5]), author: 'p', time: 8 }]);
    expect(next).toBe(5);
    await s.close();
  });

  it('refuses a database written by a newer schema', async () => {
    const path = file();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => createSqliteStore({ file: path })).toThrow(/newer relay/);
  });
});
