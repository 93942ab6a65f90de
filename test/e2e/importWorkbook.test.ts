// The secretary's hand-made workbook (test/fixtures/xlsx/secretary-workbook.xlsx) imported in
// Chromium: the preview says the one broken row once, shows that row's own address, head and
// offending cell, names the sheet it left alone, and the 党员名单 sheet gives the members their
// categories and phones (issue 20, item 11).
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRoster } from '@lianxin/model';
import { startWorld, type World } from './support/harness';
import { readDoc } from './support/seed';

let world: World;
const FIXTURE = fileURLToPath(new URL('../fixtures/xlsx/secretary-workbook.xlsx', import.meta.url));

beforeAll(async () => {
  world = await startWorld('import-e2e');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('importing a hand-made workbook', () => {
  it('previews one summarised note, the bad row’s cells and the members sheet, then imports the members’ details', async () => {
    const { page, errors } = await world.join('committee', '李委员');
    await page.getByRole('link', { name: '花名册' }).first().click();
    await page.getByTestId('household-table').waitFor();
    await page.getByTestId('import-open').click();
    await page.locator('input[type=file]').setInputFiles(FIXTURE);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();

    // One note for the one broken row; nothing per row about members "to be created".
    expect(await page.getByTestId('import-summary').allTextContents()).toEqual(['第 40 行:电话“见备注”不是有效号码']);
    expect(await preview.textContent()).not.toContain('将新建');
    expect(await preview.textContent()).toContain('工作表“填表说明”未导入');
    // The broken row comes first, with its own address, head and offending cell.
    const first = page.locator('[data-testid="import-preview"] .ant-table-row').first();
    await expect.poll(() => first.textContent()).toContain('40');
    expect(await first.textContent()).toContain('58号楼 1单元 1901');
    expect(await first.textContent()).toContain('何玉梅');
    expect(await first.getByTestId('import-bad-cells').textContent()).toBe('联系电话:见备注');
    expect(await page.getByTestId('import-members').textContent()).toContain('党员名单“党员名单”:新增 20 名');

    await page.getByTestId('import-apply').click();
    await expect
      .poll(async () => [...readRoster(await readDoc(world.relay, 'import-e2e/roster', world.community.secretaryToken)).view.members.values()].find((m) => m.name === '黄卫东')?.phone ?? null)
      .toBe('13900001111');
    const roster = readRoster(await readDoc(world.relay, 'import-e2e/roster', world.community.secretaryToken)).view;
    const huang = [...roster.members.values()].find((m) => m.name === '黄卫东')!;
    expect([huang.category, huang.duties]).toEqual(['retired', ['mediation', 'sanitation']]);
    expect([...roster.households.values()].filter((h) => h.memberId === huang.id)).toHaveLength(10);
    expect(errors).toEqual([]);
  }, 150_000);
});
