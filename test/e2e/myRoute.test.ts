// Issue 21: a member's "my households" opens offline from a cold start (the service worker serves
// the app, this phone's copy the data), on a CPU four times slower, opening only the route's
// documents; it is usable from the projection kept beside the work document before those are
// loaded — the visit menu opens, and a visit picked then is recorded once they are in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, startWorld, type World } from './support/harness';
import { keptViewKeys } from './support/keptViews';
import { holdDocLoads } from './support/holdDocLoads';

let world: World;

beforeAll(async () => {
  world = await startWorld('my-e2e');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

type Probe = { __lianxinOpenedDocs?: Set<string> };

describe('my households, offline cold start at 4× CPU throttling', { timeout: 120_000 }, () => {
  it('is usable from its kept projection and opens nothing but roster and work', async () => {
    const member = await world.join('member', '王党员', PHONE);
    const { page, context } = member;
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (navigator.serviceWorker.controller) return;
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });
    expect(new URL(page.url()).pathname).toBe('/c/my-e2e/my');
    await expect.poll(() => page.getByTestId('my-household').count()).toBe(6);
    // Shown live once: the page keeps its projection beside the work document when idle.
    await expect.poll(() => keptViewKeys(page, 'my-e2e', 'work'), { timeout: 15_000 }).toContain('my-households-v1-zh-CN');
    const firstId = await page.getByTestId('my-household').first().getAttribute('data-household-id');
    await page.close();

    // A cold start without signal: a new page on a phone-speed CPU. The roster and work loads are
    // held back by a long write transaction on their updates (a big document on a slow phone), so
    // the page is seen — and used — while it shows the projection.
    await member.setOffline(true);
    const cold = await context.newPage();
    const cdp = await context.newCDPSession(cold);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await holdDocLoads(cold, { database: '/c/my-e2e/', ms: 3_000 });
    await cold.goto('/c/my-e2e/my');

    // Usable: the first household is on screen and its visit menu opens.
    const first = cold.getByTestId('my-household').first();
    await first.waitFor({ timeout: 30_000 });
    expect(await cold.locator('section[data-source="kept"]').count()).toBe(1);
    expect(await first.getAttribute('data-household-id')).toBe(firstId);
    await first.getByTestId('visit-button').click();
    await cold.getByTestId('visit-form').waitFor();
    expect(await cold.evaluate(() => performance.getEntriesByName('lianxin:usable:my').length)).toBe(1);
    // Picked before the work document is in: the button waits, nothing is lost.
    await cold.getByTestId('visit-kind-routine').click();

    await cold.locator('section[data-source="live"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => cold.locator(`[data-household-id="${firstId}"]`).getAttribute('data-overdue'), { timeout: 15_000 }).toBe('false');
    await expect.poll(async () => Number(await cold.getByTestId('sync-status').getAttribute('data-pending'))).toBeGreaterThanOrEqual(1);
    expect(await cold.getByTestId('sync-status').getAttribute('data-state')).toBe('offline');

    // Only the route's documents were opened: not meetings, not public (a member may read both).
    await cold.waitForTimeout(1_000);
    const opened = await cold.evaluate(() => [...((window as unknown as Probe).__lianxinOpenedDocs ?? [])].sort());
    expect(opened).toEqual(['roster', 'work']);
  });
});
