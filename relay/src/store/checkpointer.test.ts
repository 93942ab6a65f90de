import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer, type Checkpointer } from './checkpointer';

/** nice value of each thread of this process (field 19 of /proc/self/task/<tid>/stat). */
function threadNiceness(): Map<number, number> {
  const result = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // The command name (field 2) is in parentheses and may hold spaces: split after it.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      result.set(Number(tid), Number(fields[16]));
    } catch {
      // the thread ended meanwhile
    }
  }
  return result;
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

describe('checkpointer', () => {
  let dir: string | null = null;
  let db: Database.Database | null = null;
  let checkpointer: Checkpointer | null = null;

  afterEach(async () => {
    await checkpointer?.stop();
    db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    checkpointer = null;
    db = null;
    dir = null;
  });

  /** A WAL database with the relay's `wal_restarts` table (schema 4), or without it. */
  function openWal(withRestarts = true): string {
    dir = mkdtempSync(join(tmpdir(), 'lianxin-checkpointer-'));
    const file = join(dir, 'relay.sqlite');
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x BLOB)');
    if (withRestarts) db.exec('CREATE TABLE wal_restarts (id INTEGER PRIMARY KEY CHECK (id = 1), at INTEGER NOT NULL)');
    return file;
  }

  const walSalts = (file: string): string => readFileSync(`${file}-wal`).subarray(16, 24).toString('hex');

  /** Commits `count` rows of 1000 bytes on the test's own connection (into the WAL). */
  function insertRows(count: number): void {
    const insert = db!.prepare('INSERT INTO t (x) VALUES (?)');
    for (let i = 0; i < count; i++) insert.run(Buffer.alloc(1000, i));
  }

  /** Starts the worker on 200 committed rows; true once they reach the main file (a checkpoint). */
  async function checkpointsRows(file: string, errors: string[]): Promise<boolean> {
    insertRows(200);
    const before = statSync(file).size;
    checkpointer = startCheckpointer(file, 20, (m) => errors.push(m));
    // The rows reach the main file only through a checkpoint (automatic ones are off).
    return until(() => statSync(file).size > before + 150_000, 5000);
  }

  it('copies the WAL into the database file from its own thread', async () => {
    const file = openWal();
    const errors: string[] = [];
    expect(await checkpointsRows(file, errors)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('rewinds the WAL itself once a checkpoint copied all of it, so the writer need not', async () => {
    const file = openWal();
    insertRows(20);
    const written = walSalts(file);
    const errors: string[] = [];
    checkpointer = startCheckpointer(file, 20, (m) => errors.push(m));
    // New salts in the header mean a rewound log; this connection wrote nothing meanwhile.
    // The new salts are in the header once the rewinding transaction starts writing, before it
    // commits its wal_restarts row: wait for both.
    const restarts = (): unknown => db!.prepare('SELECT count(*) AS n FROM wal_restarts').get();
    expect(await until(() => walSalts(file) !== written && (restarts() as { n: number }).n > 0, 5000)).toBe(true);
    expect(restarts()).toEqual({ n: 1 });
    expect(db!.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 20 });
    expect(errors).toEqual([]);
  });

  it('leaves an idle database alone: no rewind unless someone else wrote since the last one', async () => {
    const file = openWal();
    db!.prepare('INSERT INTO t (x) VALUES (?)').run(Buffer.alloc(1000, 1));
    checkpointer = startCheckpointer(file, 10, () => undefined);
    const restartedAt = (): number | null => (db!.prepare('SELECT at FROM wal_restarts').get() as { at: number } | undefined)?.at ?? null;
    expect(await until(() => restartedAt() !== null, 5000)).toBe(true);
    // Ten ticks and more with nothing written: the row (and the WAL) stay as they are.
    const first = restartedAt();
    const walBytes = statSync(`${file}-wal`).size;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(restartedAt()).toBe(first);
    expect(statSync(`${file}-wal`).size).toBe(walBytes);
    // A write by this connection brings the next rewind.
    const salts = walSalts(file);
    db!.prepare('INSERT INTO t (x) VALUES (?)').run(Buffer.alloc(1000, 2));
    expect(await until(() => restartedAt() !== first && walSalts(file) !== salts, 5000)).toBe(true);
  });

  it('still checkpoints a database without the wal_restarts table, and says so once', async () => {
    const file = openWal(false);
    const errors: string[] = [];
    expect(await checkpointsRows(file, errors)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/rewound by the writer.*wal_restarts/);
  });

  it.runIf(process.platform === 'linux')('runs its thread at the lowest CPU priority, the rest of the process unchanged', async () => {
    const file = openWal();
    const before = threadNiceness();
    checkpointer = startCheckpointer(file, 20, () => undefined);
    const lowered = (): number[] => [...threadNiceness()].filter(([tid, nice]) => !before.has(tid) && nice === 19).map(([tid]) => tid);
    expect(await until(() => lowered().length === 1, 5000)).toBe(true);
    expect(threadNiceness().get(process.pid)).toBe(before.get(process.pid));
  });
});
