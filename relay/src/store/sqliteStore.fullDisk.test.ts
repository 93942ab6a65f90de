// The SQLite store opened on a real full tmpfs (issue 19): a relay restarted after a crash on a
// full disk must read what its journal holds without moving it, say that it cannot write, and
// move it once space returns. (After a clean stop SQLite has removed its -wal and -shm files and
// needs room to create them again: opening then fails with SQLite's "disk I/O error".) Mounting needs root (CI runs as root); where refused, the suite is skipped.
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSqliteStore, journalPath } from './sqliteStore';
import type { StoredDocument } from './Store';
import { mountTmpfs } from '../../../test/support/tmpfs';

const disk = mountTmpfs(8, 'lianxin-store-full-');
if (!disk.mounted) console.warn(`sqliteStore.fullDisk.test.ts skipped: ${disk.why}`);
afterAll(() => disk.unmount());

const contents = (stored: StoredDocument): unknown => {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u.update);
  return doc.getMap('m').toJSON();
};

describe.skipIf(!disk.mounted)('SQLite store on a full disk (real tmpfs)', () => {
  it('opens, reads journaled updates without moving them, reports it cannot write, and moves them once space returns', async () => {
    const path = join(disk.path, 'full.db');
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('b', 2);
    const live = join(disk.path, 'live.db');
    const first = createSqliteStore({ file: live, checkpointMs: 0 });
    await first.appendUpdates([{ doc: 'c1/work', update: updates[0] as Uint8Array, author: 'p1', time: 1 }]);
    await first.appendUpdates([{ doc: 'c1/work', update: updates[1] as Uint8Array, author: 'p1', time: 2 }]);
    // What a killed relay leaves (its files copied while it runs): the database, its WAL and
    // shared memory, and a journal holding confirmed updates not yet moved into the database.
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(live + suffix)) copyFileSync(live + suffix, path + suffix);
    copyFileSync(journalPath(live), journalPath(path));
    await first.close();

    disk.fill(0);
    const reports: string[] = [];
    const store = createSqliteStore({ file: path, checkpointMs: 0, probeMs: 20, onJournalError: (m) => reports.push(m) });
    try {
      expect(store.writeState().writable).toBe(false);
      expect(store.writeState().reason).toMatch(/SQLITE_FULL|ENOSPC/);
      expect(reports.join('\n')).toMatch(/could not move 2 journaled updates into the database on opening/);
      const loaded = await store.loadDocument('c1/work');
      expect(contents(loaded)).toEqual({ a: 1, b: 2 });
      expect(loaded.lastSeq).toBe(2);

      disk.free();
      for (let i = 0; i < 500 && !store.writeState().writable; i++) await new Promise((r) => setTimeout(r, 20));
      expect(store.writeState()).toMatchObject({ writable: true, reason: null });
    } finally {
      // An open database would keep the tmpfs busy.
      await store.close();
    }

    const reopened = createSqliteStore({ file: path, checkpointMs: 0 });
    expect(contents(await reopened.loadDocument('c1/work'))).toEqual({ a: 1, b: 2 });
    await reopened.close();
  });
});
