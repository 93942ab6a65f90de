// English is fetched only by a device that chooses it (issue 21: the entry carries Chinese only).
// Switching loads it and the page turns English; a reload starts in English; switching back works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './support/harness';

let world: World;

beforeAll(async () => {
  world = await startWorld('language-load-e2e');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('the interface language', () => {
  it('loads English when chosen, keeps it over a reload, and switches back', async () => {
    const { page, errors } = await world.join('committee', '李委员');
    const englishRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/assets\/en-[\w-]+\.js$/.test(r.url())) englishRequests.push(r.url());
    });
    await page.goto('/c/language-load-e2e/settings');
    await page.getByRole('heading', { level: 1, name: '设置' }).first().waitFor();
    expect(englishRequests).toEqual([]);
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).first().waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(englishRequests.length).toBe(1);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).first().waitFor();
    await page.getByTestId('language-switch').getByText('中文').click();
    await page.getByRole('heading', { level: 1, name: '设置' }).first().waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(errors).toEqual([]);
  }, 60_000);
});
