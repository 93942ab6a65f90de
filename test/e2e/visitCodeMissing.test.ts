// Code loaded lazily (issue 21) may not be on the device when it is needed (never fetched, no
// signal). "My households" draws its rows before the visit command's code is loaded: if it cannot
// be fetched when a kind is picked, she is told the visit was not recorded, the page stays, and
// nothing is written. A page whose own code cannot be fetched says so in its place; the shell
// stays and the other pages still open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './support/harness';

let world: World;

beforeAll(async () => {
  world = await startWorld('visit-code-e2e');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('code that cannot be loaded', () => {
  it('tells her it was not recorded and keeps the page', async () => {
    const { page } = await world.join('committee', '李委员');
    // The command's chunk never arrives (and the service worker is bypassed, as on a first visit).
    await page.context().route(/\/assets\/RecordVisit-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    });
    await page.goto('/c/visit-code-e2e/my');
    const first = page.getByTestId('my-household').first();
    await first.waitFor();
    await page.locator('section[data-source="live"]').waitFor({ timeout: 30_000 });
    const before = await first.getAttribute('data-overdue');
    await first.getByTestId('visit-button').click();
    await page.getByTestId('visit-kind-routine').click();
    await page.getByText('走访没有记下').waitFor();
    // The page is still there, its button usable again, and no visit was recorded.
    await expect.poll(() => first.getByTestId('visit-button').isEnabled()).toBe(true);
    expect(await page.getByTestId('sync-status').count()).toBe(1);
    expect(await page.getByTestId('sync-status').getAttribute('data-pending')).toBe('0');
    expect(await first.getAttribute('data-overdue')).toBe(before);
  }, 60_000);

  it('a page whose code cannot load says so, and the shell and other pages stay', async () => {
    const { page } = await world.join('committee', '赵委员');
    await page.context().route(/\/assets\/ConcernBoardPage-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    });
    await page.goto('/c/visit-code-e2e/concerns');
    await page.getByTestId('page-not-loaded').waitFor();
    expect(await page.getByTestId('concern-board').count()).toBe(0);
    // The shell is still drawn around it.
    expect(await page.getByTestId('sync-status').count()).toBe(1);
    await page.goto('/c/visit-code-e2e/my');
    await page.locator('#my-title').waitFor();
    expect(await page.getByTestId('page-not-loaded').count()).toBe(0);
  }, 60_000);
});
