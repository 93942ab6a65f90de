// Every control on the roster and setup pages has a name a screen reader can say, found with
// Playwright's role queries; an antd icon's own English name ("search") does not count
// (issue 20, item 12).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startWorld, PHONE, type World } from './support/harness';
import { startRelay, type RelayProcess } from '../support/relayProcess';

let world: World;
let fresh: RelayProcess;

beforeAll(async () => {
  world = await startWorld('names-e2e');
  fresh = await startRelay();
}, 180_000);

afterAll(async () => {
  await world?.close();
  await fresh?.stop();
});

/** Controls in the accessibility tree whose name is missing or only an icon's name. */
async function unnamed(page: Page): Promise<string[]> {
  const snapshot = await page.locator('body').ariaSnapshot();
  return snapshot
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => {
      const m = /^- (button|radio|radiogroup|checkbox|combobox|switch|searchbox|textbox)(?: "([^"]*)")?(?=[\s:[]|$)/.exec(line);
      return m !== null && (m[2] === undefined || /^[a-z-]+$/.test(m[2]));
    });
}

describe('accessible names', () => {
  it('names every button and picker on the roster page, on a laptop and on a phone', async () => {
    for (const viewport of [undefined, PHONE]) {
      const { page, context, errors } = await world.join('committee', '李委员', viewport);
      await page.getByRole('link', { name: '花名册' }).first().click();
      await page.getByTestId('household-table').waitFor();
      // The household search filters as one types: a named search box, no button.
      await page.getByRole('searchbox', { name: '搜索户主、电话、门牌或党员' }).waitFor();
      await page.locator('section[data-source="live"]').waitFor();
      // 服务牌 is one control, not a button inside a link.
      expect(await page.getByRole('button', { name: /服务牌/ }).count()).toBe(1);
      expect(await page.getByRole('link', { name: /服务牌/ }).count()).toBe(0);
      expect(await unnamed(page)).toEqual([]);

      await page.getByRole('tab', { name: /党员/ }).click();
      await page.getByRole('searchbox', { name: '搜索党员姓名或电话' }).waitFor();
      expect(await page.getByRole('button', { name: '搜索', exact: true }).count()).toBe(1);
      expect(await unnamed(page)).toEqual([]);

      await page.getByRole('tab', { name: /住户/ }).click();
      await page.getByTestId('household-open').first().click();
      await page.getByRole('combobox', { name: '联户党员' }).waitFor();
      expect(await unnamed(page)).toEqual([]);
      await page.getByRole('button', { name: '关闭' }).click();
      await page.getByRole('button', { name: '服务牌' }).click();
      await page.waitForURL(/\/roster\/board/);
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 150_000);

  it('names the community-kind radios and their group on the setup page', async () => {
    const code = await fresh.waitForSetupCode();
    const context = await world.browser.newContext({ baseURL: fresh.url, locale: 'zh-CN', reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`/setup#code=${code}`);
    const kind = page.getByRole('radiogroup', { name: '类型' });
    await kind.waitFor();
    expect(await kind.getByRole('radio', { name: '城市社区' }).isChecked()).toBe(true);
    await kind.getByRole('radio', { name: '村' }).check();
    expect(await unnamed(page)).toEqual([]);
    await context.close();
  }, 60_000);
});
