// A member without signal records a visit and reports a concern, reloads (the app and the data
// come from this phone), and once back online the committee sees both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWork } from '@lianxin/model';
import { PHONE, startWorld, waitAllSaved, type World } from './support/harness';
import { readDoc } from './support/seed';

let world: World;

beforeAll(async () => {
  world = await startWorld('offline-e2e');
}, 120_000);

afterAll(async () => {
  await world?.close();
});

// Failed requests while offline are expected console noise; anything else is a bug.
const real = (errors: string[]) => errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|WebSocket connection to .* failed/.test(e));

describe('offline member', () => {
  it('records a visit and a concern offline, survives a reload offline, and syncs them later', async () => {
    const member = await world.join('member', '王党员', PHONE);
    const { page } = member;
    // The service worker must control the page before the signal goes.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/c/offline-e2e/my');
    const households = page.getByTestId('my-household');
    await expect.poll(() => households.count()).toBe(6);
    const first = households.first();
    const visitedId = await first.getAttribute('data-household-id');
    expect(await first.getAttribute('data-overdue')).toBe('true');

    await member.setOffline(true);
    await page.locator('[data-testid="sync-status"][data-state="offline"]').waitFor();

    // Two taps: the button, then the kind.
    await first.getByTestId('visit-button').click();
    await page.getByTestId('visit-kind-routine').click();
    await expect.poll(() => page.locator(`[data-household-id="${visitedId}"]`).getAttribute('data-overdue')).toBe('false');

    await page.getByTestId('nav-concerns').click();
    await page.getByTestId('concern-new').click();
    await page.getByTestId('concern-title').fill('3单元楼道灯不亮');
    await page.getByTestId('concern-detail').fill('晚上老人上下楼看不见');
    await page.getByTestId('concern-save').click();
    await expect.poll(() => page.getByTestId('concern-card').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('3单元楼道灯不亮')]));
    await expect.poll(async () => Number(await page.getByTestId('sync-status').getAttribute('data-pending'))).toBeGreaterThanOrEqual(2);

    // Reload without signal: the service worker serves the app, IndexedDB the data.
    await page.reload();
    await page.getByTestId('concern-board').waitFor({ timeout: 15_000 });
    // The page can show before its first connection attempt has failed ("connecting" for that moment).
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state')).toBe('offline');
    // The changes the relay has not confirmed are still counted after the reload.
    await expect.poll(async () => Number(await page.getByTestId('sync-status').getAttribute('data-pending'))).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('concern-card').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('3单元楼道灯不亮')]));
    await page.getByTestId('nav-my').click();
    await expect.poll(() => page.locator(`[data-household-id="${visitedId}"]`).getAttribute('data-overdue')).toBe('false');

    // Nothing reached the relay yet.
    const before = readWork(await readDoc(world.relay, 'offline-e2e/work', world.community.secretaryToken)).view;
    expect(before.visits.size).toBe(0);
    expect(before.concerns.size).toBe(0);

    await member.setOffline(false);
    await waitAllSaved(page, 20_000);

    // The committee member sees both.
    const committee = await world.join('committee', '李委员');
    await committee.page.getByRole('link', { name: '民情' }).first().click();
    await expect.poll(() => committee.page.getByTestId('concern-card').allTextContents(), { timeout: 10_000 }).toEqual(expect.arrayContaining([expect.stringContaining('3单元楼道灯不亮')]));
    await committee.page.goto(`/c/offline-e2e/members/${world.community.members.member}`);
    await committee.page.getByTestId('member-profile-name').waitFor();
    await expect.poll(() => committee.page.getByText('30 天未走访').count()).toBe(5);

    const after = readWork(await readDoc(world.relay, 'offline-e2e/work', world.community.secretaryToken)).view;
    expect([...after.visits.values()].map((v) => v.householdId)).toEqual([visitedId]);
    expect([...after.concerns.values()].map((c) => c.title)).toEqual(['3单元楼道灯不亮']);

    expect(real(member.errors)).toEqual([]);
    expect(real(committee.errors)).toEqual([]);
  }, 150_000);
});
