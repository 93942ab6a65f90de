// Issue 20, item 9: the concern form offered the eight duty roles as 类别, 受理 blanked the
// 承办人, and escalation offered party members by name only. A member reports from the phone; a
// committee member who joined by invite (not in the roster) accepts and escalates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { PHONE, startWorld, waitAllSaved, type World } from './support/harness';

let world: World;

beforeAll(async () => {
  world = await startWorld('concern-form-e2e');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

/** Opens an antd select and returns the labels it offers. */
async function optionsOf(page: Page, select: Locator): Promise<string[]> {
  await select.click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await options.first().waitFor();
  const labels = await options.evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? e.textContent ?? ''));
  await page.keyboard.press('Escape');
  await options.first().waitFor({ state: 'hidden' });
  return labels;
}

describe('the concern form speaks of problems', () => {
  it('offers kinds of problem; accepting keeps the assignee; escalation offers grid leaders and committee members', async () => {
    const member = await world.join('member', '王党员', PHONE);
    const { page } = member;
    await page.getByTestId('nav-concerns').click();
    await page.getByTestId('concern-new').click();
    await page.getByTestId('concern-title').fill('小区门口乱停车');
    await page.getByTestId('concern-household').locator('input').fill('徐中立');
    await page.keyboard.press('Enter');
    const kinds = await optionsOf(page, page.getByTestId('concern-category'));
    expect(kinds).toEqual(['环境卫生', '设施维修', '停车', '矛盾纠纷', '治安安全', '邻里互助', '政策咨询', '其他']);
    expect(kinds).not.toContain('政策法规宣传员');
    await page.getByTestId('concern-category').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="停车"]').click();
    await page.getByTestId('concern-save').click();
    await page.getByTestId('concern-card').filter({ hasText: '小区门口乱停车' }).waitFor();
    await waitAllSaved(page);

    // A committee member who joined by invite (and became a roster member with a branch post on first sync, item 6).
    const committee = await world.join('committee', '刘主任');
    const c = committee.page;
    await c.goto('/c/concern-form-e2e/concerns');
    await c.getByTestId('concern-card').filter({ hasText: '小区门口乱停车' }).click();
    const assignee = c.getByTestId('concern-assignee');
    await expect.poll(() => assignee.textContent()).toBe('王党员');
    expect(await c.getByTestId('concern-drawer').textContent()).toContain('停车');
    await c.getByTestId('concern-accept').click();
    await expect.poll(() => c.getByTestId('concern-status').getAttribute('data-status')).toBe('inProgress');
    expect(await assignee.textContent()).toBe('王党员');

    await c.getByTestId('concern-escalate').click();
    const handlers = await optionsOf(c, c.getByTestId('concern-action-form').getByLabel('承办人'));
    expect(handlers).toEqual(expect.arrayContaining([expect.stringMatching(/^刘主任/)]));
    expect(handlers).toEqual(expect.arrayContaining([expect.stringMatching(/^张书记 · 党支部书记/), expect.stringMatching(/^李委员 · .*网格长/)]));
    await c.getByTestId('concern-action-submit').click();
    await expect.poll(() => c.getByTestId('concern-level').getAttribute('data-level')).toBe('grid');
    // 李委员 leads the grid of 58号楼: suggested and kept.
    expect(await assignee.textContent()).toBe('李委员');

    // The list is the community's own: the committee adds a kind in settings, where the zone shows too.
    await c.goto('/c/concern-form-e2e/settings');
    const settings = c.getByTestId('community-settings');
    await settings.waitFor();
    expect(await settings.getByTestId('settings-time-zone').textContent()).toContain('Asia/Shanghai');
    await settings.getByTestId('settings-concern-kinds').locator('input').fill('飞线充电');
    await c.keyboard.press('Enter');
    await c.keyboard.press('Escape');
    await settings.getByRole('button', { name: /保\s*存/ }).click();
    await waitAllSaved(c);
    await page.getByTestId('concern-new').click();
    await expect.poll(() => optionsOf(page, page.getByTestId('concern-category')), { timeout: 15_000 }).toContain('飞线充电');
    expect([...member.errors, ...committee.errors]).toEqual([]);
  }, 120_000);
});
