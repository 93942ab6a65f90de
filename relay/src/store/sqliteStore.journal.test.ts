import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { createSqliteStore, journalPath } from './sqliteStore';
import { runStoreContractTests } from './storeContract';
import { encodeJournalRecord } from './updateJournal';

const dir = mkdtempSync(join(tmpdir(), 'lianxin-sqlite-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = () => join(dir, `store-${++n}.db`);

runStoreContractTests('sqlite file without the update journal', () => createSqliteStore({ file: file(), journal: false }));

/** The files a killed relay leaves behind, copied while the store is still open (a crash image). */
function crashImage(path: string): string {
  const image = file();
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(path + suffix)) copyFileSync(path + suffix, image + suffix);
  if (existsSync(journalPath(path))) copyFileSync(journalPath(path), journalPath(image));
  return image;
}

const rowsIn = (path: string): number[] => {
  const db = new Database(path, { readonly: true });
  const seqs = (db.prepare('SELECT seq FROM doc_updates ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq);
  db.close();
  return seqs;
};

const update = (i: number) => ({ doc: 'c1/work', update: new Uint8Array([i % 256, 7]), author: 'p1', time: 1000 + i });

describe('SQLite store with the update journal', () => {
  it('a cut stops below the rows still waiting in the journal instead of moving them first', async () => {
    const path = file();
    const s = createSqliteStore({ file: path });
    await s.appendUpdates(Array.from({ length: 600 }, (_, i) => update(i)));
    // Let the journal's timed move put the first rows in the table.
    await expect.poll(() => rowsIn(path).length, { interval: 20 }).toBe(600);
    const waiting = await s.appendUpdates(Array.from({ length: 5 }, (_, i) => update(600 + i)));
    const journaled = statSync(journalPath(path)).size;
    expect(journaled).toBeGreaterThan(0);
    // The snapshot folds everything, including the rows still in the journal.
    await s.compact('c1/work', new Uint8Array([9]), waiting.at(-1) as number);
    expect(statSync(journalPath(path)).size).toBe(journaled);
    expect(rowsIn(path)).toEqual([]);
    // Moved later, they sit above the cut; the next cut takes them; a load skips them meanwhile.
    await expect.poll(() => rowsIn(path), { interval: 20 }).toEqual(waiting);
    expect(await s.loadDocument('c1/work')).toMatchObject({ snapshot: new Uint8Array([9]), updates: [], lastSeq: waiting.at(-1) });
    await s.close();
    expect(rowsIn(path)).toEqual([]);
  });

  it('an acknowledged update is in the journal before the database; a crash before the move loses nothing', async () => {
    const path = file();
    const a = createSqliteStore({ file: path });
    const doc = new Y.Doc();
    const real: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => real.push(u));
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('b', 2);
    const seqs = await a.appendUpdates(real.map((u, i) => ({ doc: 'c1/work', update: u, author: 'p1', time: i })));
    expect(statSync(journalPath(path)).size).toBeGreaterThan(0);
    expect(rowsIn(path)).toEqual([]);
    const image = crashImage(path);
    await a.close();
    expect(statSync(journalPath(path)).size).toBe(0);
    expect(rowsIn(path)).toEqual(seqs);

    const errors: string[] = [];
    const b = createSqliteStore({ file: image, onJournalError: (m) => errors.push(m) });
    const work = await b.loadDocument('c1/work');
    // Replayed, then folded on opening like any log an unclean stop left.
    expect(work.lastSeq).toBe(seqs.at(-1));
    const back = new Y.Doc();
    Y.applyUpdate(back, work.snapshot as Uint8Array);
    expect(back.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
    expect(errors).toEqual([]);
    expect(statSync(journalPath(image)).size).toBe(0);
    const [next] = await b.appendUpdates([update(3)]);
    expect(next).toBeGreaterThan(seqs.at(-1) as number);
    await b.close();
  });

  it('replays the whole records before a torn tail and reports the tail', async () => {
    const path = file();
    const a = createSqliteStore({ file: path, ownsLog: true });
    const [seq] = await a.appendUpdates([update(1)]);
    const image = crashImage(path);
    await a.close();
    const torn = encodeJournalRecord([{ seq: 99, docId: 1, update: new Uint8Array([1]), author: 'p', time: 1 }]);
    appendFileSync(journalPath(image), torn.subarray(0, 5));
    const errors: string[] = [];
    const b = createSqliteStore({ file: image, onJournalError: (m) => errors.push(m) });
    expect((await b.loadDocument('c1/work')).lastSeq).toBe(seq);
    expect(errors.join()).toMatch(/5 bytes at offset \d+ are not a whole record/);
    await b.close();
  });

  it('entries the database already holds (moved just before the stop) are not written twice', async () => {
    const path = file();
    const a = createSqliteStore({ file: path });
    await a.appendUpdates([update(1)]);
    const journalBefore = readFileSync(journalPath(path));
    await a.loadDocument('c1/work'); // moves the journal into the database
    const image = crashImage(path);
    await a.close();
    writeFileSync(journalPath(image), journalBefore);
    const b = createSqliteStore({ file: image, journal: false });
    await b.close();
    expect(rowsIn(image).length).toBeLessThanOrEqual(1);
    const c = createSqliteStore({ file: image });
    const work = await c.loadDocument('c1/work');
    expect(work.lastSeq).toBe(1);
    await c.close();
  });

  it('the command line (it does not own the log) neither replays nor empties the journal', async () => {
    const path = file();
    const a = createSqliteStore({ file: path });
    await a.appendUpdates([update(1)]);
    const image = crashImage(path);
    await a.close();
    const size = statSync(journalPath(image)).size;
    const cli = createSqliteStore({ file: image, ownsLog: false });
    expect(await cli.loadDocument('c1/work')).toMatchObject({ updates: [] });
    await cli.close();
    expect(statSync(journalPath(image)).size).toBe(size);
    const relay = createSqliteStore({ file: image });
    expect((await relay.loadDocument('c1/work')).lastSeq).toBe(1);
    await relay.close();
  });
});
