// Issue 20: the first hour of a new community as one story, from a relay with no community to
// the public page read without JavaScript. setup → import a hand-made sheet → invite → a member
// offline → escalate → live minutes → 4+2 step 1 → the public page.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readRoster, readWork } from '@lianxin/model';
import { HOUSEHOLDS, MEMBERS } from '../fixtures/xlsx/makeSecretaryWorkbook';
import type { RelayProcess } from '../support/relayProcess';
import { watchErrors } from './support/browser';
import { startEmptyWorld, waitAllSaved, type EmptyWorld } from './support/harness';
import { readDoc, tokenFor } from './support/seed';

let relay: RelayProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];
let world: EmptyWorld;

beforeAll(async () => {
  world = await startEmptyWorld();
  ({ relay, browser } = world);
}, 240_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await world?.close();
});

const PHONE_ADDRESS = 'http://192.168.1.20:8787';
const WORKBOOK = fileURLToPath(new URL('../fixtures/xlsx/secretary-workbook.xlsx', import.meta.url));

async function newPage(viewport = { width: 1280, height: 860 }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: relay.url, viewport, locale: 'zh-CN', serviceWorkers: 'allow', reducedMotion: 'reduce' });
  contexts.push(context);
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

/** Creates an invite in the secretary's settings and returns the link (on the relay's own address). */
async function invite(page: Page, role: '支委' | '党员', name: string): Promise<string> {
  await page.goto('/c/hetang/settings');
  const form = page.getByTestId('invite-form');
  await form.getByTestId('invite-role').click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${role}"]`).click();
  await form.getByLabel('姓名').fill(name);
  await page.getByTestId('invite-create').click();
  const link = (await page.getByTestId('invite-url').textContent({ timeout: 15_000 })) ?? '';
  expect(link.startsWith(`${PHONE_ADDRESS}/join#code=`)).toBe(true);
  return link.replace(PHONE_ADDRESS, relay.url);
}

/** Opens an invite link; the name is already filled in. */
async function join(link: string, name: string, viewport?: { width: number; height: number }) {
  const person = await newPage(viewport);
  await person.page.goto(link);
  expect(await person.page.getByTestId('join-name').inputValue()).toBe(name);
  await person.page.getByTestId('join-submit').click();
  await person.page.waitForURL(/\/c\/hetang\//);
  await person.page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: 20_000 });
  return person;
}

describe('the first hour of a new community', () => {
  it('goes from the setup link to a public page without JavaScript', async () => {
    // Setup: the name typed here reaches the roster's settings.
    const code = await relay.waitForSetupCode();
    const secretary = await newPage();
    const s = secretary.page;
    await s.goto(`/setup#code=${code}`);
    await s.getByTestId('setup-id').fill('hetang');
    await s.getByTestId('setup-name').fill('荷塘社区');
    await s.getByTestId('setup-secretary').fill('张书记');
    await s.getByTestId('setup-public-url').fill(PHONE_ADDRESS);
    await s.getByTestId('setup-submit').click();
    await s.waitForURL(/\/c\/hetang/);
    await waitAllSaved(s, 20_000);

    // Import the workbook a secretary made by hand: a title row, Chinese headers, 58号楼 and
    // ５８号楼, phones stored as numbers, a blank row, full-width characters, one broken row and a
    // second sheet of 20 members (test/fixtures/xlsx/makeSecretaryWorkbook.ts).
    await s.getByRole('link', { name: '花名册' }).first().click();
    await s.getByTestId('import-open').click();
    await s.locator('input[type=file]').setInputFiles(WORKBOOK);
    await s.getByTestId('import-preview').waitFor();
    await s.getByTestId('import-apply').click();
    const committeeToken = (await tokenFor(relay, 'hetang', 'committee', '核对')).token;
    await expect
      .poll(async () => {
        const roster = readRoster(await readDoc(relay, 'hetang/roster', committeeToken)).view;
        const members = [...roster.members.values()];
        return {
          buildings: [...roster.buildings.values()].map((b) => b.number).sort(),
          households: roster.households.size,
          importedMembers: members.filter((m) => m.phone !== null && m.phone !== undefined).length,
          name: roster.settings.name,
        };
      }, { timeout: 30_000 })
      .toEqual({ buildings: ['58', '59'], households: HOUSEHOLDS - 1, importedMembers: MEMBERS.length, name: '荷塘社区' });

    // Invites carry the phone address and the name.
    const member = await join(await invite(s, '党员', '王芳'), '王芳', { width: 375, height: 740 });
    const committee = await join(await invite(s, '支委', '李委员'), '李委员');

    // The member reports a concern without signal; it reaches the relay once she is back.
    const m = member.page;
    await m.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => m.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await member.context.setOffline(true);
    await m.reload();
    await m.locator('[data-testid="sync-status"][data-state="offline"]').waitFor({ timeout: 20_000 });
    await m.goto('/c/hetang/concerns').catch(() => undefined);
    await m.getByTestId('concern-new').click();
    await m.getByTestId('concern-title').fill('58号楼楼道灯不亮');
    await m.getByTestId('concern-save').click();
    await m.getByTestId('concern-card').filter({ hasText: '58号楼楼道灯不亮' }).waitFor();
    await member.context.setOffline(false);
    await waitAllSaved(m, 30_000);

    // The committee sees it and escalates it to the community.
    const c = committee.page;
    await c.goto('/c/hetang/concerns');
    await c.getByTestId('concern-card').filter({ hasText: '58号楼楼道灯不亮' }).click({ timeout: 20_000 });
    await c.getByTestId('concern-escalate').click();
    await c.getByTestId('concern-action-submit').click();
    await expect.poll(() => c.getByTestId('concern-level').getAttribute('data-level')).not.toBe('member');
    await waitAllSaved(c);
    const concern = [...readWork(await readDoc(relay, 'hetang/work', committeeToken)).view.concerns.values()].find((x) => x.title === '58号楼楼道灯不亮');
    expect(concern?.level).not.toBe('member');

    // Live minutes: the secretary types, the committee member reads.
    await s.getByRole('link', { name: /会议/ }).first().click();
    await s.getByTestId('meeting-new').click();
    await s.getByTestId('meeting-title').fill('十二月支委会');
    await s.getByTestId('meeting-create-ok').click();
    await s.waitForURL(/\/meetings\/[A-Za-z0-9_-]+$/);
    await c.goto(new URL(s.url()).pathname);
    await s.getByTestId('minutes-editor').click();
    await s.keyboard.type('议题:58号楼楼道照明。');
    await expect.poll(() => c.getByTestId('minutes-editor').textContent(), { timeout: 15_000 }).toContain('议题:58号楼楼道照明。');

    // Two imported members get a branch post at once (item 6's bulk action).
    await s.getByRole('link', { name: '花名册' }).first().click();
    await s.getByRole('tab', { name: /党员/ }).click();
    const boxes = s.getByTestId('member-table').locator('.ant-table-row .ant-checkbox-input');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await s.getByTestId('member-bulk-apply').click();
    await expect
      .poll(async () => [...readRoster(await readDoc(relay, 'hetang/roster', committeeToken)).view.members.values()].filter((x) => x.branchPost).length, { timeout: 15_000 })
      .toBe(4);

    // 4+2 step 1: the secretary, the committee member who joined and the two just marked are the branch committee.
    await s.getByRole('link', { name: /会议/ }).first().click();
    await s.getByTestId('matter-new').click();
    await s.getByTestId('matter-title').fill('58号楼更换楼道灯');
    await s.getByTestId('matter-create-ok').click();
    await s.getByTestId('matter-steps').waitFor();
    await s.getByTestId('step-attendance-link').click();
    await s.getByTestId('attendance-branchCommittee').waitFor();
    await expect.poll(() => s.getByTestId('attendance-branchCommittee').getAttribute('data-due')).toBe('4');
    await s.getByTestId('attendance-all-branchCommittee').click();
    await s.goBack();
    await s.getByTestId('votes-for').fill('4');
    await s.getByTestId('step-record').click();
    await expect.poll(() => s.getByTestId('step-propose').getAttribute('data-state')).toBe('passed');

    // Publish the community; the public page, without JavaScript, names it.
    await s.getByRole('link', { name: /公开/ }).first().click();
    await s.getByTestId('publish-community').click();
    await waitAllSaved(s);
    const reader = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
    contexts.push(reader);
    const pub = await reader.newPage();
    await pub.goto(`${relay.url}/p/hetang`);
    expect(await pub.locator('h1').first().textContent()).toContain('荷塘社区');

    expect(secretary.errors.filter((e) => !/WebSocket|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    expect(member.errors.filter((e) => !/WebSocket|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
  }, 240_000);
});
