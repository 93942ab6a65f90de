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

  function openWal(): string {
    dir = mkdtempSync(join(tmpdir(), 'lianxin-checkpointer-'));
    const file = join(dir, 'relay.sqlite');
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x BLOB)');
    return file;
  }

  it('copies the WAL into the database file from its own thread', async () => {
    const file = openWal();
    const insert = db!.prepare('INSERT INTO t (x) VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run(Buffer.alloc(1000, i));
    const before = statSync(file).size;
    const errors: string[] = [];
    checkpointer = startCheckpointer(file, 20, (m) => errors.push(m));
    // The rows reach the main file only through a checkpoint (automatic ones are off).
    expect(await until(() => statSync(file).size > before + 150_000, 5000)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(errors).toEqual([]);
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
