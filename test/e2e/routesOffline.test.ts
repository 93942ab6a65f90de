// Every community page is its own chunk: opened without signal, each one still comes from the
// service worker's cache. The roster page, reopened, starts from its kept rows before the live
// document replaces them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './support/harness';
import { keptViewKeys } from './support/keptViews';

let world: World;

beforeAll(async () => {
  world = await startWorld('routes-e2e');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

const LIVE_ROW = '[data-testid="household-table"]:not([data-preview]) .ant-table-row';

// The test opens eight pages of the production app in Chromium, from the network then from the
// service worker: 16–19 s on a machine at load 10, so the default 30 s budget failed on a busy
// CI runner. Each wait inside keeps its own bound.
describe('pages as chunks, offline', { timeout: 120_000 }, () => {
  it('opens every community page offline from the service worker, and the roster first from its kept rows', async () => {
    const committee = await world.join('committee', '李委员');
    const { page } = committee;
    // Controlled once the worker has claimed the page: waited for by its event, not polled
    // (a 1 s poll failed on a busy machine).
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (navigator.serviceWorker.controller) return;
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const base = '/c/routes-e2e';

    // Shown once live: the page keeps its first screen beside the roster when idle.
    await page.goto(`${base}/roster`);
    await page.locator(LIVE_ROW).first().waitFor();
    await expect.poll(() => keptViewKeys(page, 'routes-e2e'), { timeout: 15_000 }).not.toEqual([]);

    await committee.setOffline(true);
    const pages: [string, string][] = [
      ['overview', 'dashboard-rates'],
      ['my', 'my-households'],
      ['concerns', 'concern-board'],
      ['points', 'points-ranking'],
      ['meetings', 'meeting-new'],
      ['settings', 'settings-name'],
    ];
    for (const [path, testId] of pages) {
      await page.goto(`${base}/${path}`);
      await page.getByTestId(testId).first().waitFor({ timeout: 15_000 });
    }

    // Reopened while the roster document is slow to load (a long write transaction on its
    // updates, as a big document on a slow phone): the page from its kept rows first, then from
    // the document.
    await page.addInitScript(() => {
      const w = window as unknown as { __sawPreview?: boolean };
      void indexedDB.databases().then((dbs) => {
        const name = dbs.map((d) => d.name ?? '').find((n) => n.includes('/c/routes-e2e/'));
        if (!name) return;
        const r = indexedDB.open(name);
        r.onsuccess = () => {
          const store = r.result.transaction('$docs.content_updates', 'readwrite').objectStore('$docs.content_updates');
          const until = Date.now() + 1_500;
          const hold = () => {
            if (Date.now() < until) store.count().onsuccess = hold;
          };
          hold();
        };
      });
      new MutationObserver(() => {
        const kept = document.querySelector('section[data-source="kept"]');
        if (kept?.querySelector('[data-testid="household-table"] .ant-table-row')) w.__sawPreview = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${base}/roster`);
    await page.locator(LIVE_ROW).first().waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { __sawPreview?: boolean }).__sawPreview === true)).toBe(true);
    await page.locator('section[data-source="live"]').waitFor();
    expect(await page.locator('section[data-source="kept"]').count()).toBe(0);
    await page.getByTestId('add-household').waitFor();
  });
});
