// The township's desk in Chromium against a real relay: a county, a township and two of its
// communities made with the CLI; the communities' escalations seeded through raw sync clients with
// the model's own shapes; a township cadre who joins with an invite link. The inbox, assigning
// back to the community with a deadline, the 督办 flag, both languages, phone and laptop, axe, and
// the desk opened again with no network; a warm open from the rows kept on the device while the
// documents are held back; 督办 counted in the township's day on a device in another zone.
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseSchema, actOnCase, dayInZone, readEscalations, type ConcernId } from '@lianxin/model';
import { createCommunity, createRegion, type RelayProcess } from '../support/relayProcess';
import { LAPTOP, PHONE, startEmptyWorld, type EmptyWorld } from './support/harness';
import { readDoc, writeDoc } from './support/seed';
import { holdDocLoads } from './support/holdDocLoads';

let world: EmptyWorld;
let relay: RelayProcess;
let townshipToken: string;
let secretaryA: string;
const DAY = 86_400_000;
const LATE = 'lateCase01';
const FRESH = 'freshCase01';

beforeAll(async () => {
  world = await startEmptyWorld();
  relay = world.relay;
  await createRegion(relay.dataDir, 'jl-county', '将乐县', 'county');
  townshipToken = (await createRegion(relay.dataDir, 'gy-town', '古镛镇', 'township', 'jl-county')).token;
  secretaryA = (await createCommunity(relay.dataDir, 'sh-comm', '三华社区', 'urban', 'gy-town')).token;
  const secretaryB = (await createCommunity(relay.dataDir, 'sn-vill', '水南村', 'village', 'gy-town')).token;
  const now = Date.now();
  // Community A: a fresh concern, just escalated.
  await writeDoc(relay, 'sh-comm/escalations', secretaryA, (doc) => {
    doc.getMap('cases').set(FRESH, CaseSchema.parse({ title: '小区积水', detail: '雨后积水严重', category: '基础设施', place: '58号楼2单元', reportedAt: now - 3 * DAY, escalatedAt: now - 2 * DAY, escalatedBy: '张书记', history: [{ type: 'escalated', level: 'township', at: now - 2 * DAY, note: '需乡镇协调' }] }));
  });
  // Community B: a concern assigned back to it with a deadline long past (督办).
  await writeDoc(relay, 'sn-vill/escalations', secretaryB, (doc) => {
    doc.getMap('cases').set(LATE, CaseSchema.parse({ title: '村道路灯不亮', category: '公共设施', place: '村口', reportedAt: now - 40 * DAY, escalatedAt: now - 39 * DAY, escalatedBy: '刘书记' }));
    const r = actOnCase(doc, LATE as ConcernId, { type: 'assign', to: { kind: 'community' }, deadline: '2024-01-10' }, { actor: 't0', name: '陈干部', now: now - 38 * DAY });
    if (r.type !== 'done') throw new Error('seed: assign refused');
  });
}, 180_000);

afterAll(async () => {
  await world?.close();
});

async function seriousAxe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** A device with its network switchable (Chromium's offline mode leaves open sockets alone, so they are routed and dropped). */
async function device(viewport: { width: number; height: number }, timezoneId?: string): Promise<{ context: BrowserContext; page: Page; setOffline: (v: boolean) => Promise<void> }> {
  const context = await world.browser.newContext({ baseURL: relay.url, viewport, locale: 'zh-CN', serviceWorkers: 'allow', reducedMotion: 'reduce', timezoneId });
  let offline = false;
  const sockets = new Set<WebSocketRoute>();
  await context.routeWebSocket(/\/sync\//, (ws) => {
    if (offline) return void ws.close({ code: 1001, reason: 'offline' });
    const server = ws.connectToServer();
    sockets.add(ws);
    ws.onClose(() => {
      sockets.delete(ws);
      void server.close().catch(() => undefined);
    });
    server.onClose(() => {
      sockets.delete(ws);
      void ws.close().catch(() => undefined);
    });
  });
  const page = await context.newPage();
  return {
    context,
    page,
    async setOffline(value) {
      offline = value;
      await context.setOffline(value);
      if (value) for (const ws of [...sockets]) await ws.close({ code: 1001, reason: 'offline' }).catch(() => undefined);
    },
  };
}

async function joinTownship(page: Page, name: string): Promise<void> {
  const response = await fetch(`${relay.url}/api/invites`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${townshipToken}` }, body: JSON.stringify({ role: 'township' }) });
  expect(response.status).toBe(201);
  await page.goto(((await response.json()) as { url: string }).url);
  await page.getByTestId('join-name').fill(name);
  await page.getByTestId('join-submit').click();
  await page.waitForURL(/\/r\/gy-town\/desk$/);
}

const cases = (page: Page) => page.getByTestId('desk-case');
const synced = (page: Page) => page.locator('[data-testid="sync-status"][data-state="synced"][data-pending="0"]');

describe('the township desk', () => {
  it('shows every escalated case, flags the overdue one, assigns back with a deadline; phone and laptop, zh-CN and en, axe', async () => {
    const { context, page } = await device(LAPTOP);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await joinTownship(page, '李干部');
    await synced(page).waitFor({ timeout: 20_000 });
    await expect.poll(() => cases(page).count()).toBe(2);
    expect(await page.getByTestId('my-role').getAttribute('data-role')).toBe('township');

    const late = page.locator(`[data-testid="desk-case"][data-case="${LATE}"]`);
    const fresh = page.locator(`[data-testid="desk-case"][data-case="${FRESH}"]`);
    expect(await late.getAttribute('data-overdue')).toBe('true');
    expect(await late.textContent()).toMatch(/督办.*水南村.*村口.*公共设施/);
    expect(await fresh.getAttribute('data-overdue')).toBe('false');
    expect(await fresh.textContent()).toMatch(/小区积水.*待受理.*三华社区.*58号楼2单元.*基础设施.*已等待 2 天/);
    expect(await page.getByTestId('desk-overdue-count').textContent()).toBe('督办 1 件');

    // Filter by community.
    await page.getByTestId('filter-community').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '三华社区' }).click();
    await expect.poll(() => cases(page).count()).toBe(1);
    expect(await seriousAxe(page)).toEqual([]);

    // Assign back to the community: the deadline is required, then it is recorded.
    await fresh.getByRole('button').click();
    const drawer = page.getByTestId('case-body');
    await drawer.waitFor();
    expect(await drawer.textContent()).toMatch(/需乡镇协调/);
    await page.getByTestId('case-assign').click();
    await page.getByTestId('assign-submit').click();
    await page.getByText('请选择办理期限').waitFor();
    await page.getByTestId('assign-deadline').fill('2099-12-31');
    await page.getByTestId('assign-submit').click();
    await expect.poll(() => drawer.getAttribute('data-state')).toBe('assigned');
    expect(await seriousAxe(page)).toEqual([]);
    await synced(page).waitFor({ timeout: 15_000 });
    const stored = readEscalations(await readDoc(relay, 'sh-comm/escalations', secretaryA)).view.cases.get(FRESH as ConcernId)!;
    expect(stored.assignment).toMatchObject({ to: { kind: 'community' }, deadline: '2099-12-31', by: '李干部' });
    await page.keyboard.press('Escape');
    await expect.poll(() => fresh.textContent()).toMatch(/已交办.*期限 2099-12-31/);

    // English, on a phone.
    await page.evaluate(() => localStorage.setItem('lianxin.lang', 'en'));
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('heading', { name: 'Township desk' }).waitFor();
    await expect.poll(() => cases(page).count()).toBe(2);
    expect(await late.textContent()).toMatch(/Overdue/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousAxe(page)).toEqual([]);
    await late.getByRole('button').click();
    await page.getByTestId('case-body').waitFor();
    // The drawer fits the phone's width.
    expect(await page.locator('.ant-drawer-content-wrapper').evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('opens the desk with no network after a first sync, and says it is offline', async () => {
    const { context, page, setOffline } = await device(PHONE);
    await joinTownship(page, '王干部');
    await synced(page).waitFor({ timeout: 20_000 });
    await expect.poll(() => cases(page).count()).toBe(2);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await setOffline(true);
    await page.reload();
    await page.getByTestId('desk-page').waitFor({ timeout: 15_000 });
    await expect.poll(() => cases(page).count()).toBe(2);
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state')).toBe('offline');
    await context.close();
  }, 60_000);

  it('opens warm with no network from the rows kept on the device, filters working, before the documents load', async () => {
    const { context, page, setOffline } = await device(PHONE);
    await joinTownship(page, '赵干部');
    await synced(page).waitFor({ timeout: 20_000 });
    await expect.poll(() => cases(page).count()).toBe(2);
    // Shown live once: the desk keeps each community's rows beside its escalations when idle.
    await expect.poll(() => keptDeskViews(page), { timeout: 15_000 }).toEqual(['gy-town:sh-comm/escalations', 'gy-town:sn-vill/escalations']);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.close();

    // A new page with no network, its documents' loads held back 5 s by a write transaction on
    // their updates (a slow device), taken as soon as the desk is drawn.
    await setOffline(true);
    const warm = await context.newPage();
    const errors: string[] = [];
    warm.on('pageerror', (e) => errors.push(e.message));
    await holdDocLoads(warm, { database: '/r/gy-town/', ms: 5_000, after: '[data-testid="desk-page"]' });
    await warm.goto('/r/gy-town/desk');
    await warm.locator('[data-testid="desk-page"][data-source="kept"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => warm.locator('[data-testid="desk-case"][data-kept="true"]').count()).toBe(2);
    expect(await warm.locator(`[data-testid="desk-case"][data-case="${LATE}"]`).getAttribute('data-overdue')).toBe('true');
    expect(await warm.getByTestId('desk-overdue-count').textContent()).toBe('督办 1 件');
    // A filter works on the kept rows.
    await warm.getByTestId('filter-community').click();
    await warm.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '水南村' }).click();
    await expect.poll(() => cases(warm).count()).toBe(1);
    expect(await cases(warm).first().getAttribute('data-case')).toBe(LATE);
    expect(await warm.getByTestId('desk-page').getAttribute('data-source')).toBe('kept');
    expect(await seriousAxe(warm)).toEqual([]);
    // Then the documents: the same rows, live, the filter kept.
    await warm.locator('[data-testid="desk-page"][data-source="live"]').waitFor({ timeout: 20_000 });
    expect(await cases(warm).count()).toBe(1);
    expect(await cases(warm).first().getAttribute('data-kept')).toBe('false');
    expect(await warm.getByTestId('sync-status').getAttribute('data-state')).toBe('offline');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it("counts 督办 in the township's day (Asia/Shanghai), not the device's zone", async () => {
    // A zone whose day is not Shanghai's now: 11 hours behind UTC before 18:00 in Shanghai, 14
    // ahead after. The deadline is the day on which the two disagree about 督办.
    const now = Date.now();
    const shanghai = dayInZone(now, 'Asia/Shanghai');
    const behind = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(now)) < 18;
    const zone = behind ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';
    const deviceDay = dayInZone(now, zone);
    expect(deviceDay).not.toBe(shanghai);
    // Behind: due yesterday in Shanghai (overdue there, due today on the device). Ahead: due today
    // in Shanghai (not overdue), yesterday on the device.
    const deadline = behind ? deviceDay : shanghai;
    const ZONE = 'zoneCase01';
    await writeDoc(relay, 'sh-comm/escalations', secretaryA, (doc) => {
      doc.getMap('cases').set(ZONE, CaseSchema.parse({ title: '楼道灯坏', category: '公共设施', place: '3号楼', reportedAt: now - 3 * DAY, escalatedAt: now - 2 * DAY, escalatedBy: '张书记' }));
      const r = actOnCase(doc, ZONE as ConcernId, { type: 'assign', to: { kind: 'community' }, deadline }, { actor: 't0', name: '陈干部', now: now - DAY });
      if (r.type !== 'done') throw new Error('seed: assign refused');
    });
    const { context, page } = await device(LAPTOP, zone);
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(zone);
    await joinTownship(page, '孙干部');
    await synced(page).waitFor({ timeout: 20_000 });
    const row = page.locator(`[data-testid="desk-case"][data-case="${ZONE}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-overdue')).toBe(behind ? 'true' : 'false');
    expect(await row.textContent()).toMatch(/已等待 2 天/);
    // The same from the rows kept on the device, on the next open.
    await expect.poll(() => keptDeskViews(page), { timeout: 15_000 }).toContain('gy-town:sh-comm/escalations');
    await page.reload();
    await row.waitFor();
    expect(await row.getAttribute('data-overdue')).toBe(behind ? 'true' : 'false');
    // Assigning: a deadline before the township's today is refused, whatever the device's day.
    await row.getByRole('button').click();
    await page.getByTestId('case-assign').click();
    await page.getByTestId('assign-deadline').fill(behind ? deviceDay : shanghai);
    await page.getByTestId('assign-submit').click();
    if (behind) await page.getByText('期限不能早于今天').waitFor();
    else {
      const assigns = async () => readEscalations(await readDoc(relay, 'sh-comm/escalations', secretaryA)).view.cases.get(ZONE as ConcernId)!.actions.filter((a) => a.type === 'assign').length;
      await expect.poll(assigns, { timeout: 20_000 }).toBe(2);
    }
    await context.close();
  }, 90_000);
});

/** `<region>:<document>` of every copy on this device with the desk's rows kept beside it. */
function keptDeskViews(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.includes('/r/'));
    const found: string[] = [];
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const rows = await new Promise<{ name: string; views?: Record<string, unknown> }[]>((resolve, reject) => {
        const r = db.transaction('docs', 'readonly').objectStore('docs').getAll();
        r.onsuccess = () => resolve(r.result as never);
        r.onerror = () => reject(r.error);
      });
      db.close();
      const region = name.split('/r/')[1]!.split('/')[0]!;
      for (const row of rows) if (row.views?.['desk-rows-v1']) found.push(`${region}:${row.name}`);
    }
    return found.sort();
  });
}
