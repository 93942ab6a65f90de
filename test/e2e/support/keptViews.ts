// Reads and writes the views kept beside a community's documents (the `views` of a row in the
// `docs` table of this device's copy), straight through IndexedDB in the page.
import type { Page } from 'playwright-core';

interface Access {
  readonly communityId: string;
  readonly doc: string;
  /** replaces the value of this view before reading */
  readonly write: { readonly key: string; readonly value: unknown } | null;
}

/** One transaction on the document's row in the page: optionally writes, then reads the views. */
function access(page: Page, input: Access): Promise<Record<string, unknown>> {
  return page.evaluate(async ({ communityId, doc, write }) => {
    const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.includes(`/c/${communityId}/`));
    if (!name) {
      if (write) throw new Error(`no copy of ${communityId} on this device`);
      return {};
    }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    type Row = { views?: Record<string, { stateVector: Uint8Array; value: unknown }> } | undefined;
    const views = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const tx = db.transaction('docs', write ? 'readwrite' : 'readonly');
      const store = tx.objectStore('docs');
      let result: Record<string, unknown> = {};
      const req = store.get(doc);
      req.onsuccess = () => {
        let row = req.result as Row;
        if (write) {
          const view = row?.views?.[write.key];
          if (!row || !view) return reject(new Error(`no view ${write.key}`));
          row = { ...row, views: { ...row.views, [write.key]: { ...view, value: write.value } } };
          store.put(row);
        }
        result = Object.fromEntries(Object.entries(row?.views ?? {}).map(([k, v]) => [k, v.value]));
      };
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return views;
  }, input);
}

/** The values of the views kept beside `doc` in the device's copy of `communityId`, by key. */
export function keptViews(page: Page, communityId: string, doc = 'roster'): Promise<Record<string, unknown>> {
  return access(page, { communityId, doc, write: null });
}

/** The keys of the views kept beside `doc`. */
export async function keptViewKeys(page: Page, communityId: string, doc = 'roster'): Promise<string[]> {
  return Object.keys(await keptViews(page, communityId, doc));
}

/** Replaces the value of the view `key` beside `doc` (as another tab of the origin could). */
export async function writeKeptView(page: Page, communityId: string, key: string, value: unknown, doc = 'roster'): Promise<void> {
  await access(page, { communityId, doc, write: { key, value } });
}
