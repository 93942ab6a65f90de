// "My households" draws its rows before the visit command's code is loaded (issue 21); if that
// code cannot be fetched when a kind is picked (never on the device, no signal), she is told the
// visit was not recorded, the page stays, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './support/harness';

let world: World;

beforeAll(async () => {
  world = await startWorld('visit-code-e2e');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('a visit picked when its code cannot load', () => {
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
});
