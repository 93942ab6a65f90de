import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JournalMover } from './journalMover';
import { openUpdateJournal, readJournal, type JournalEntry } from './updateJournal';

const dir = mkdtempSync(join(tmpdir(), 'lianxin-mover-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const entry = (seq: number): JournalEntry => ({ seq, docId: 1, update: new Uint8Array([seq]), author: 'p', time: seq });
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function setUp(limits = { rows: 4, ms: 30 }, fail = { count: 0 }) {
  const file = join(dir, `m-${++n}.updates`);
  const journal = openUpdateJournal(file, { sync: false });
  const moved: number[][] = [];
  const errors: string[] = [];
  const mover = new JournalMover(
    journal,
    (entries) => {
      if (fail.count > 0) {
        fail.count -= 1;
        throw new Error('database is locked');
      }
      moved.push(entries.map((e) => e.seq));
    },
    (message) => errors.push(message),
    limits,
  );
  return { file, journal, mover, moved, errors };
}

describe('JournalMover', () => {
  it('journals at once and moves after the interval, then empties the journal', async () => {
    const { file, mover, moved } = setUp();
    mover.append([entry(1)]);
    mover.append([entry(2)]);
    expect(readJournal(file).entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(moved).toEqual([]);
    expect(mover.waiting).toBe(2);
    await sleep(80);
    expect(moved).toEqual([[1, 2]]);
    expect(readJournal(file).entries).toEqual([]);
    expect(mover.waiting).toBe(0);
    mover.close();
  });

  it('moves in a turn of its own once enough entries wait, not inside the append', async () => {
    const { mover, moved } = setUp({ rows: 3, ms: 10_000 });
    mover.append([entry(1), entry(2)]);
    mover.append([entry(3)]);
    expect(moved).toEqual([]);
    await turn();
    await turn();
    expect(moved).toEqual([[1, 2, 3]]);
    mover.close();
  });

  it('moveNow moves everything waiting before a read', () => {
    const { mover, moved } = setUp({ rows: 100, ms: 10_000 });
    mover.append([entry(1)]);
    mover.moveNow();
    expect(moved).toEqual([[1]]);
    mover.moveNow();
    expect(moved).toEqual([[1]]);
    mover.close();
  });

  it('a move the database refuses is reported; the entries stay journaled and move on the retry', async () => {
    const fail = { count: 1 };
    const { file, mover, moved, errors } = setUp({ rows: 100, ms: 20 }, fail);
    mover.append([entry(1)]);
    await sleep(35);
    expect(moved).toEqual([]);
    expect(errors.join()).toMatch(/database is locked/);
    expect(readJournal(file).entries.map((e) => e.seq)).toEqual([1]);
    expect(mover.waiting).toBe(1);
    await sleep(60);
    expect(moved).toEqual([[1]]);
    expect(readJournal(file).entries).toEqual([]);
    mover.close();
  });

  it('close moves what waits and refuses appends afterwards', () => {
    const { file, mover, moved } = setUp({ rows: 100, ms: 10_000 });
    mover.append([entry(1), entry(2)]);
    mover.close();
    expect(moved).toEqual([[1, 2]]);
    expect(readJournal(file).entries).toEqual([]);
    expect(() => mover.append([entry(3)])).toThrow(/closed/);
  });

  it('close with a database that refuses the move throws and leaves the entries journaled', () => {
    const { file, mover } = setUp({ rows: 100, ms: 10_000 }, { count: 5 });
    mover.append([entry(1)]);
    expect(() => mover.close()).toThrow(/database is locked/);
    expect(readJournal(file).entries.map((e) => e.seq)).toEqual([1]);
  });
});
