import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { LogTail } from './logTail';

/**
 * Folds every document's unfolded log rows into its snapshot (`Y.mergeUpdates`), in one scan of
 * the log. The relay compacts the documents it has loaded as it goes and before unloading them;
 * rows nobody folded are what an unclean stop (a crash, SIGKILL) left behind. Folding them when
 * the relay opens its store keeps the log short, which is what keeps loads fast without an index.
 * A document whose rows do not merge is reported and left as it is: its rows still load.
 */
export function foldUnfolded(db: Database.Database, tail: LogTail, onError: (doc: string, message: string) => void): number {
  const rows = db
    .prepare<[], { doc: number; seq: number; data: Buffer }>(
      `SELECT u.doc AS doc, u.seq AS seq, u.data AS data FROM doc_updates u
       LEFT JOIN doc_snapshots s ON s.doc = u.doc WHERE u.seq > coalesce(s.through_seq, 0) ORDER BY u.seq`,
    )
    .all();
  const byDoc = new Map<number, { seqs: number[]; updates: Uint8Array[] }>();
  for (const row of rows) {
    let entry = byDoc.get(row.doc);
    if (!entry) byDoc.set(row.doc, (entry = { seqs: [], updates: [] }));
    entry.seqs.push(row.seq);
    entry.updates.push(row.data);
  }
  const snapshot = db.prepare<[number], { state: Buffer }>('SELECT state FROM doc_snapshots WHERE doc = ?');
  const name = db.prepare<[number], { name: string }>('SELECT name FROM docs WHERE id = ?');
  const upsert = db.prepare<[number, Uint8Array, number, number]>(
    `INSERT INTO doc_snapshots (doc, state, through_seq, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (doc) DO UPDATE SET state = excluded.state, through_seq = excluded.through_seq, updated_at = excluded.updated_at
     WHERE excluded.through_seq >= doc_snapshots.through_seq`,
  );
  let folded = 0;
  for (const [doc, { seqs, updates }] of byDoc) {
    const through = seqs[seqs.length - 1] as number;
    let merged: Uint8Array;
    try {
      const base = snapshot.get(doc)?.state;
      const parts = base ? [base, ...updates] : updates;
      // mergeUpdates hands a single update back unread: decode it so garbage is caught here too.
      if (parts.length === 1) Y.parseUpdateMeta(parts[0] as Uint8Array);
      merged = Y.mergeUpdates(parts);
    } catch (error) {
      onError(name.get(doc)?.name ?? `#${doc}`, error instanceof Error ? error.message : String(error));
      continue;
    }
    upsert.run(doc, merged, through, Date.now());
    tail.folded(doc, through);
    folded += 1;
  }
  return folded;
}
