// The view from above in Chromium against a real relay: a county with two townships and five
// communities made with the CLI, four of them with a summary seeded through raw sync clients with
// the model's writeSummary. The county table (rolled-up figures, a community with no summary shown
// as such, sort, XLSX download that parses), 支部争五星 (criteria from the defaults, evidence, a
// rating the county sees), the county adding a township and a community with their invites;
// zh-CN and en, 375 px and laptop, axe 0 serious.
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegion, writeSummary } from '@lianxin/model';
import { readXlsxRows } from '@lianxin/model/xlsx';
import { summaryOf } from '../../client/src/state/region/tierFixtures';
import { createCommunity, createRegion, type RelayProcess } from '../support/relayProcess';
import { LAPTOP, PHONE, startEmptyWorld, type EmptyWorld } from './support/harness';
import { readDoc, writeDoc } from './support/seed';

let world: EmptyWorld;
let relay: RelayProcess;
let countyToken: string;
let townshipToken: string;

const COMMUNITIES = [
  // id, name, township, summary (null: none published)
  ['sh-comm', '三华社区', 'gy-town', summaryOf({ collected: 20, resolved: 19, byLevel: { member: 5, grid: 6, community: 6, township: 2 }, medianDays: 2, linked: 10, visited: 10, decided: 2, disclosed: 4 })],
  ['sn-vill', '水南村', 'gy-town', summaryOf({ collected: 10, resolved: 5, inTime: 6, medianDays: 9 })],
  ['ln-vill', '龙仁村', 'gy-town', null],
  ['wa-vill', '万安村', 'wa-town', summaryOf({ collected: 8, resolved: 6, medianDays: 4 })],
  ['xp-vill', '西坪村', 'wa-town', summaryOf({ collected: 2, resolved: 2, medianDays: 1 })],
] as const;

beforeAll(async () => {
  world = await startEmptyWorld();
  relay = world.relay;
  countyToken = (await createRegion(relay.dataDir, 'jl-county', '将乐县', 'county')).token;
  townshipToken = (await createRegion(relay.dataDir, 'gy-town', '古镛镇', 'township', 'jl-county')).token;
  await createRegion(relay.dataDir, 'wa-town', '万安镇', 'township', 'jl-county');
  for (const [id, name, township, summary] of COMMUNITIES) {
    const { token } = await createCommunity(relay.dataDir, id, name, 'village', township);
    if (summary) await writeDoc(relay, `${id}/summary`, token, (doc) => void writeSummary(doc, summary));
  }
}, 180_000);

afterAll(async () => {
  await world?.close();
});

async function seriousAxe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** A new device that joins the region with an invite made with `token`, landing on `landing`. */
async function join(token: string, role: 'county' | 'township', name: string, landing: RegExp, viewport: { width: number; height: number } = LAPTOP) {
  const context = await world.browser.newContext({ baseURL: relay.url, viewport, locale: 'zh-CN', reducedMotion: 'reduce', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await fetch(`${relay.url}/api/invites`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ role }) });
  expect(response.status).toBe(201);
  await page.goto(((await response.json()) as { url: string }).url);
  await page.getByTestId('join-name').fill(name);
  await page.getByTestId('join-submit').click();
  await page.waitForURL(landing);
  return { context, page, errors };
}

const synced = (page: Page) => page.locator('[data-testid="sync-status"][data-state="synced"][data-pending="0"]');
const rankingNames = (page: Page) => page.locator('[data-testid="ranking-table"] [data-testid="ranking-name"]').evaluateAll((els) => els.map((e) => e.childNodes[0]?.textContent ?? ''));

describe('the view from above', () => {
  it('the county table: rolled-up figures, a community with no summary, sort, XLSX; laptop and phone, zh-CN and en, axe', async () => {
    const { context, page, errors } = await join(countyToken, 'county', '周部长', /\/r\/jl-county\/table$/);
    await synced(page).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('total-reporting').textContent()).toContain('4/5 个社区已上报');
    // 40 collected, 32 resolved in all: 80.0%, from the counts.
    expect(await page.getByTestId('total-collected').textContent()).toContain('40');
    expect(await page.getByTestId('total-resolution').textContent()).toContain('80.0%');
    // Per township: 古镛镇 30 collected / 24 resolved (2 of 3 reporting); 万安镇 10 / 8.
    const townships = page.locator('[data-testid="township-table"] tbody tr.ant-table-row');
    await expect.poll(() => townships.count()).toBe(3);
    expect(await townships.nth(0).textContent()).toMatch(/古镛镇.*2\/3.*30.*24.*80\.0%/);
    expect(await townships.nth(1).textContent()).toMatch(/万安镇.*2\/2.*10.*8.*80\.0%/);
    expect(await townships.nth(2).textContent()).toMatch(/将乐县.*4\/5.*40.*32/);
    // Complete (every summary loaded from the device) and marked usable for the bench.
    await expect.poll(() => page.getByTestId('county-table-page').getAttribute('data-loaded')).toBe('true');
    expect(await page.evaluate(() => performance.getEntriesByName('lianxin:usable:table', 'mark').length)).toBe(1);
    expect(await page.locator('[data-testid="ranking-table"] tr[data-reporting="true"]').count()).toBe(4);
    // Ranked by resolution rate; the community with no summary last, marked, its cells empty.
    expect(await rankingNames(page)).toEqual(['西坪村', '三华社区', '万安村', '水南村', '龙仁村']);
    const none = page.locator('[data-testid="ranking-table"] tr[data-row-key="ln-vill"]');
    expect(await none.getByTestId('no-summary').textContent()).toBe('尚未上报');
    expect(await none.textContent()).not.toMatch(/\d/);
    // The charts: both townships, the best and the worst.
    expect(await page.locator('[data-testid="chart-townships"] [data-testid="bar"]').count()).toBe(2);
    expect(await page.locator('[data-testid="chart-top"] [data-testid="bar"]').first().getAttribute('data-id')).toBe('xp-vill');
    expect(await seriousAxe(page)).toEqual([]);

    // Sort by concerns collected (highest first), then lowest first; the non-reporting stays last.
    await page.locator('[data-testid="ranking-table"] th', { hasText: '收集诉求' }).click();
    await expect.poll(() => rankingNames(page)).toEqual(['三华社区', '水南村', '万安村', '西坪村', '龙仁村']);
    await page.locator('[data-testid="ranking-table"] th', { hasText: '收集诉求' }).click();
    await expect.poll(() => rankingNames(page)).toEqual(['西坪村', '万安村', '水南村', '三华社区', '龙仁村']);

    // Export: a workbook that parses, with every community in the order shown and the totals.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^将乐县-各社区工作情况-\d{4}-\d{2}-\d{2}\.xlsx$/);
    // A copy in its own ArrayBuffer: a Node Buffer may be a view into a shared pool, and
    // readXlsxRows reads `.slice().buffer` (Buffer#slice shares memory).
    const read = await readXlsxRows(new Uint8Array(readFileSync((await download.path())!)));
    expect(read.type === 'rows' ? 'rows' : read.reason).toBe('rows');
    const rows = read.type === 'rows' ? read.rows : [];
    expect(rows).toHaveLength(1 + 5 + 2 + 1);
    expect(rows[0]!.slice(0, 6)).toEqual(['层级', '名称', '所属乡镇', '上报情况', '收集诉求', '已解决']);
    expect(rows.slice(1, 6).map((r) => r[1])).toEqual(['西坪村', '万安村', '水南村', '三华社区', '龙仁村']);
    expect(rows[5]!.slice(0, 5)).toEqual(['社区', '龙仁村', '古镛镇', '尚未上报', '']);
    expect(rows[8]!.slice(0, 6)).toEqual(['全辖区合计', '将乐县', '', '4/5', '40', '32']);
    await page.getByTestId('export-progress').waitFor({ state: 'hidden' });

    // English, on a phone.
    await page.evaluate(() => localStorage.setItem('lianxin.lang', 'en'));
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('heading', { name: 'How the communities are doing' }).waitFor();
    await expect.poll(() => page.getByTestId('total-reporting').textContent()).toContain('4/5 communities reporting');
    expect(await page.locator('[data-testid="ranking-table"] tr[data-row-key="ln-vill"]').getByTestId('no-summary').textContent()).toBe('Not yet reported');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('a warm county device shows the table from IndexedDB with no network; its summaries came in batches, not a socket each', async () => {
    const { context, page, errors } = await join(countyToken, 'county', '郑科长', /\/r\/jl-county\/table$/);
    const sockets: string[] = [];
    const batches: string[] = [];
    context.on('page', (p) => p.on('websocket', (ws) => sockets.push(new URL(ws.url()).pathname)));
    page.on('websocket', (ws) => sockets.push(new URL(ws.url()).pathname));
    page.on('request', (r) => {
      if (r.url().endsWith('/api/region/summaries')) batches.push(r.method());
    });
    await page.reload();
    await synced(page).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-testid="ranking-table"] tr[data-reporting="true"]').count()).toBe(4);
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.every((m) => m === 'POST')).toBe(true);
    // One socket: the county's own region document. No summary has one.
    expect(sockets.filter((s) => s.endsWith('/summary'))).toEqual([]);
    expect(sockets).toContain('/sync/jl-county/region');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (navigator.serviceWorker.controller) return;
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });

    // No network: a new page of the same device shows every row from what it kept.
    await page.close();
    await context.setOffline(true);
    const warm = await context.newPage();
    warm.on('pageerror', (e) => errors.push(e.message));
    await warm.goto('/r/jl-county/table');
    await expect.poll(() => warm.locator('[data-testid="ranking-table"] tr[data-reporting="true"]').count(), { timeout: 15_000 }).toBe(4);
    expect(await warm.getByTestId('county-table-page').getAttribute('data-loaded')).toBe('true');
    expect(await warm.getByTestId('total-reporting').textContent()).toContain('4/5 个社区已上报');
    expect(await warm.getByTestId('total-collected').textContent()).toContain('40');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('支部争五星: the township edits its criteria from the defaults, sees the evidence, rates a branch; the county sees the rating', async () => {
    const { context, page, errors } = await join(townshipToken, 'township', '李干部', /\/r\/gy-town\/desk$/, PHONE);
    await page.getByTestId('nav-stars').click();
    await page.getByTestId('stars-page').waitFor();
    await synced(page).waitFor({ timeout: 20_000 });
    // The defaults until an edit.
    await page.getByTestId('criteria-defaults').waitFor();
    expect(await page.getByTestId('criterion').count()).toBe(6);
    // Evidence from the summaries: 三华社区 meets every default criterion; 龙仁村 has none yet.
    const sh = page.locator('[data-testid="branch"][data-community="sh-comm"]');
    await expect.poll(() => sh.locator('[data-testid="evidence-item"][data-met="true"]').count()).toBe(6);
    expect(await sh.getByTestId('branch-suggested').textContent()).toBe('按标准建议 5 星');
    expect(await page.locator('[data-testid="branch"][data-community="ln-vill"]').getByTestId('branch-no-evidence').isVisible()).toBe(true);
    const sn = page.locator('[data-testid="branch"][data-community="sn-vill"]');
    expect(await sn.locator('[data-testid="evidence-item"][data-met="false"]').count()).toBeGreaterThan(0);
    expect(await seriousAxe(page)).toEqual([]);

    // Edit a criterion: the township now keeps its own (the defaults written with the change).
    await page.locator('[data-testid="criterion"][data-id="default-2"]').getByTestId('criterion-edit').click();
    await page.getByTestId('criterion-threshold').fill('50');
    await page.getByTestId('criterion-save').click();
    await page.getByTestId('criteria-defaults').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-testid="criterion"][data-id="default-2"]').textContent()).toContain('≥ 50%');
    // 水南村 resolved 5 of 10: now met.
    await expect.poll(() => sn.locator('[data-testid="evidence-item"][data-met="true"]').count()).toBeGreaterThan(0);

    // Rate a branch, then rate it again: the later rating replaces.
    await sh.getByTestId('rate-open').click();
    await sh.getByTestId('rate-notes').fill('初评');
    await sh.getByTestId('rate-submit').click();
    await expect.poll(() => sh.getAttribute('data-stars')).toBe('5');
    await sh.getByTestId('rate-open').click();
    await sh.getByTestId('rate-stars').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '4 星' }).click();
    await sh.getByTestId('rate-notes').fill('解决率高,走访到位;四议两公开还需加强');
    await sh.getByTestId('rate-submit').click();
    await expect.poll(() => sh.getAttribute('data-stars')).toBe('4');
    expect(await sh.getByTestId('branch-notes').textContent()).toMatch(/四议两公开还需加强.*李干部/);
    expect(await seriousAxe(page)).toEqual([]);
    await synced(page).waitFor({ timeout: 15_000 });
    const year = new Date().getFullYear();
    const region = readRegion(await readDoc(relay, 'gy-town/region', townshipToken)).view;
    expect(region.ratings.get(`sh-comm@${year}`)).toMatchObject({ stars: 4, by: '李干部' });
    expect(region.criteria.find((c) => c.id === 'default-2')?.threshold).toBe(0.5);

    // The township's own table: its three communities (one not reporting), no township lines.
    await page.getByTestId('nav-table').click();
    await page.getByTestId('county-table-page').waitFor();
    await expect.poll(() => page.getByTestId('total-reporting').textContent()).toContain('2/3 个社区已上报');
    expect(await page.getByTestId('township-table').count()).toBe(0);
    await expect.poll(() => rankingNames(page)).toEqual(['三华社区', '水南村', '龙仁村']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();

    // The county reads the township's ratings (its region document, read-only); in English on a laptop.
    const county = await join(countyToken, 'county', '吴科长', /\/r\/jl-county\/table$/);
    await county.page.evaluate(() => localStorage.setItem('lianxin.lang', 'en'));
    await county.page.goto('/r/jl-county/stars');
    await county.page.getByTestId('stars-page').waitFor();
    await expect.poll(() => county.page.locator('[data-testid="county-rating"][data-community="sh-comm"]').textContent(), { timeout: 15_000 }).toBe('4 stars');
    expect(await county.page.locator('[data-testid="county-rating"][data-community="sn-vill"]').textContent()).toBe('Not rated');
    expect(await seriousAxe(county.page)).toEqual([]);
    expect(county.errors).toEqual([]);
    await county.context.close();
  }, 120_000);

  it('the county adds a township and a community and gets their invites; a taken id is refused clearly', async () => {
    const { context, page, errors } = await join(countyToken, 'county', '周部长', /\/r\/jl-county\/table$/);
    await page.locator('.lx-sider').getByRole('link', { name: '所辖社区' }).click();
    await page.getByTestId('communities-page').waitFor();
    await page.getByTestId('township-name').fill('白莲镇');
    await page.getByTestId('township-id').fill('bl-town');
    await page.getByTestId('township-submit').click();
    await page.getByTestId('admin-created').waitFor();
    expect(await page.getByTestId('admin-created').textContent()).toContain('已添加乡镇:白莲镇');
    expect(await page.getByTestId('admin-invite-url').textContent()).toMatch(/\/join#code=/);
    await page.getByTestId('admin-created').getByTestId('qr-code').waitFor();
    await page.locator('[data-testid="township-item"][data-id="bl-town"]').waitFor();
    expect(await seriousAxe(page)).toEqual([]);

    // The same id again: 409, said plainly, nothing added.
    await page.getByTestId('township-name').fill('白莲镇');
    await page.getByTestId('township-id').fill('bl-town');
    await page.getByTestId('township-submit').click();
    await expect.poll(() => page.getByTestId('admin-error').textContent()).toContain('编号 bl-town 已被使用');
    expect(await page.locator('[data-testid="township-item"][data-id="bl-town"]').count()).toBe(1);

    // A community in the new township: the secretary's invite.
    await page.getByTestId('community-township').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '白莲镇' }).click();
    await page.getByTestId('community-name').fill('白莲村');
    await page.getByTestId('community-id').fill('bl-vill');
    await page.getByTestId('community-submit').click();
    await expect.poll(() => page.getByTestId('admin-created').textContent()).toContain('已添加社区:白莲村');
    await page.locator('[data-testid="community-item"][data-id="bl-vill"]').waitFor();
    const url = (await page.getByTestId('admin-invite-url').textContent())!;
    // The invite is the secretary's of 白莲村.
    const joined = await fetch(`${relay.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: new URL(url).hash.replace('#code=', ''), name: '白书记' }) });
    const answer: unknown = await joined.json();
    // A 500 here was seen once under load (stop 29): say what the relay logged, to find its cause.
    if (joined.status !== 201) throw new Error(`join answered ${joined.status} ${JSON.stringify(answer)}; relay logged: ${relay.logs().filter((l) => l.includes('unhandled request error')).join('\n')}`);
    expect(answer).toMatchObject({ community: { id: 'bl-vill', name: '白莲村' }, role: 'secretary' });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
