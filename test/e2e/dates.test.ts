// Issue 20, item 8: a matter page said published 2026-12-03 and 2026/12/2. Devices in other time
// zones (a member's phone set to China time, a committee laptop in New York) and the public page
// all name the community's day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peekTokenClaims } from '@lianxin/protocol';
import { createMatter, isDone, publishCommunity, publishResolution, reportConcern, readRoster, type CommandResult } from '@lianxin/model';
import { startWorld, type World } from './support/harness';
import { readDoc, writeDoc } from './support/seed';

// 2026-12-02 16:30 UTC: 2026-12-03 00:30 in Beijing, 2026-12-02 11:30 in New York.
const AFTER_BEIJING_MIDNIGHT = Date.UTC(2026, 11, 2, 16, 30);
const COMMUNITY = 'dates-e2e';

function ok<T>(result: CommandResult<T>): T {
  if (!isDone(result)) throw new Error(result.message.en);
  return result.value;
}

let world: World;
let matterId = '';

beforeAll(async () => {
  world = await startWorld(COMMUNITY);
  const token = world.community.secretaryToken;
  const ctx = { actor: peekTokenClaims(token)?.sub ?? 'seed', now: AFTER_BEIJING_MIDNIGHT };
  await writeDoc(world.relay, `${COMMUNITY}/meetings`, token, (doc) => {
    matterId = ok(createMatter(doc, { title: '58号楼加装电动车充电桩', origin: { type: 'branch' } }, ctx));
  });
  const roster = readRoster(await readDoc(world.relay, `${COMMUNITY}/roster`, token)).view;
  await writeDoc(world.relay, `${COMMUNITY}/work`, token, (doc) => {
    ok(reportConcern(doc, roster, { title: '楼道灯不亮', reporter: { type: 'text', text: '居民' } }, ctx));
  });
  await writeDoc(world.relay, `${COMMUNITY}/public`, token, (doc) => {
    ok(publishCommunity(doc, { name: world.community.name, kind: 'urban', township: null, address: null, phone: null, officeHours: null, intro: null, timeZone: roster.settings.timeZone }, ctx));
    ok(publishResolution(doc, { matterId, title: '58号楼加装电动车充电桩', summary: '加装充电桩20个', decision: '同意', decidedOn: '2026-12-01', steps: [] }, ctx));
  });
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('one day everywhere', () => {
  it('a matter published just after midnight in China shows 2026-12-03 on every device and on the public page', async () => {
    const newYork = await world.join('committee', '纽约的委员', undefined, { timezoneId: 'America/New_York' });
    const beijing = await world.join('member', '王党员', undefined, { timezoneId: 'Asia/Shanghai' });
    // The browser itself disagrees: that is the point.
    expect(await newYork.page.evaluate((t) => new Date(t).toLocaleDateString('en-CA'), AFTER_BEIJING_MIDNIGHT)).toBe('2026-12-02');
    for (const person of [newYork, beijing]) {
      await person.page.goto(`/c/${COMMUNITY}/matters/${matterId}`);
      await expect.poll(() => person.page.locator('body').textContent(), { timeout: 15_000 }).toContain('决议已于 2026-12-03 公开');
      await person.page.goto(`/c/${COMMUNITY}/concerns`);
      const card = person.page.getByTestId('concern-card').filter({ hasText: '楼道灯不亮' });
      await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('2026-12-03');
      expect(person.errors).toEqual([]);
    }
    const html = await (await fetch(`${world.relay.url}/p/${COMMUNITY}`)).text();
    expect(html).toContain('<dd>2026-12-03</dd>');
    expect(html).not.toContain('2026-12-02</dd>');
  }, 120_000);
});
