import * as Y from 'yjs';
import { DOC_UPDATES_TABLE, type CommunityDatabase } from './communityDatabase';

/** A row of y-dexie's updates table: `i` auto-increments, `k` is the document, `u` a V2 update. */
export interface UpdateRow {
  readonly i: number;
  readonly k: string;
  readonly u: Uint8Array;
  readonly f?: number;
}

/**
 * Merges every stored update of one document into a single row, in one read-write transaction:
 * IndexedDB runs no other write to the table in between (another tab's, or this tab's sync
 * provider's), so every row deleted is in the merged one and nothing is lost; a crash leaves
 * either the old rows or the merged one. The merged row keeps the newest row's `i`, so readers
 * that follow the table by `i` (other tabs) never see it as new. y-dexie's own format: it can
 * still read the rows.
 *
 * `live` is the open document (cheap: its state is encoded, rows it has not seen yet are applied
 * to it first); without it the rows are merged in a fresh document, as y-dexie's compaction does.
 * Returns how many rows were merged away and the `i` of the row that holds them (null: nothing to do).
 */
export async function compactStoredDoc(
  db: CommunityDatabase,
  name: string,
  live?: { doc: Y.Doc; origin: unknown; seen: (row: UpdateRow) => boolean; merged?: (i: number, update: Uint8Array) => void },
): Promise<{ removed: number; kept: number | null }> {
  const table = db.table<UpdateRow, number>(DOC_UPDATES_TABLE);
  return db.transaction('rw', table, async () => {
    const rows = await table.where('k').equals(name).toArray();
    if (rows.length < 2) return { removed: 0, kept: null };
    let merged: Uint8Array;
    if (live) {
      // Everything in the rows must be in what replaces them: apply what this tab has not seen.
      const unseen = rows.filter((r) => !live.seen(r));
      if (unseen.length > 0) Y.transact(live.doc, () => unseen.forEach((r) => applyStored(live.doc, r)), live.origin, false);
      merged = Y.encodeStateAsUpdateV2(live.doc);
    } else {
      const doc = new Y.Doc({ gc: true });
      Y.transact(doc, () => rows.forEach((r) => applyStored(doc, r)));
      merged = Y.encodeStateAsUpdateV2(doc);
      doc.destroy();
    }
    const last = rows.reduce((a, r) => (r.i > a ? r.i : a), 0);
    await table.put({ i: last, k: name, u: merged });
    live?.merged?.(last, merged);
    await table.bulkDelete(rows.filter((r) => r.i !== last).map((r) => r.i));
    return { removed: rows.length - 1, kept: last };
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
