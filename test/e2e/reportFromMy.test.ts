// "My households" loads its report form only when asked for (issue 21: the page's own chunk stays
// small); asking for it still opens the form for that household, and a report is saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, waitAllSaved, type World } from './support/harness';

let world: World;

beforeAll(async () => {
  world = await startWorld('report-from-my-e2e');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('reporting a problem from my households', () => {
  it('opens the report form for the household on first ask and saves the report', async () => {
    const { page, errors } = await world.join('committee', '李委员');
    await page.goto('/c/report-from-my-e2e/my');
    const first = page.getByTestId('my-household').first();
    await first.waitFor();
    const head = (await first.locator('.lx-text').textContent())!.split(' · ')[1]!;
    await expect.poll(() => page.getByTestId('concern-form').count()).toBe(0);
    await first.getByTestId('report-for-household').click();
    await page.getByTestId('concern-title').fill('楼道灯坏了');
    await expect.poll(() => page.getByTestId('concern-household').textContent()).toContain(head);
    await page.getByTestId('concern-save').click();
    await page.getByTestId('concern-form').waitFor({ state: 'hidden' });
    await waitAllSaved(page);
    await page.goto('/c/report-from-my-e2e/concerns');
    await page.getByText('楼道灯坏了').first().waitFor();
    expect(errors).toEqual([]);
  }, 60_000);
});
