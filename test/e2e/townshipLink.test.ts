// The community's side of the township link in Chromium against a real relay: a community in a
// township (CLI) with a concern escalated to the township; a committee member's device mirrors it
// into `escalations` by itself; the township assigns it back with a deadline already past (raw
// sync client, the model's command); the board and the drawer show the assignment and 督办, in
// zh-CN and en, on a phone, axe 0 serious; the township resolves it and the committee's device
// brings the resolution into the community's own board.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actOnCase, escalateConcern, rateBranch, readEscalations, readRoster, readSharedRatings, readWork, reportConcern, type ConcernId } from '@lianxin/model';
import * as Y from 'yjs';
import { createRegion, setCommunityTownship } from '../support/relayProcess';
import { LAPTOP, PHONE, startWorld, type World } from './support/harness';
import { readDoc, writeDoc } from './support/seed';

let world: World;
let townshipToken: string;
let concernId: ConcernId;

function ok<T>(r: { type: string; value?: T }): T {
  if (r.type !== 'done') throw new Error(`seed refused: ${JSON.stringify(r)}`);
  return r.value as T;
}

beforeAll(async () => {
  world = await startWorld('sh-comm');
  const { relay, community } = world;
  await createRegion(relay.dataDir, 'jl-county', '将乐县', 'county');
  townshipToken = (await createRegion(relay.dataDir, 'gy-town', '古镛镇', 'township', 'jl-county')).token;
  await setCommunityTownship(relay.dataDir, 'sh-comm', 'gy-town');
  const ctx = { actor: community.members.secretary, now: Date.now() - 5 * 86_400_000 };
  await writeDoc(relay, 'sh-comm/work', community.secretaryToken, (doc) => {
    const roster = readRoster(new Y.Doc()).view;
    concernId = ok(reportConcern(doc, roster, { title: '村道路灯不亮', reporter: { type: 'text', text: '居民反映' }, category: '公共设施', place: { text: '村口' } }, ctx)) as ConcernId;
    ok(escalateConcern(doc, concernId, { level: 'township', note: '需乡镇协调供电所' }, { ...ctx, now: ctx.now + 3600_000 }));
  });
}, 240_000);

afterAll(async () => {
  await world?.close();
});

async function seriousAxe(page: Page): Promise<string[]> {
  // Colours are measured at rest: no button under the pointer (the theme's hover red on white is
  // 4.13:1), and once the drawer's transitions have ended.
  await page.mouse.move(0, 0);
  await expect.poll(() => page.evaluate(() => document.getAnimations().length)).toBe(0);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`);
}

const caseOnRelay = async () => readEscalations(await readDoc(world.relay, 'sh-comm/escalations', world.community.secretaryToken)).view.cases.get(concernId) ?? null;

describe("the community's side of the township link", () => {
  it("a committee device mirrors the escalation; the board shows the township's assignment and 督办; the township's resolution comes back", async () => {
    const { page, errors } = await world.join('committee', '李委员', PHONE);
    await page.goto('/c/sh-comm/concerns');
    const card = page.locator(`[data-testid="concern-card"][data-concern-id="${concernId}"]`);
    await card.waitFor({ timeout: 15_000 });

    // The committee's device passes the escalated concern to the township by itself.
    await expect.poll(caseOnRelay, { timeout: 30_000 }).toMatchObject({ title: '村道路灯不亮', place: '村口', category: '公共设施' });
    await expect.poll(() => card.getByTestId('township-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('waiting');

    // The township assigns it back to the community, with a deadline already past.
    await writeDoc(world.relay, 'sh-comm/escalations', townshipToken, (doc) => {
      ok(actOnCase(doc, concernId, { type: 'accept' }, { actor: 't1', name: '陈干部', now: Date.now() - 3 * 86_400_000 }));
      ok(actOnCase(doc, concernId, { type: 'assign', to: { kind: 'community' }, deadline: '2024-01-10', note: '请社区对接供电所' }, { actor: 't1', name: '陈干部', now: Date.now() - 2 * 86_400_000 }));
    });
    await expect.poll(() => card.getByTestId('township-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('assigned');
    expect(await card.textContent()).toMatch(/乡镇 · 已交办.*督办/);
    await card.click();
    const section = page.getByTestId('township-case');
    await section.waitFor();
    expect(await section.getAttribute('data-overdue')).toBe('true');
    expect(await section.getByTestId('township-assignee').textContent()).toBe('本社区');
    expect(await section.getByTestId('township-deadline').textContent()).toBe('2024-01-10');
    expect(await section.getByTestId('township-actions').textContent()).toMatch(/陈干部 受理.*陈干部 交办给本社区,期限 2024-01-10.*请社区对接供电所/);
    expect(await page.locator('.ant-drawer-content-wrapper').evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAxe(page)).toEqual([]);
    await page.keyboard.press('Escape');

    // English.
    await page.evaluate(() => localStorage.setItem('lianxin.lang', 'en'));
    await page.reload();
    await card.waitFor({ timeout: 15_000 });
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toMatch(/Township · Assigned.*Overdue/);
    await card.click();
    await expect.poll(() => page.getByTestId('township-case').textContent()).toMatch(/At the township.*Assigned to.*this community.*Deadline.*2024-01-10/);
    expect(await seriousAxe(page)).toEqual([]);
    await page.keyboard.press('Escape');

    // The township resolves it: the community's own board has it resolved, at the township's level, once.
    await writeDoc(world.relay, 'sh-comm/escalations', townshipToken, (doc) => {
      ok(actOnCase(doc, concernId, { type: 'resolve', note: '供电所已更换路灯' }, { actor: 't1', name: '陈干部', now: Date.now() }));
    });
    await page.getByTestId('column-resolved').locator(`[data-concern-id="${concernId}"]`).waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => {
        const c = readWork(await readDoc(world.relay, 'sh-comm/work', world.community.secretaryToken)).view.concerns.get(concernId);
        return c ? [c.status, c.resolvedLevel, c.history.filter((e) => e.type === 'resolve').length] : null;
      }, { timeout: 15_000 })
      .toEqual(['resolved', 'township', 1]);
    expect(errors).toEqual([]);
  }, 180_000);

  it("the township's star rating reaches the community's public page: a desk device copies it, the committee publishes it", async () => {
    const year = new Date().getFullYear();
    await writeDoc(world.relay, 'gy-town/region', townshipToken, (doc) => {
      ok(rateBranch(doc, { communityId: 'sh-comm', year, stars: 4, notes: '组织委员评定' }, { actor: 't1', name: '陈干部' }));
    });
    // A township cadre's device (the desk) copies it into the community's escalations.
    const response = await fetch(`${world.relay.url}/api/invites`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${townshipToken}` }, body: JSON.stringify({ role: 'township' }) });
    const deskContext = await world.browser.newContext({ baseURL: world.relay.url, viewport: LAPTOP, locale: 'zh-CN' });
    const desk = await deskContext.newPage();
    await desk.goto(((await response.json()) as { url: string }).url);
    await desk.getByTestId('join-name').fill('陈干部');
    await desk.getByTestId('join-submit').click();
    await desk.waitForURL(/\/r\/gy-town\/desk$/);
    await expect
      .poll(async () => readSharedRatings(await readDoc(world.relay, 'sh-comm/escalations', world.community.secretaryToken)).latest, { timeout: 30_000 })
      .toMatchObject({ year, stars: 4, township: '古镛镇' });
    await deskContext.close();

    const { page } = await world.join('committee', '赵委员', LAPTOP);
    await page.goto('/c/sh-comm/publish');
    await page.getByTestId('publish-community').waitFor();
    // The page opens escalations after it shows: publish once its rating is in.
    await expect
      .poll(
        async () => {
          await page.getByTestId('publish-community').click();
          return page.getByTestId('published-stars').count();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(1);
    expect(await page.getByTestId('published-stars').textContent()).toBe(`★★★★☆ (${year} 年 古镛镇 评定 4 星)`);
    await expect.poll(async () => (await fetch(`${world.relay.url}/p/sh-comm`)).text(), { timeout: 15_000 }).toContain(`★★★★☆</span> (${year}, 古镛镇)`);
  }, 120_000);
});
