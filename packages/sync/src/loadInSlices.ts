import type { Table } from 'dexie';
import * as Y from 'yjs';
import { applyStored, OVERSIZED_ROW_BYTES, type UpdateRow } from './compactStoredDoc';
import { loading, yieldToEventLoop } from './loadingSlices';

/** Main-thread time one slice of a load may take before the page gets a turn (input, rendering), ms. */
export const SLICE_MS = 8;
/** Rows read from IndexedDB at once (reading 18,000 rows in one request is itself a long task). */
export const READ_PAGE_ROWS = 500;

export interface SlicedLoad {
  /** rows applied */
  readonly rows: number;
  /** the highest `i` read */
  readonly lastSeen: number;
  /** rows that are not chunks of a merge (`compactStoredDoc`) */
  readonly loose: number;
  /** a loose row past `OVERSIZED_ROW_BYTES` (an old one-row merge) was read */
  readonly oversized: boolean;
}

export interface SliceOptions {
  /** stop between slices (the store was destroyed) */
  readonly cancelled?: () => boolean;
  /** default `SLICE_MS`; 0 applies one row per slice */
  readonly sliceMs?: number;
  readonly pageRows?: number;
}

/**
 * The rows of `name` under `keys` (ascending), in key order, without those deleted meanwhile. One
 * range read when the keys are dense in their range (a history written in one go, the chunks of a
 * merge): one request is far cheaper than a `get` per key; else a `get` per key, so that other
 * documents' rows in between are not read.
 */
async function readRows(table: Table<UpdateRow, number>, name: string, keys: readonly number[]): Promise<UpdateRow[]> {
  if (keys.length === 0) return [];
  const lo = keys[0]!;
  const hi = keys[keys.length - 1]!;
  // Keys are integers (auto-increment) or a merge's chunks, which sit within one integer step.
  const dense = hi - lo + 1 <= 2 * keys.length;
  const rows = dense ? await table.where(':id').between(lo, hi, true, true).toArray() : await table.bulkGet([...keys]);
  const wanted = new Set(keys);
  return rows.filter((r): r is UpdateRow => r !== undefined && r.k === name && wanted.has(r.i));
}

/**
 * Applies a document's stored rows to `doc` in order, in slices of about `sliceMs` of main-thread
 * time (each one transaction with `origin`), yielding to the event loop between slices, and reads
 * the rows in pages meanwhile. A row is never split: an old one-row merge is one long slice until
 * the next merge stores it in chunks.
 *
 * A row that disappears between listing and reading was merged by another tab meanwhile: its
 * content is in that merge's chunks, which are then read too.
 */
export async function loadInSlices(table: Table<UpdateRow, number>, name: string, doc: Y.Doc, origin: object, options: SliceOptions = {}): Promise<SlicedLoad> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const pageRows = options.pageRows ?? READ_PAGE_ROWS;
  const cancelled = options.cancelled ?? (() => false);
  const read = new Set<number>();
  let rows = 0;
  let lastSeen = 0;
  let loose = 0;
  let oversized = false;
  loading.add(origin);
  try {
    for (let pass = 0; pass < 5; pass++) {
      const keys = (await table.where('k').equals(name).primaryKeys()).filter((i) => !read.has(i));
      if (keys.length === 0 || cancelled()) break;
      let vanished = false;
      const readPage = (from: number) => readRows(table, name, keys.slice(from, from + pageRows));
      let next = readPage(0);
      for (let from = 0; from < keys.length; from += pageRows) {
        const page = await next;
        if (page.length < Math.min(pageRows, keys.length - from)) vanished = true;
        // The next page is read while this one is applied.
        if (from + pageRows < keys.length) next = readPage(from + pageRows);
        const finalPage = from + pageRows >= keys.length && !vanished;
        for (let at = 0; at < page.length; ) {
          if (cancelled()) return { rows, lastSeen, loose, oversized };
          const started = performance.now();
          Y.transact(
            doc,
            () => {
              do {
                const row = page[at++]!;
                applyStored(doc, row);
                read.add(row.i);
                rows++;
                if (row.i > lastSeen) lastSeen = row.i;
                if (row.c !== 1) {
                  loose++;
                  if (row.u.length > OVERSIZED_ROW_BYTES) oversized = true;
                }
              } while (at < page.length && performance.now() - started < sliceMs);
              // Observers run after this function: the slice that ends the load is not a loading one.
              if (finalPage && at === page.length) loading.delete(origin);
            },
            origin,
            false,
          );
          await yieldToEventLoop();
        }
      }
      if (!vanished) break;
    }
  } finally {
    loading.delete(origin);
  }
  return { rows, lastSeen, loose, oversized };
}
