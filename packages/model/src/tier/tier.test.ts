import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fork, ok, smallCommunity, sync, testContext, T0 } from '../testSupport';
import { readRoster } from '../roster/readRoster';
import { readWork } from '../work/readWork';
import { confirmConcern, escalateConcern, reportConcern, resolveConcern } from '../work/concernCommands';
import { readMeetings } from '../meetings/readMeetings';
import { dayOf } from '../core/context';
import type { ConcernId } from '../core/ids';
import { actOnCase } from './escalationCommands';
import { applyTownshipOutcomes, mirrorToEscalations } from './mirrorEscalations';
import { CaseState, daysWaiting, isOnDesk, isOverdue, readEscalations } from './readEscalations';
import { computeSummary, expectedMeetings } from './computeSummary';
import { readSummary, writeSummary } from './summaryDoc';
import { logContact, pairCadre, rateBranch, recordRegionMeeting, saveCriterion } from './regionCommands';
import { pairingCadence, ratingKey, readRegion } from './readRegion';
import { DEFAULT_CRITERIA, byTownship, figuresOf, starEvidence } from './rollUp';
import { EscalationsLayout } from './escalationsSchema';

const DAY = 86_400_000;
const names = (actor: string) => ({ sec: '王书记' })[actor] ?? actor;

/** A concern reported by a household and escalated member → grid → community → township. */
function escalated() {
  const s = smallCommunity();
  const roster = readRoster(s.roster).view;
  const work = new Y.Doc();
  const c = testContext('sec');
  const id = ok(reportConcern(work, roster, { title: '小区积水', detail: '雨后积水严重', reporter: { type: 'household', householdId: s.households[1]! }, category: '基础设施' }, c));
  ok(escalateConcern(work, id, {}, c.at(0.1)));
  ok(escalateConcern(work, id, {}, c.at(0.2)));
  ok(escalateConcern(work, id, { note: '需乡镇协调' }, c.at(0.3)));
  const escalations = new Y.Doc();
  const mirror = () => mirrorToEscalations(escalations, readEscalations(escalations).view, readWork(work).view, roster, names);
  return { s, roster, work, id, c, escalations, mirror };
}

describe('escalations: the link between a community and its township', () => {
  it('a concern escalated to the township becomes a case with its place and history, never the household', () => {
    const { escalations, mirror, id } = escalated();
    expect(mirror()).toBe(1);
    const c = readEscalations(escalations).view.cases.get(id)!;
    expect(c).toMatchObject({ title: '小区积水', category: '基础设施', state: CaseState.waiting, communityStatus: 'open', escalatedBy: '王书记' });
    expect(c.place).toMatch(/58/);
    expect(c.history.map((h) => h.level).filter(Boolean)).toEqual(['grid', 'community', 'township']);
    const stored = JSON.stringify(escalations.toJSON());
    expect(stored).not.toMatch(/1390000000|住户2|蒋全生/);
    expect(mirror()).toBe(0); // nothing changed, nothing written
  });

  it('the township accepts, assigns back with a deadline (overdue after it), the community resolves, the resident confirms', () => {
    const { escalations, mirror, id, work, c } = escalated();
    mirror();
    const staff = { ...testContext('t1'), name: '李干部' };
    ok(actOnCase(escalations, id, { type: 'accept' }, { ...staff, now: T0 + DAY }));
    expect(actOnCase(escalations, id, { type: 'accept' }, { ...staff, now: T0 + DAY }).type).toBe('rejected');
    ok(actOnCase(escalations, id, { type: 'assign', to: { kind: 'community' }, deadline: '2024-03-10', note: '请社区牵头' }, { ...staff, now: T0 + 2 * DAY }));
    let k = readEscalations(escalations).view.cases.get(id)!;
    expect(k.state).toBe(CaseState.assigned);
    expect(k.assignment).toMatchObject({ to: { kind: 'community' }, deadline: '2024-03-10' });
    expect(isOverdue(k, '2024-03-10')).toBe(false);
    expect(isOverdue(k, '2024-03-11')).toBe(true);
    expect(daysWaiting(k, '2024-03-11')).toBe(10);
    ok(resolveConcern(work, id, { note: '疏通排水管' }, c.at(9)));
    mirror();
    k = readEscalations(escalations).view.cases.get(id)!;
    expect([k.state, k.resolvedBy, isOverdue(k, '2024-03-11'), isOnDesk(k)]).toEqual([CaseState.resolved, 'community', false, false]);
    ok(confirmConcern(work, id, { satisfied: true }, c.at(10)));
    mirror();
    expect(readEscalations(escalations).view.cases.get(id)!.satisfied).toBe(true);
  });

  it('two township staff acting offline on one case keep both actions; the later assignment is the one in force', () => {
    const { escalations, mirror, id } = escalated();
    mirror();
    const a = fork(escalations);
    const b = fork(escalations);
    ok(actOnCase(a, id, { type: 'assign', to: { kind: 'department', name: '城建办' }, deadline: '2024-03-20' }, { ...testContext('a'), name: '甲', now: T0 + DAY }));
    ok(actOnCase(b, id, { type: 'note', note: '已联系水务站' }, { ...testContext('b'), name: '乙', now: T0 + DAY + 1000 }));
    ok(actOnCase(b, id, { type: 'assign', to: { kind: 'department', name: '水务站' }, deadline: '2024-03-15' }, { ...testContext('b2'), name: '乙', now: T0 + 2 * DAY }));
    sync(a, b);
    const fromA = readEscalations(a).view.cases.get(id)!;
    const fromB = readEscalations(b).view.cases.get(id)!;
    expect(fromA.actions.map((x) => `${x.by}:${x.type}`)).toEqual(['甲:assign', '乙:note', '乙:assign']);
    expect(fromB.actions.map((x) => x.id)).toEqual(fromA.actions.map((x) => x.id));
    expect(fromA.assignment?.to).toEqual({ kind: 'department', name: '水务站' });
  });

  it('a township resolution or hand-back comes back into the community board once, whichever devices apply it', () => {
    const { escalations, mirror, id, work, c } = escalated();
    mirror();
    ok(actOnCase(escalations, id, { type: 'resolve', note: '乡镇已协调水务站疏通' }, { ...testContext('t'), name: '李干部', now: T0 + 3 * DAY }));
    const view = readEscalations(escalations).view;
    const deviceA = fork(work);
    const deviceB = fork(work);
    expect(applyTownshipOutcomes(deviceA, readWork(deviceA).view, view, { actor: 'sec' })).toBe(1);
    expect(applyTownshipOutcomes(deviceB, readWork(deviceB).view, view, { actor: 'sec' })).toBe(1);
    sync(deviceA, deviceB);
    const concern = readWork(deviceA).view.concerns.get(id)!;
    expect([concern.status, concern.resolvedLevel, concern.resolvedBy]).toEqual(['resolved', 'township', '李干部']);
    expect(concern.history.filter((e) => e.type === 'resolve')).toHaveLength(1);
    expect(applyTownshipOutcomes(deviceA, readWork(deviceA).view, view, { actor: 'sec' })).toBe(0);
    void c;
  });

  it('a case handed back returns the concern to the community level with the reason', () => {
    const { escalations, mirror, id, work } = escalated();
    mirror();
    ok(actOnCase(escalations, id, { type: 'handBack', reason: '属社区物业职责' }, { ...testContext('t'), name: '李干部', now: T0 + DAY }));
    expect(applyTownshipOutcomes(work, readWork(work).view, readEscalations(escalations).view, { actor: 'sec' })).toBe(1);
    const concern = readWork(work).view.concerns.get(id)!;
    expect(concern.level).toBe('community');
    expect(concern.history.at(-1)).toMatchObject({ type: 'handBack', note: '属社区物业职责' });
  });

  it('hostile entries are skipped and reported, the rest reads', () => {
    const { escalations, mirror, id } = escalated();
    mirror();
    escalations.getMap(EscalationsLayout.actions).set('bad1', { caseId: id, type: 'assign', by: 'x', side: 'township', at: 1 });
    escalations.getMap(EscalationsLayout.actions).set('bad2', { caseId: 'nope', type: 'accept', by: 'x', side: 'township', at: 1 });
    escalations.getMap(EscalationsLayout.cases).set('bad3', 'not a case');
    const read = readEscalations(escalations);
    expect(read.view.cases.size).toBe(1);
    expect(read.view.cases.get(id as ConcernId)!.actions).toHaveLength(0);
    expect(read.problems.length).toBe(3);
  });
});

describe('summary', () => {
  it('counts the year up to asOf, with 三率, levels and the expected 三会一课; written only when it changes', () => {
    const { roster, work, id, c, s } = escalated();
    ok(resolveConcern(work, id, { note: '已处理' }, c.at(5)));
    ok(confirmConcern(work, id, { satisfied: true }, c.at(6)));
    const meetings = readMeetings(new Y.Doc()).view;
    const asOf = dayOf(T0 + 10 * DAY);
    const summary = computeSummary(roster, readWork(work).view, meetings, asOf, T0 + 10 * DAY);
    expect(summary.concerns).toMatchObject({ collected: 1, resolved: 1, satisfied: 1, escalatedToTownship: 1 });
    expect(summary.rates.resolution).toBe(1);
    expect(summary.threeMeetings.expected).toEqual(expectedMeetings(asOf));
    expect(summary.threeMeetings.expected).toEqual({ branchCommittee: 3, memberAssembly: 1, groupMeeting: 3, partyLecture: 1 });
    expect(summary.members.map((m) => m.name).sort()).toEqual(['徐上', '王丽娜', '蒋全生', '赵殿卿'].sort());
    const doc = new Y.Doc();
    expect(writeSummary(doc, summary)).toBe(true);
    expect(writeSummary(doc, { ...summary, computedAt: summary.computedAt + 1 })).toBe(false);
    expect(readSummary(doc).summary).toEqual(summary);
    void s;
  });
});

describe('region document', () => {
  it('pairings are flagged below their cadence; the later rating of a branch and year wins; meetings link concerns', () => {
    const doc = new Y.Doc();
    const ctx = testContext('t');
    const p = ok(pairCadre(doc, { cadre: '李干部', communityId: 'c1', memberId: 'm1', memberName: '王芳', since: '2024-01-01' }, ctx));
    ok(logContact(doc, { pairingId: p, date: '2024-03-05', kind: 'visit' }, { ...ctx, name: '李干部' }));
    let pairing = readRegion(doc).view.pairings.get(p)!;
    expect(pairingCadence(pairing, '2024-03-20')).toEqual({ lastThirtyDays: 1, below: true });
    ok(logContact(doc, { pairingId: p, date: '2024-03-18', kind: 'call' }, { ...ctx, name: '李干部' }));
    pairing = readRegion(doc).view.pairings.get(p)!;
    expect(pairingCadence(pairing, '2024-03-20')).toEqual({ lastThirtyDays: 2, below: false });
    expect(logContact(doc, { pairingId: 'nope', date: '2024-03-18', kind: 'call' }, { ...ctx, name: '李干部' }).type).toBe('rejected');

    ok(rateBranch(doc, { communityId: 'c1', year: 2024, stars: 3, notes: '初评' }, { ...ctx, name: '甲', now: T0 }));
    ok(rateBranch(doc, { communityId: 'c1', year: 2024, stars: 4, notes: '复评' }, { ...ctx, name: '乙', now: T0 + DAY }));
    expect(readRegion(doc).view.ratings.get(ratingKey('c1', 2024))).toMatchObject({ stars: 4, by: '乙' });
    expect(rateBranch(doc, { communityId: 'c1', year: 2024, stars: 6 }, { ...ctx, name: '乙' }).type).toBe('rejected');

    const m = ok(recordRegionMeeting(doc, { kind: 'consultation', title: '三月问题会诊会', date: '2024-03-15', concerns: [{ communityId: 'c1', caseId: 'abc', title: '小区积水' }], decisions: '交城建办' }, { ...ctx, name: '李干部' }));
    expect(readRegion(doc).view.meetings.get(m)).toMatchObject({ kind: 'consultation', concerns: [{ caseId: 'abc' }] });
  });

  it('star evidence comes from the summary against the criteria the township edits', () => {
    const doc = new Y.Doc();
    const ctx = testContext('t');
    for (const c of DEFAULT_CRITERIA) ok(saveCriterion(doc, null, c, ctx));
    const criteria = readRegion(doc).view.criteria;
    expect(criteria.map((c) => c.metric)).toEqual(DEFAULT_CRITERIA.map((c) => c.metric));
    const { roster, work } = escalated();
    const summary = computeSummary(roster, readWork(work).view, null, '2024-03-11', T0);
    const evidence = starEvidence(summary, criteria);
    expect(evidence.items).toHaveLength(6);
    expect(evidence.items.find((i) => i.criterion.metric === 'rates.resolution')).toMatchObject({ value: 0, met: false });
    ok(saveCriterion(doc, criteria[1]!.id, { threshold: 0 }, ctx));
    expect(starEvidence(summary, readRegion(doc).view.criteria).items.find((i) => i.criterion.metric === 'rates.resolution')!.met).toBe(true);
  });
});

describe('roll-up', () => {
  it('sums counts and recomputes rates per township; a community without a summary counts but does not report', () => {
    const { roster, work, id, c } = escalated();
    ok(resolveConcern(work, id, { note: 'x' }, c.at(3)));
    const one = computeSummary(roster, readWork(work).view, null, '2024-03-11', T0);
    const rows = [
      { id: 'a', name: 'A', township: 't1', summary: one },
      { id: 'b', name: 'B', township: 't1', summary: { ...one, concerns: { ...one.concerns, collected: 3, resolved: 1, resolvedByLevel: { member: 0, grid: 0, community: 1, township: 0 } } } },
      { id: 'c', name: 'C', township: 't2', summary: null },
    ];
    const t = byTownship(rows, [
      { id: 't1', name: '古镛镇' },
      { id: 't2', name: '白莲镇' },
    ]);
    expect(t[0]!.figures).toMatchObject({ communities: 2, reporting: 2, collected: 4, resolved: 2 });
    expect(t[0]!.figures.rates.resolution).toBe(0.5);
    expect(t[1]!.figures).toMatchObject({ communities: 1, reporting: 0, collected: 0 });
    expect(figuresOf(rows).rates.resolution).toBe(0.5);
  });
});
