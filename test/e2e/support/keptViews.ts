// Reads and writes the views kept beside a community's documents (the `views` of a row in the
// `docs` table of this device's copy), straight through IndexedDB in the page.
import type { Page } from 'playwright-core';

/** The values of the views kept beside `doc` in the device's copy of `communityId`, by key. */
export function keptViews(page: Page, communityId: string, doc = 'roster'): Promise<Record<string, unknown>> {
  return page.evaluate(
    async ({ communityId, doc }) => {
      const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.includes(`/c/${communityId}/`));
      if (!name) return {};
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      type Row = { views?: Record<string, { value: unknown }> } | undefined;
      const row = await new Promise<Row>((resolve, reject) => {
        const req = db.transaction('docs').objectStore('docs').get(doc);
        req.onsuccess = () => resolve(req.result as Row);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return Object.fromEntries(Object.entries(row?.views ?? {}).map(([k, v]) => [k, v.value]));
    },
    { communityId, doc },
  );
}

/** The keys of the views kept beside `doc`. */
export async function keptViewKeys(page: Page, communityId: string, doc = 'roster'): Promise<string[]> {
  return Object.keys(await keptViews(page, communityId, doc));
}

/** Replaces the value of the view `key` beside `doc` (as another tab of the origin could). */
export function writeKeptView(page: Page, communityId: string, key: string, value: unknown, doc = 'roster'): Promise<void> {
  return page.evaluate(
    async ({ communityId, doc, key, value }) => {
      const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.includes(`/c/${communityId}/`));
      if (!name) throw new Error(`no copy of ${communityId} on this device`);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('docs', 'readwrite');
        const store = tx.objectStore('docs');
        const req = store.get(doc);
        req.onsuccess = () => {
          const row = req.result as { views?: Record<string, { stateVector: Uint8Array; value: unknown }> };
          const view = row.views?.[key];
          if (!view) return reject(new Error(`no view ${key}`));
          store.put({ ...row, views: { ...row.views, [key]: { ...view, value } } });
        };
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { communityId, doc, key, value },
  );
}
