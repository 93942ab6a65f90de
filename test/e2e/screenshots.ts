/**
 * Screenshots of the main pages for the README (`npx tsx test/e2e/screenshots.ts`): a real relay,
 * the production build, the seeded community with some work and a matter, a committee member on
 * a laptop and a party member on a 375 px phone. Writes docs/*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  acceptConcern,
  confirmConcern,
  createMatter,
  createMeeting,
  dayOf,
  dueSet,
  escalateConcern,
  isDone,
  raiseMustVisit,
  readMeetings,
  readRoster,
  readWork,
  recordStep,
  recordVisit,
  reportConcern,
  resolveConcern,
  setAttendance,
  type Attendee,
  type CommandResult,
  type HouseholdId,
  type MemberId,
} from '@lianxin/model';
import { REPO_ROOT } from '../support/relayProcess';
import { LAPTOP, PHONE, startWorld } from './support/harness';
import { readDoc, writeDoc } from './support/seed';

const DOCS = join(REPO_ROOT, 'docs');
const ID = 'liucun';

function ok<T>(r: CommandResult<T>): T {
  if (!isDone(r)) throw new Error(r.message.en);
  return r.value;
}

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(DOCS, name) });
  console.log(`docs/${name}`);
}

const world = await startWorld(ID);
try {
  mkdirSync(DOCS, { recursive: true });
  const { secretaryToken, members } = world.community;
  const roster = readRoster(await readDoc(world.relay, `${ID}/roster`, secretaryToken)).view;
  const ctx = (actor: string, daysAgo: number) => ({ actor, now: Date.now() - daysAgo * 86_400_000 });
  const households = [...roster.households.values()];
  const mine = households.filter((h) => h.memberId === members.member);

  // Some work: visits, must-visits, concerns at every stage and level.
  await writeDoc(world.relay, `${ID}/work`, secretaryToken, (doc) => {
    for (const [i, h] of mine.slice(0, 3).entries()) ok(recordVisit(doc, roster, { memberId: members.member, householdId: h.id, date: dayOf(Date.now() - (i + 2) * 86_400_000), kind: 'routine' }, ctx(members.member, i + 2)));
    for (const h of households.filter((x) => x.memberId === members.committee).slice(0, 8)) ok(recordVisit(doc, roster, { memberId: members.committee, householdId: h.id, date: dayOf(Date.now() - 86_400_000), kind: 'routine' }, ctx(members.committee, 1)));
    ok(raiseMustVisit(doc, roster, { householdId: mine[4]!.id, reason: 'hardship', date: dayOf(Date.now() - 86_400_000), note: '老伴住院' }, ctx(members.committee, 1)));
    const report = (title: string, h: HouseholdId, days: number) => ok(reportConcern(doc, roster, { title, reporter: { type: 'household', householdId: h } }, ctx(members.member, days)));
    const a = report('58号楼充电桩不够用', mine[0]!.id, 20);
    ok(escalateConcern(doc, a, { note: '需要社区协调供电公司' }, ctx(members.member, 19), roster));
    ok(escalateConcern(doc, a, { level: 'community', assignee: members.secretary }, ctx(members.committee, 18), roster));
    ok(acceptConcern(doc, a, { assignee: members.secretary }, ctx(members.secretary, 17), roster));
    const b = report('3单元楼道堆放杂物', mine[1]!.id, 12);
    ok(acceptConcern(doc, b, { assignee: members.member }, ctx(members.member, 12), roster));
    ok(resolveConcern(doc, b, { note: '与住户协商清理完毕' }, ctx(members.member, 10)));
    ok(confirmConcern(doc, b, { satisfied: true }, ctx(members.member, 9)));
    const c = report('楼下噪音扰民', mine[2]!.id, 6);
    ok(acceptConcern(doc, c, { assignee: members.member }, ctx(members.member, 6), roster));
    ok(resolveConcern(doc, c, { note: '调解后双方同意晚十点后保持安静' }, ctx(members.member, 4)));
    report('路灯坏了两盏', mine[3]!.id, 2);
    const d = report('老旧小区加装电梯意见征集', households[20]!.id, 9);
    ok(escalateConcern(doc, d, { level: 'grid' }, ctx(members.committee, 8), roster));
  });

  // A matter half way through the 4+2 steps, at real meetings with attendance.
  await writeDoc(world.relay, `${ID}/meetings`, secretaryToken, (doc) => {
    const c = ctx(members.secretary, 0);
    const present = (meetingId: never, keys: Set<string>) => {
      const attendees: Attendee[] = [...keys].map((k) => (k.startsWith('m:') ? { type: 'member', id: k.slice(2) as MemberId } : { type: 'household', id: k.slice(2) as HouseholdId }));
      ok(setAttendance(doc, roster, meetingId, attendees, true, c));
    };
    const m1 = ok(createMeeting(doc, { kind: 'branchCommittee', date: dayOf(Date.now() - 10 * 86_400_000), title: '支委会:充电桩方案', place: '党群服务中心' }, c));
    present(m1 as never, dueSet(roster, 'committees'));
    const m2 = ok(createMeeting(doc, { kind: 'memberAssembly', date: dayOf(Date.now() - 5 * 86_400_000), title: '党员大会', place: '党群服务中心' }, c));
    present(m2 as never, dueSet(roster, 'members'));
    ok(createMeeting(doc, { kind: 'activityDay', date: `${dayOf(Date.now()).slice(0, 8)}20`, title: '主题党日:入户走访', place: '各楼院' }, c));
    const matter = ok(createMatter(doc, { title: '58号楼加装电动车充电桩', summary: '居民反映充电难,拟在58号楼东侧加装充电桩20个', origin: { type: 'resident', text: '58号楼3单元居民' } }, c));
    ok(recordStep(doc, roster, { matterId: matter, step: 'propose', meetingId: m1, votes: { for: 2, against: 0, abstain: 0 } }, c));
    ok(recordStep(doc, roster, { matterId: matter, step: 'deliberate', meetingId: m1, votes: { for: 2, against: 0, abstain: 0 } }, c));
    ok(recordStep(doc, roster, { matterId: matter, step: 'review', meetingId: m2, votes: { for: 2, against: 2, abstain: 1 } }, c));
  });
  const meetingsView = readMeetings(await readDoc(world.relay, `${ID}/meetings`, secretaryToken)).view;
  const meeting = [...meetingsView.meetings.values()].find((m) => m.kind === 'branchCommittee')!;
  const matter = [...meetingsView.matters.values()][0]!;
  void readWork;

  const committee = await world.join('committee', '李委员', LAPTOP);
  const p = committee.page;
  await p.goto(`/c/${ID}/overview`);
  await p.getByTestId('dashboard-rates').waitFor();
  await shoot(p, 'dashboard.png');
  await p.goto(`/c/${ID}/roster`);
  await p.getByTestId('household-table').waitFor();
  await p.getByTestId('roster-tree').getByText('第一网格').click();
  await shoot(p, 'roster.png');
  await p.getByTestId('household-open').first().click();
  await p.getByTestId('household-form').waitFor();
  await shoot(p, 'household-form.png');
  await p.goto(`/c/${ID}/concerns`);
  await p.getByTestId('concern-board').waitFor();
  await shoot(p, 'concerns.png');
  await p.getByTestId('concern-card').first().click();
  await p.getByTestId('concern-history').waitFor();
  await shoot(p, 'concern-history.png');
  await p.goto(`/c/${ID}/meetings/${meeting.id}`);
  await p.getByTestId('minutes-editor').click();
  await p.keyboard.type('一、通报居民反映的充电难问题。');
  await p.keyboard.press('Enter');
  await p.keyboard.type('二、讨论加装充电桩方案,同意提交两委会商议。');
  const second = await world.join('committee', '赵支委', LAPTOP);
  await second.page.goto(`/c/${ID}/meetings/${meeting.id}`);
  await second.page.getByText('同意提交两委会商议').waitFor();
  await second.page.getByText('同意提交两委会商议').click();
  await second.page.keyboard.press('End');
  await second.page.keyboard.press('Enter');
  await second.page.keyboard.type('三、');
  await p.locator('.collaboration-carets__label').first().waitFor();
  await shoot(p, 'meeting-minutes.png');
  await p.goto(`/c/${ID}/matters/${matter.id}`);
  await p.getByTestId('matter-steps').waitFor();
  await shoot(p, 'matter-steps.png');
  await p.goto(`/c/${ID}/roster/board`);
  await p.getByTestId('service-board').first().waitFor();
  await p.getByTestId('qr-code').first().waitFor();
  await shoot(p, 'service-board.png');
  await p.emulateMedia({ media: 'print' });
  await shoot(p, 'service-board-print.png');
  await p.emulateMedia({ media: 'screen' });
  await p.goto(`/c/${ID}/points`);
  await p.getByTestId('points-ranking').waitFor();
  await shoot(p, 'points.png');

  const member = await world.join('member', '王党员', PHONE);
  const m = member.page;
  await m.getByTestId('my-households').waitFor();
  await shoot(m, 'phone-my-households.png');
  await m.getByTestId('visit-button').first().click();
  await m.getByTestId('visit-kind-routine').waitFor();
  await shoot(m, 'phone-record-visit.png');
  await m.keyboard.press('Escape');
  await m.getByTestId('nav-concerns').click();
  await m.getByTestId('concern-board').waitFor();
  await shoot(m, 'phone-concerns.png');
  await m.getByTestId('nav-roster').click();
  await m.getByTestId('household-table').waitFor();
  await shoot(m, 'phone-roster-readonly.png');
} finally {
  await world.close();
}
