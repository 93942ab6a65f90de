// The roster page reopened on a device that has shown it before: the page's inline boot script
// draws the kept first screen from IndexedDB while the app's code is still loading (here: held
// back), and the live page takes its place once the app runs. What it draws is text only; a kept
// value it cannot read draws nothing and the app opens as it always did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startWorld, type World } from './support/harness';
import { keptViewKeys, keptViews, writeKeptView } from './support/keptViews';

const COMMUNITY = 'boot-e2e';
const KEY = 'roster-first-screen-v2-zh-CN';
const LIVE_ROW = '[data-testid="household-table"]:not([data-preview]) .ant-table-row';
const BOOT_ROW = '#lx-boot-screen [data-testid="roster-preview"] [data-testid="household-table"] .ant-table-row';

let world: World;
let page: Page;
let context: BrowserContext;

beforeAll(async () => {
  world = await startWorld(COMMUNITY);
  ({ page, context } = await world.join('committee', '赵委员'));
  await page.goto(`/c/${COMMUNITY}/roster`);
  await page.locator(LIVE_ROW).first().waitFor();
  // The page keeps its first screen when idle.
  for (const until = Date.now() + 15_000; !(await keptViewKeys(page, COMMUNITY)).includes(KEY); ) {
    if (Date.now() > until) throw new Error('the roster page did not keep its first screen');
    await page.waitForTimeout(100);
  }
  // Without the service worker the app's code comes over the network, where the tests hold it.
  await page.evaluate(async () => {
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
  });
}, 120_000);

afterAll(async () => {
  await world?.close();
});

/** Writes the kept screen from a page of the origin without the app (so no live page rewrites it meanwhile). */
async function keepScreen(value: unknown): Promise<void> {
  await page.goto('/healthz');
  await writeKeptView(page, COMMUNITY, KEY, value);
}

/** The title of the kept first screen (a readable one has the page's title). */
async function keptTitle(): Promise<string | undefined> {
  return ((await keptViews(page, COMMUNITY))[KEY] as { words?: { title?: string } } | undefined)?.words?.title;
}

/** Reloads the roster page with the app's code held back until the returned function is called. */
async function reopenWithCodeHeld(): Promise<() => Promise<void>> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const pattern = '**/assets/*.js';
  await context.route(pattern, async (route) => {
    await held;
    await route.continue().catch(() => undefined);
  });
  // The live page of the test before registered the service worker again: its cache would serve
  // the code past the hold, and the app could draw before the boot script.
  await page.evaluate(async () => {
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
  });
  await page.goto(`/c/${COMMUNITY}/roster`, { waitUntil: 'commit' });
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.lxBoot ?? null), { timeout: 15_000 }).not.toBeNull();
  return async () => {
    release();
    await context.unroute(pattern);
  };
}

// Each test loads the production app twice in Chromium (held, then live) and waits for an idle
// callback to keep the screen: 2–3 s on an idle machine, far more on a loaded CI runner where
// every e2e file runs its own browser. The default 30 s budget was too tight for that work.
const BUDGET = 120_000;

describe('the boot screen', { timeout: BUDGET }, () => {
  it('shows the kept roster before the app\'s code runs, read-only, and the live page takes its place', async () => {
    const release = await reopenWithCodeHeld();
    expect(await page.evaluate(() => document.documentElement.dataset.lxBoot)).toBe('drawn');
    expect(await page.locator(BOOT_ROW).count()).toBeGreaterThan(0);
    expect(await page.locator('#root').getAttribute('hidden')).not.toBeNull();
    expect(await page.locator('#root > *').count()).toBe(0); // the app has not run
    expect(await page.locator('#lx-boot-screen').locator('button, input, a').count()).toBe(0);
    expect(await page.locator('#lx-boot-screen h1').textContent()).toBe('花名册');
    await release();
    await page.locator(LIVE_ROW).first().waitFor();
    expect(await page.locator('#lx-boot-screen').count()).toBe(0);
    expect(await page.locator('#root').isVisible()).toBe(true);
    await page.getByTestId('add-household').waitFor();
  });

  it('draws hostile kept text as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const long = '长'.repeat(200);
    await keepScreen({
      words: { appName: hostile, title: hostile, status: hostile, tree: 't', allHouseholds: 'a', householdsCount: 'h', membersCount: 'm', table: 'tb', headers: ['1', '2', '3', '4', '5', hostile], unlinked: 'u' },
      grids: [{ id: 'g', name: hostile }],
      rows: [{ id: 'r1', address: long, head: hostile, phone: null, size: 2, roles: [hostile], member: null }],
    });
    const release = await reopenWithCodeHeld();
    expect(await page.evaluate(() => document.documentElement.dataset.lxBoot)).toBe('drawn');
    expect(await page.locator('#lx-boot-screen h1').textContent()).toBe(hostile);
    expect(await page.locator(BOOT_ROW).first().textContent()).toContain(hostile);
    expect(await page.locator('#lx-boot-screen img').count()).toBe(0); // nothing from the kept text
    expect(await page.locator('#lx-boot-screen svg.lx-brand-mark').count()).toBe(1); // the app's mark
    expect(await page.locator('#lx-boot-screen .lx-header__brand').textContent()).toBe(hostile);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await release();
    await page.locator(LIVE_ROW).first().waitFor();
    expect(await page.locator('#lx-boot-screen').count()).toBe(0);
    // The live page keeps its own first screen again when idle (same document, different value).
    await expect.poll(keptTitle, { timeout: 15_000 }).toBe('花名册');
  });

  it('draws nothing from a kept value it cannot read, and the app opens as usual', async () => {
    await keepScreen({ words: 'garbage', rows: [{ id: 7 }] });
    const release = await reopenWithCodeHeld();
    expect(await page.evaluate(() => document.documentElement.dataset.lxBoot)).toBe('none');
    expect(await page.locator('#lx-boot-screen').count()).toBe(0);
    expect(await page.locator('#root').getAttribute('hidden')).toBeNull();
    await release();
    await page.locator(LIVE_ROW).first().waitFor();
    // Once live, the page keeps a readable first screen again (same document, new value).
    await expect.poll(keptTitle, { timeout: 15_000 }).toBe('花名册');
  });
});
