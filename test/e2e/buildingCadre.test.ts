// 楼栋负责人 where a secretary looks: selecting a building in the roster offers the picker, the
// relay stores the choice and the building's service board names the cadre (issue 20, item 12).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRoster } from '@lianxin/model';
import { startWorld, type World } from './support/harness';
import { readDoc } from './support/seed';

let world: World;

beforeAll(async () => {
  world = await startWorld('cadre-e2e');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('building cadre', () => {
  it('is chosen on the selected building and named on its service board', async () => {
    const { page, errors } = await world.join('committee', '李委员');
    await page.getByRole('link', { name: '花名册' }).first().click();
    await page.getByTestId('household-table').waitFor();
    await page.getByRole('treeitem', { name: /第二网格/ }).locator('.ant-tree-switcher').click();
    await page.getByRole('treeitem', { name: /60/ }).click();
    const picker = page.getByRole('combobox', { name: '楼栋负责人' });
    await picker.waitFor();
    expect(await page.getByTestId('building-cadre').textContent()).toContain('张书记');
    await picker.click();
    await page.locator('.ant-select-item-option', { hasText: '李委员' }).click();
    const { secretaryToken } = world.community;
    await expect
      .poll(async () => {
        const roster = readRoster(await readDoc(world.relay, 'cadre-e2e/roster', secretaryToken)).view;
        const b60 = [...roster.buildings.values()].find((b) => b.number === '60')!;
        return b60.cadreId ? roster.members.get(b60.cadreId)?.name : null;
      })
      .toBe('李委员');
    await page.getByRole('button', { name: '服务牌' }).click();
    await page.waitForURL(/\/roster\/board/);
    await expect.poll(() => page.locator('.service-board__head').first().textContent()).toContain('李委员');
    expect(errors).toEqual([]);
  }, 120_000);
});
