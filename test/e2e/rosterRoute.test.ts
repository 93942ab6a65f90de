// Issue 21: the committee's roster opens offline from a cold start (the service worker serves the
// app, this device's copy the data), on a CPU four times slower, opening only the roster
// document; it is usable from the rows kept beside it before the document is loaded — the
// households are listed and the search finds one beyond the first screen — and then goes live in
// the same page, the search still applied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './support/harness';
import { keptViewKeys } from './support/keptViews';
import { holdDocLoads } from './support/holdDocLoads';

let world: World;

beforeAll(async () => {
  world = await startWorld('roster-route-e2e');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

type Probe = { __lianxinOpenedDocs?: Set<string> };
const ROWS = '[data-testid="household-table"]:not([data-preview]) .ant-table-row';
// The seed's 21st household (its phone is its own): in the list, not on its first screen's top.
const PHONE_OF_ONE = '13900001020';

describe('the roster, offline cold start at 4× CPU throttling', { timeout: 120_000 }, () => {
  it('lists the kept rows and searches them before the roster document is loaded, and opens nothing else', async () => {
    const committee = await world.join('committee', '李委员');
    const { page, context } = committee;
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (navigator.serviceWorker.controller) return;
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });
    await page.goto('/c/roster-route-e2e/roster');
    await page.locator('section[data-source="live"]').waitFor();
    const total = world.community.householdCount;
    // Shown live once: the page keeps its rows beside the roster document when idle.
    await expect.poll(() => keptViewKeys(page, 'roster-route-e2e', 'roster'), { timeout: 15_000 }).toContain('roster-rows-v1-zh-CN');
    await page.close();

    // A cold start without signal on a phone-speed CPU; the roster's load is held back by a long
    // write transaction on its updates (a big document on a slow phone), so the page is used
    // while it shows the kept rows.
    await committee.setOffline(true);
    const cold = await context.newPage();
    const cdp = await context.newCDPSession(cold);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await holdDocLoads(cold, { database: '/c/roster-route-e2e/', ms: 4_000 });
    await cold.goto('/c/roster-route-e2e/roster');

    // Usable from the kept rows: every household listed, the search narrows them to one.
    await cold.locator('section[data-source="kept"]').waitFor({ timeout: 30_000 });
    expect(await cold.getByRole('tab', { name: new RegExp(`住户.*${total}`) }).count()).toBe(1);
    await cold.getByTestId('roster-search').locator('input').fill(PHONE_OF_ONE);
    await expect.poll(() => cold.locator(ROWS).allTextContents()).toEqual([expect.stringContaining(PHONE_OF_ONE)]);
    expect(await cold.locator('section[data-source="kept"]').count()).toBe(1);
    expect(await cold.evaluate(() => [performance.getEntriesByName('lianxin:usable:roster').length, performance.getEntriesByName('lianxin:live:roster').length])).toEqual([1, 0]);

    // Then live in the same page: the search still applied, the household's form opens.
    await cold.locator('section[data-source="live"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => cold.locator(ROWS).allTextContents()).toEqual([expect.stringContaining(PHONE_OF_ONE)]);
    expect(await cold.getByTestId('roster-search').locator('input').inputValue()).toBe(PHONE_OF_ONE);
    await cold.getByTestId('household-open').click();
    await cold.getByTestId('household-form').waitFor({ timeout: 30_000 });

    // Only the route's document was opened.
    await cold.waitForTimeout(1_000);
    const opened = await cold.evaluate(() => [...((window as unknown as Probe).__lianxinOpenedDocs ?? [])].sort());
    expect(opened).toEqual(['roster']);
  });
});
