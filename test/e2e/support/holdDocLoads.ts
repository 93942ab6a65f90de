// Holds back a device's document loads in a page, as a big document on a slow phone does: a long
// write transaction on the updates of the IndexedDB copy whose name contains `database`
// (e.g. `/c/<community>/`, `/r/<region>/`), from the page's start or once `after` is drawn.
import type { Page } from 'playwright-core';

export interface HoldDocLoads {
  /** part of the IndexedDB database's name */
  readonly database: string;
  readonly ms: number;
  /** a CSS selector: hold only once it is in the page (the page's frame drawn first) */
  readonly after?: string;
}

export async function holdDocLoads(page: Page, hold: HoldDocLoads): Promise<void> {
  await page.addInitScript(({ database, ms, after }) => {
    void indexedDB.databases().then((dbs) => {
      const name = dbs.map((d) => d.name ?? '').find((n) => n.includes(database));
      if (!name) return;
      const r = indexedDB.open(name);
      r.onsuccess = () => {
        const start = () => {
          const store = r.result.transaction('$docs.content_updates', 'readwrite').objectStore('$docs.content_updates');
          const until = Date.now() + ms;
          const next = () => {
            if (Date.now() < until) store.count().onsuccess = next;
          };
          next();
        };
        if (!after || document.querySelector(after)) return start();
        const seen = new MutationObserver(() => {
          if (!document.querySelector(after)) return;
          seen.disconnect();
          start();
        });
        seen.observe(document, { childList: true, subtree: true });
      };
    });
  }, { database: hold.database, ms: hold.ms, after: hold.after ?? null });
}
