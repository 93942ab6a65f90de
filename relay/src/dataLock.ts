import { readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError } from './config';

export const LOCK_FILE = 'relay.lock';

/** SQLite's code when the file holds something other than a database (an old relay's pid file). */
const NOT_A_DATABASE = 'SQLITE_NOTADB';

function takeLock(file: string): Database.Database {
  // timeout 0: a held lock fails at once (SQLITE_BUSY) instead of waiting for it.
  const db = new Database(file, { timeout: 0 });
  try {
    // MEMORY journal: holding the lock writes nothing, the lock file stays empty.
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The pid holding a POSIX lock on `file`, from /proc/locks (Linux), for the error message. */
function lockHolder(file: string): number | null {
  try {
    const inode = statSync(file).ino;
    for (const line of readFileSync('/proc/locks', 'utf8').split('\n')) {
      // "1: POSIX  ADVISORY  WRITE 1234 08:01:5678 1073741824 1073741825"
      const fields = line.trim().split(/\s+/);
      if (fields[1] === 'POSIX' && Number(fields[5]?.split(':')[2]) === inode) return Number(fields[4]);
    }
  } catch {
    // not Linux, or no access: the message goes without the pid
  }
  return null;
}

/**
 * One relay per data folder: the store assigns update seqs in memory, so two relays on one file
 * would collide. The lock is SQLite's exclusive lock (an fcntl lock) on `<data>/relay.lock`, held
 * by an open transaction: the kernel releases it when the process dies however it dies, so a
 * killed relay never blocks the next start, and the file's content (an old pid file, anything)
 * means nothing. The file is never deleted: another relay may be waiting on that very inode.
 * Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  let db: Database.Database;
  try {
    try {
      db = takeLock(file);
    } catch (error) {
      if ((error as { code?: string }).code !== NOT_A_DATABASE) throw error;
      // Not ours (a pid file from an older relay): emptied in place, it is an empty database.
      // Emptied, not deleted: a relay holding the lock holds it on this inode.
      truncateSync(file, 0);
      db = takeLock(file);
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      const pid = lockHolder(file);
      throw new ConfigError(`another relay${pid ? ` (pid ${pid})` : ''} is using the data folder ${dataDir} (it holds ${file}); stop it or pass a different --data`);
    }
    throw new ConfigError(`could not lock the data folder ${dataDir} (${file}): ${error instanceof Error ? error.message : String(error)}`);
  }
  return () => {
    if (db.open) db.close();
  };
}
