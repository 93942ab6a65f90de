// The committee's roster in Chromium: import with a row-by-row preview, export, hostile values
// shown as plain text, and no serious accessibility violation on the main pages.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { readRoster } from '@lianxin/model';
import { tempDataDir } from '../support/relayProcess';
import { startWorld, type World } from './support/harness';
import { readDoc, writeDoc } from './support/seed';

let world: World;
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

beforeAll(async () => {
  world = await startWorld('roster-e2e');
  const { secretaryToken } = world.community;
  // A hostile peer writes straight into the documents, past every command's validation.
  const roster = readRoster(await readDoc(world.relay, 'roster-e2e/roster', secretaryToken)).view;
  const building = [...roster.buildings.values()][0]!;
  const member = [...roster.members.values()][0]!;
  await writeDoc(world.relay, 'roster-e2e/roster', secretaryToken, (doc) => {
    doc.getMap('households').set('hostileHuge1', { buildingId: building.id, unitId: null, room: '1', head: `<script>window.__pwned=1</script>${'長'.repeat(1_000_000)}`, phone: null, size: 1, roles: [], memberId: null, representative: false, consent: 'none', createdAt: 1 });
    doc.getMap('edits/members').set(`${member.id}/name`, HOSTILE);
  });
}, 120_000);

afterAll(async () => {
  await world?.close();
});

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n')[1] ?? ''})`).join(' | ')}`);
}

describe('roster for the committee', () => {
  it('shows hostile values as text, imports with a preview, exports, and passes axe', async () => {
    const { page, errors } = await world.join('committee', '李委员');
    await page.getByRole('link', { name: '花名册' }).first().click();
    await page.getByTestId('household-table').waitFor();

    // The 1 MB household is left out and reported; the script-like name is just text.
    await page.getByTestId('roster-problems').waitFor();
    await page.getByRole('tab', { name: /党员/ }).click();
    await expect.poll(() => page.getByTestId('member-open').allTextContents()).toContain(HOSTILE);
    expect(await pwned(page)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.getByRole('tab', { name: /住户/ }).click();

    // Import: two good rows, one without a head of household; the last row is typed the way a
    // phone keyboard and a hand-made sheet do (６１号楼, 二单元, ２０１) and joins building 61.
    const file = join(tempDataDir('lianxin-import-'), '花名册.csv');
    writeFileSync(file, '\uFEFF网格,楼号,单元,房号,户主,电话,人口\n第一网格,61,1,101,孙丽华,13912345678,3\n第一网格,61,1,102,,13912345679,2\n第一网格,６１号楼,二单元,２０１,钱志远,,4\n');
    await page.getByTestId('import-open').click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-preview').waitFor();
    const preview = await page.getByTestId('import-preview').textContent();
    expect(preview).toContain('孙丽华');
    expect(await page.locator('[data-testid="import-preview"] .ant-tag-red').count()).toBe(1);
    await page.getByTestId('import-apply').click();
    await page.getByTestId('roster-search').locator('input').fill('孙丽华');
    await expect.poll(() => page.getByTestId('household-open').allTextContents()).toEqual(['孙丽华']);
    // Full-width digits and Chinese numerals find the one building 61 (issue 20, item 4).
    for (const query of ['６１号楼', '六十一号楼']) {
      await page.getByTestId('roster-search').locator('input').fill(query);
      await expect.poll(() => page.getByTestId('household-open').allTextContents()).toEqual(['孙丽华', '钱志远']);
    }
    await page.getByTestId('roster-search').locator('input').fill('');
    // The relay holds the two good rows; the bad one was never written.
    await expect.poll(async () => readRoster(await readDoc(world.relay, 'roster-e2e/roster', world.community.secretaryToken)).view.households.size).toBe(world.community.householdCount + 2);
    const stored = readRoster(await readDoc(world.relay, 'roster-e2e/roster', world.community.secretaryToken)).view;
    expect([...stored.buildings.values()].filter((b) => b.number.includes('61') || b.number.includes('６１')).map((b) => b.number)).toEqual(['61']);
    expect([...stored.households.values()].find((h) => h.head === '钱志远')?.room).toBe('201');

    // Export as CSV.
    await page.getByTestId('export').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('导出 CSV').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toContain('楼号');
    expect(csv).toContain('孙丽华');
    expect(csv).toContain('钱志远');

    // Accessibility of the main pages (once the export menu has closed).
    await page.getByText('导出 CSV').waitFor({ state: 'hidden' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '民情' }).first().click();
    await page.getByTestId('concern-board').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '我的联户' }).first().click();
    await page.getByTestId('who-am-i-select').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    expect(await pwned(page)).toBeUndefined();
    expect(errors).toEqual([]);
  }, 150_000);
});
