import * as Y from 'yjs';
import { DOC_UPDATES_TABLE, type CommunityDatabase } from './communityDatabase';
import { CHUNK_BYTES, encodeStateInChunks } from './encodeStateInChunks';

/**
 * A row of y-dexie's updates table: `i` auto-increments, `k` is the document, `u` a V2 update.
 * `c: 1` marks a chunk written by `compactStoredDoc` (y-dexie ignores the field).
 */
export interface UpdateRow {
  readonly i: number;
  readonly k: string;
  readonly u: Uint8Array;
  readonly f?: number;
  readonly c?: 1;
}

/** A row that is not a chunk and this large is an old one-row merge: the next merge splits it. */
export const OVERSIZED_ROW_BYTES = 2 * CHUNK_BYTES;

/** Whether the stored rows of a document are worth merging (not already the chunks of a merge). */
export function needsCompaction(rows: readonly Pick<UpdateRow, 'u' | 'c'>[]): boolean {
  const loose = rows.filter((r) => r.c !== 1);
  return loose.length > 1 || (loose.length === 1 && (rows.length > 1 || loose[0]!.u.length > OVERSIZED_ROW_BYTES));
}

/**
 * Merges every stored update of one document into a few chunks of about `CHUNK_BYTES` each
 * (`encodeStateInChunks`: causal order, so a load applies them one at a time with the page
 * responsive in between, none waiting for a later one), in one read-write transaction:
 * IndexedDB runs no other write to the table in between (another tab's, or this tab's sync
 * provider's), so every row deleted is in the chunks and nothing is lost; a crash leaves
 * either the old rows or the chunks. The chunks take keys in (newest `i` − 1, newest `i`], the
 * last one exactly the newest row's `i`, so they read back in order and readers that follow the
 * table by `i` (other tabs) never see them as new. y-dexie's own format: it can still read the
 * rows. An old one-row merge (one row past `OVERSIZED_ROW_BYTES`) is split the same way.
 *
 * `live` is the open document (cheap: its state is encoded, rows it has not seen yet are applied
 * to it first); without it the rows are merged in a fresh document, as y-dexie's compaction does.
 * Returns how many rows fewer there are (negative when an old one-row merge was split) and the
 * newest row's `i`, where the last chunk is (null: nothing to do).
 */
export async function compactStoredDoc(
  db: CommunityDatabase,
  name: string,
  live?: { doc: Y.Doc; origin: unknown; seen: (row: UpdateRow) => boolean; merged?: (i: number, update: Uint8Array) => void },
): Promise<{ removed: number; kept: number | null }> {
  const table = db.table<UpdateRow, number>(DOC_UPDATES_TABLE);
  return db.transaction('rw', table, async () => {
    const rows = await table.where('k').equals(name).toArray();
    if (!needsCompaction(rows)) return { removed: 0, kept: null };
    let chunks: Uint8Array[];
    if (live) {
      // Everything in the rows must be in what replaces them: apply what this tab has not seen.
      const unseen = rows.filter((r) => !live.seen(r));
      if (unseen.length > 0) Y.transact(live.doc, () => unseen.forEach((r) => applyStored(live.doc, r)), live.origin, false);
      chunks = encodeStateInChunks(live.doc);
    } else {
      const doc = new Y.Doc({ gc: true });
      Y.transact(doc, () => rows.forEach((r) => applyStored(doc, r)));
      chunks = encodeStateInChunks(doc);
      doc.destroy();
    }
    const last = rows.reduce((a, r) => (r.i > a ? r.i : a), -Infinity);
    const n = chunks.length;
    const written = chunks.map((u, j): UpdateRow => ({ i: last - (n - 1 - j) / n, k: name, u, c: 1 }));
    await table.bulkPut(written);
    for (const r of written) live?.merged?.(r.i, r.u);
    const keys = new Set(written.map((r) => r.i));
    await table.bulkDelete(rows.filter((r) => !keys.has(r.i)).map((r) => r.i));
    return { removed: rows.length - n, kept: last };
  });
}

/** Applies one stored row; a corrupt row is skipped (the relay still has the change). */
export function applyStored(doc: Y.Doc, row: UpdateRow): boolean {
  try {
    Y.applyUpdateV2(doc, row.u);
    return true;
  } catch {
    return false;
  }
}
