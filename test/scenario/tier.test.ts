// The township and county tier through a real relay process: a member reports a concern, the grid
// and the community escalate it, the township assigns it back with a deadline, the community
// resolves it, the resident confirms; the county's figures count it. Every step is a role's own
// connection to its own rooms, so the relay's permission table is in the path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  actOnCase,
  addBuilding,
  addGrid,
  addHousehold,
  addMember,
  byTownship,
  computeSummary,
  confirmConcern,
  escalateConcern,
  isOverdue,
  mirrorToEscalations,
  readEscalations,
  readRoster,
  readSummary,
  readWork,
  reportConcern,
  resolveConcern,
  updateSettings,
  writeSummary,
  CaseState,
  type ConcernId,
  type TierRow,
} from '@lianxin/model';
import { createCommunity, createRegion, createToken, startRelay, type RelayProcess } from '../support/relayProcess';
import { connect, upgradeStatus, type SyncClient } from '../support/syncClient';

let relay: RelayProcess;
const t: Record<string, string> = {};
const open: SyncClient[] = [];
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 2, 2);

async function room(name: string, token: string): Promise<SyncClient> {
  const c = await connect(relay.wsUrl, name, token);
  open.push(c);
  await c.waitSynced();
  return c;
}

/** Runs a model command on a connection's doc and waits until the relay stored it. */
async function run<T>(c: SyncClient, command: (doc: Y.Doc) => T): Promise<T> {
  let out!: T;
  const n = c.write((doc) => {
    out = command(doc);
  });
  await c.waitStored(n);
  return out;
}

function ok<T>(r: { type: 'done'; value: T } | { type: 'rejected'; message: { en: string } }): T {
  if (r.type !== 'done') throw new Error(`rejected: ${r.message.en}`);
  return r.value;
}

beforeAll(async () => {
  relay = await startRelay();
  const d = relay.dataDir;
  t.county = (await createRegion(d, 'jiangle', '将乐县', 'county')).token;
  t.gucheng = (await createRegion(d, 'gucheng', '古镛镇', 'township', 'jiangle')).token;
  t.baiyan = (await createRegion(d, 'baiyan', '白莲镇', 'township', 'jiangle')).token;
  t.secA = (await createCommunity(d, 'nanshan', '南山村', 'village', 'gucheng')).token;
  t.secB = (await createCommunity(d, 'dongshan', '东山村', 'village', 'baiyan')).token;
  t.memberA = (await createToken(d, 'nanshan', 'member', '王芳')).token;
}, 60_000);

afterAll(async () => {
  await Promise.all(open.map((c) => c.close()));
  expect(await relay.stop()).toBe(0);
});

describe('a concern that leaves the community', () => {
  it('member → grid → community → township, assigned back with a deadline, resolved, confirmed, counted by the county', async () => {
    // The committee's roster: one grid, one building, a household linked to a member.
    const roster = await room('nanshan/roster', t.secA!);
    const sec = { actor: 'sec', now: NOW };
    const ids = await run(roster, (doc) => {
      ok(updateSettings(doc, { name: '南山村', kind: 'village', township: '古镛镇' }, sec));
      const grid = ok(addGrid(doc, { name: '第一网格' }, sec));
      const b = ok(addBuilding(doc, { gridId: grid, number: '3', units: ['1'] }, sec));
      const member = ok(addMember(doc, { name: '王芳', phone: '13800000001' }, sec));
      const household = ok(addHousehold(doc, { buildingId: b.buildingId, unitId: b.unitIds[0]!, room: '101', head: '李大爷', phone: '13900000009', size: 2, memberId: member }, sec));
      return { member, household };
    });

    // The member reports it from her own device (she reads the roster, writes work).
    const memberRoster = await room('nanshan/roster', t.memberA!);
    await memberRoster.waitFor(() => readRoster(memberRoster.doc).view.households.size === 1, 'the roster at the member');
    const memberWork = await room('nanshan/work', t.memberA!);
    const me = { actor: ids.member, now: NOW + 1000 };
    const concernId = await run(memberWork, (doc) => ok(reportConcern(doc, readRoster(memberRoster.doc).view, { title: '村道路灯不亮', reporter: { type: 'household', householdId: ids.household } }, me)) as ConcernId);

    // Grid and community escalate; the community's device mirrors it to its township.
    const work = await room('nanshan/work', t.secA!);
    await work.waitFor(() => readWork(work.doc).view.concerns.has(concernId), 'the concern at the committee');
    await run(work, (doc) => ok(escalateConcern(doc, concernId, { note: '网格无法解决' }, { actor: 'grid', now: NOW + DAY })));
    await run(work, (doc) => ok(escalateConcern(doc, concernId, {}, { actor: 'sec', now: NOW + 2 * DAY })));
    await run(work, (doc) => ok(escalateConcern(doc, concernId, { note: '需镇里协调电力' }, { actor: 'sec', now: NOW + 3 * DAY })));
    const escalations = await room('nanshan/escalations', t.secA!);
    const rosterView = readRoster(roster.doc).view;
    const mirror = () => run(escalations, (doc) => mirrorToEscalations(doc, readEscalations(doc).view, readWork(work.doc).view, rosterView, (a) => (a === 'sec' ? '书记' : a)));
    expect(await mirror()).toBe(1);

    // The township sees it on its desk and assigns it back to the community by a deadline.
    const desk = await room('nanshan/escalations', t.gucheng!);
    await desk.waitFor(() => readEscalations(desk.doc).view.cases.has(concernId), 'the case at the township');
    const seen = readEscalations(desk.doc).view.cases.get(concernId)!;
    expect(seen).toMatchObject({ title: '村道路灯不亮', state: CaseState.waiting });
    expect(JSON.stringify(desk.doc.toJSON())).not.toMatch(/李大爷|13900000009/);
    await run(desk, (doc) => ok(actOnCase(doc, concernId, { type: 'accept' }, { actor: 'li', name: '李干部', now: NOW + 4 * DAY })));
    await run(desk, (doc) => ok(actOnCase(doc, concernId, { type: 'assign', to: { kind: 'community' }, deadline: '2026-11-12', note: '请村里联系供电所' }, { actor: 'li', name: '李干部', now: NOW + 4 * DAY })));
    const assigned = readEscalations(desk.doc).view.cases.get(concernId)!;
    expect(isOverdue(assigned, '2026-11-13')).toBe(true);

    // The community sees the assignment, resolves; the resident confirms through the member.
    await escalations.waitFor(() => readEscalations(escalations.doc).view.cases.get(concernId)?.state === CaseState.assigned, 'the assignment at the community');
    await run(work, (doc) => ok(resolveConcern(doc, concernId, { note: '供电所已修复路灯' }, { actor: 'sec', now: NOW + 8 * DAY })));
    await memberWork.waitFor(() => readWork(memberWork.doc).view.concerns.get(concernId)?.status === 'resolved', 'the resolution at the member');
    await run(memberWork, (doc) => ok(confirmConcern(doc, concernId, { satisfied: true }, { actor: ids.member, now: NOW + 9 * DAY })));
    await work.waitFor(() => readWork(work.doc).view.concerns.get(concernId)?.status === 'confirmed', 'the confirmation at the committee');
    expect(await mirror()).toBe(1);
    await desk.waitFor(() => readEscalations(desk.doc).view.cases.get(concernId)?.satisfied === true, 'the confirmation at the township');
    expect(readEscalations(desk.doc).view.cases.get(concernId)).toMatchObject({ state: CaseState.resolved, resolvedBy: 'community' });

    // The community publishes its summary; the county reads both communities' summaries.
    const summary = await room('nanshan/summary', t.secA!);
    await run(summary, (doc) => writeSummary(doc, computeSummary(rosterView, readWork(work.doc).view, null, '2026-11-20', NOW + 18 * DAY)));
    const countyA = await room('nanshan/summary', t.county!);
    const countyB = await room('dongshan/summary', t.county!);
    await countyA.waitFor(() => readSummary(countyA.doc).summary !== null, 'the summary at the county');
    const rows: TierRow[] = [
      { id: 'nanshan', name: '南山村', township: 'gucheng', summary: readSummary(countyA.doc).summary },
      { id: 'dongshan', name: '东山村', township: 'baiyan', summary: readSummary(countyB.doc).summary },
    ];
    const [gucheng, baiyan] = byTownship(rows, [
      { id: 'gucheng', name: '古镛镇' },
      { id: 'baiyan', name: '白莲镇' },
    ]);
    expect(gucheng!.figures).toMatchObject({ communities: 1, reporting: 1, collected: 1, resolved: 1, escalatedToTownship: 1 });
    expect(gucheng!.figures.rates).toMatchObject({ resolution: 1, satisfaction: 1 });
    expect(baiyan!.figures).toMatchObject({ communities: 1, reporting: 0 });
  });

  it('another township opens nothing of the community; care is refused to the township and the county', async () => {
    for (const doc of ['roster', 'care', 'work', 'meetings', 'public', 'escalations', 'summary']) {
      expect(await upgradeStatus(relay.wsUrl, `nanshan/${doc}`, t.baiyan), doc).toBe(403);
    }
    expect(await upgradeStatus(relay.wsUrl, 'nanshan/care', t.gucheng)).toBe(403);
    expect(await upgradeStatus(relay.wsUrl, 'nanshan/care', t.county)).toBe(403);
    expect(await upgradeStatus(relay.wsUrl, 'nanshan/escalations', t.county)).toBe(403);
    expect(await upgradeStatus(relay.wsUrl, 'nanshan/escalations', t.gucheng)).toBe(101);
  });
});
