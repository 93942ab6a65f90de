import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ok, smallCommunity, testContext, T0 } from '../testSupport';
import { readRoster } from '../roster/readRoster';
import { addPoints } from '../roster/memberCommands';
import { updateSettings } from '../roster/structureCommands';
import { readWork } from './readWork';
import { cancelMustVisit, raiseMustVisit, recordVisit, removeVisit } from './visitCommands';
import { overdueVisits } from './overdue';
import { computeStatistics } from './statistics';
import { pointsLedger } from './pointsLedger';
import { acceptConcern, confirmConcern, escalateConcern, reportConcern, resolveConcern } from './concernCommands';

// T0 is 2024-03-01; households were linked that day.
describe('visits and overdue lists', () => {
  it('a linked household is overdue after more than 14 days without a visit', () => {
    const s = smallCommunity();
    const roster = readRoster(s.roster).view;
    const work = new Y.Doc();
    const c = testContext(s.members.jiang);
    const [, h2, h3, h4] = s.households;
    ok(recordVisit(work, roster, { memberId: s.members.jiang, householdId: h2!, date: '2024-03-05', kind: 'routine' }, c.at(20)));
    ok(recordVisit(work, roster, { memberId: s.members.jiang, householdId: h3!, date: '2024-03-06', kind: 'routine' }, c.at(20)));
    const work2 = readWork(work).view;
    // 2024-03-20: h2 last visited 15 days ago (overdue), h3 14 days ago (not), never-visited ones 19 days since linking.
    const r = overdueVisits(roster, work2, { today: '2024-03-20' });
    const ids = r.households.map((o) => o.householdId);
    expect(ids).toContain(h2);
    expect(ids).not.toContain(h3);
    expect(ids).toContain(h4);
    expect(r.households.find((o) => o.householdId === h2)).toMatchObject({ lastVisit: '2024-03-05', daysSince: 15, daysOverdue: 1 });
    expect(r.households.find((o) => o.householdId === h4)).toMatchObject({ lastVisit: null, daysSince: 19 });
    // 蒋全生 has 5 linked households, 王丽娜 2; all but h3 overdue; unlinked households are not listed.
    expect(r.byMember.get(s.members.jiang)).toHaveLength(4);
    expect(r.byMember.get(s.members.wang)).toHaveLength(2);
    expect(r.byGrid.get(s.grid)).toHaveLength(6);
    expect(r.households[0]!.daysSince).toBeGreaterThanOrEqual(r.households.at(-1)!.daysSince);
    // On 2024-03-10 nothing is overdue yet.
    expect(overdueVisits(roster, work2, { today: '2024-03-10' }).households).toEqual([]);
  });

  it('a must-visit stays open until a visit of that kind on or after its day', () => {
    const s = smallCommunity();
    const roster = readRoster(s.roster).view;
    const work = new Y.Doc();
    const c = testContext();
    const h = s.households[4]!;
    const mv = ok(raiseMustVisit(work, roster, { householdId: h, reason: 'accident', date: '2024-03-08', note: '擦窗摔伤' }, c.at(10)));
    ok(recordVisit(work, roster, { memberId: s.members.jiang, householdId: h, date: '2024-03-07', kind: 'accident' }, c.at(10)));
    ok(recordVisit(work, roster, { memberId: s.members.jiang, householdId: h, date: '2024-03-09', kind: 'routine' }, c.at(10)));
    let r = overdueVisits(roster, readWork(work).view, { today: '2024-03-11' });
    expect(r.mustVisits.map((m) => m.mustVisit.id)).toEqual([mv]);
    expect(r.mustVisits[0]).toMatchObject({ memberId: s.members.jiang, daysOpen: 3 });
    expect(r.mustVisitsByMember.get(s.members.jiang)).toHaveLength(1);
    const closing = recordVisit(work, roster, { memberId: s.members.xu, householdId: h, date: '2024-03-11', kind: 'accident' }, c.at(10));
    expect(closing.type === 'done' && closing.effects[0]?.ids).toEqual([mv]);
    expect(closing.type === 'done' && closing.warnings[0]?.zh).toContain('不是');
    r = overdueVisits(roster, readWork(work).view, { today: '2024-03-11' });
    expect(r.mustVisits).toEqual([]);
    const mv2 = ok(raiseMustVisit(work, roster, { householdId: h, reason: 'conflict', date: '2024-03-11' }, c.at(10)));
    ok(cancelMustVisit(work, mv2, c));
    expect(readWork(work).view.mustVisits.size).toBe(1);
  });

  it('a 困难必访 visit counts as a completed must-visit, raised first or not, once (issue 20, item 12)', () => {
    const s = smallCommunity();
    const roster = readRoster(s.roster).view;
    const work = new Y.Doc();
    const c = testContext();
    const [h1, h2] = s.households;
    // Recorded straight from the visit menu: nobody raised a must-visit first.
    ok(recordVisit(work, roster, { memberId: s.members.jiang, householdId: h1!, date: '2024-03-05', kind: 'hardship' }, c.at(10)));
    ok(recordVisit(work, roster, { memberId: s.members.jiang, householdId: h1!, date: '2024-03-06', kind: 'routine' }, c.at(10)));
    let stats = computeStatistics(roster, readWork(work).view, { asOf: '2024-03-10', from: null });
    expect([stats.visits.mustVisitsOpen, stats.visits.mustVisitsClosed]).toEqual([0, 1]);
    // A raised one, then the visit that closes it: one more, not two.
    ok(raiseMustVisit(work, roster, { householdId: h2!, reason: 'conflict', date: '2024-03-07' }, c.at(10)));
    stats = computeStatistics(roster, readWork(work).view, { asOf: '2024-03-10', from: null });
    expect([stats.visits.mustVisitsOpen, stats.visits.mustVisitsClosed]).toEqual([1, 1]);
    ok(recordVisit(work, roster, { memberId: s.members.jiang, householdId: h2!, date: '2024-03-08', kind: 'conflict' }, c.at(10)));
    stats = computeStatistics(roster, readWork(work).view, { asOf: '2024-03-10', from: null });
    expect([stats.visits.mustVisitsOpen, stats.visits.mustVisitsClosed]).toEqual([0, 2]);
  });

  it('rejects future dates, unknown people, and bad kinds, writing nothing', () => {
    const s = smallCommunity();
    const roster = readRoster(s.roster).view;
    const work = new Y.Doc();
    const c = testContext();
    const h = s.households[1]!;
    const bad = [
      recordVisit(work, roster, { memberId: s.members.jiang, householdId: h, date: '2024-03-02', kind: 'routine' }, c),
      recordVisit(work, roster, { memberId: 'ghost' as never, householdId: h, date: '2024-02-02', kind: 'routine' }, c),
      recordVisit(work, roster, { memberId: s.members.jiang, householdId: h, date: '2024-02-31', kind: 'routine' }, c),
      recordVisit(work, roster, { memberId: s.members.jiang, householdId: h, date: '2024-02-02', kind: 'party' as never }, c),
      raiseMustVisit(work, roster, { householdId: 'ghost' as never, reason: 'hardship', date: '2024-02-02' }, c),
    ];
    expect(bad.map((r) => r.type)).toEqual(Array(5).fill('rejected'));
    expect(bad[0]!.message.zh).toContain('在今天之后');
    expect(work.getMap('visits').size + work.getMap('mustVisits').size).toBe(0);
    const v = ok(recordVisit(work, roster, { memberId: s.members.jiang, householdId: h, date: '2024-03-01', kind: 'routine' }, c));
    ok(removeVisit(work, v, c));
    expect(removeVisit(work, v, c).type).toBe('rejected');
  });
});

describe('statistics and points', () => {
  function scenario() {
    const s = smallCommunity();
    const roster = readRoster(s.roster).view;
    const work = new Y.Doc();
    const c = testContext(s.members.jiang);
    const text = { type: 'text' as const, text: '居民' };
    // 1: resolved by the member in 1 day, satisfied. 2: escalated to grid, resolved in 3 days, unsatisfied.
    // 3: accepted after 5 days (late response), open. 4: untouched.
    const c1 = ok(reportConcern(work, roster, { title: '一', reporter: text }, c.at(0)));
    ok(resolveConcern(work, c1, { note: '好了' }, c.at(1)));
    ok(confirmConcern(work, c1, { satisfied: true }, c.at(2)));
    const c2 = ok(reportConcern(work, roster, { title: '二', reporter: text }, c.at(0)));
    ok(escalateConcern(work, c2, {}, c.at(0.5)));
    ok(resolveConcern(work, c2, { note: '好了' }, c.at(3, s.members.xu)));
    ok(confirmConcern(work, c2, { satisfied: false }, c.at(4)));
    ok(resolveConcern(work, c2, { note: '再次处理' }, c.at(5, s.members.xu)));
    const c3 = ok(reportConcern(work, roster, { title: '三', reporter: text }, c.at(0)));
    ok(acceptConcern(work, c3, {}, c.at(5)));
    ok(reportConcern(work, roster, { title: '四', reporter: text }, c.at(0)));
    ok(recordVisit(work, roster, { memberId: s.members.jiang, householdId: s.households[1]!, date: '2024-03-10', kind: 'routine' }, c.at(12)));
    ok(recordVisit(work, roster, { memberId: s.members.wang, householdId: s.households[6]!, date: '2024-03-02', kind: 'routine' }, c.at(12)));
    return { s, work, roster, c1, c2 };
  }

  it('computes the three rates, shares per level, median and coverage', () => {
    const { s, work } = scenario();
    const roster = readRoster(s.roster).view;
    const st = computeStatistics(roster, readWork(work).view, { asOf: '2024-03-20' });
    expect(st.concerns).toMatchObject({ collected: 4, responded: 3, respondedInTime: 2, resolved: 2, confirmed: 1, satisfied: 1, dissatisfied: 1, open: 1, inProgress: 1 });
    expect(st.concerns.resolvedByLevel).toEqual({ member: 1, grid: 1, community: 0, township: 0 });
    expect(st.concerns.shareResolvedByLevel.member).toBe(0.5);
    expect(st.rates).toEqual({ response: 0.5, resolution: 0.5, satisfaction: 0.5 });
    // c1 took 1 day, c2 (resolved again on day 5) took 5: median 3.
    expect(st.medianDaysToResolve).toBe(3);
    // 7 linked households; visited within 14 days of 03-20: 03-10 only (03-02 is 18 days before).
    expect(st.visits).toMatchObject({ linkedHouseholds: 7, visitedWithinInterval: 1, visitsInPeriod: 2 });
    expect(st.visits.coverage).toBeCloseTo(1 / 7);
    expect(st.roster).toEqual({ households: 12, residents: 2 + 11 * 3, members: 4, linkedHouseholds: 7 });
    const empty = computeStatistics(roster, readWork(new Y.Doc()).view, { asOf: '2024-03-20' });
    expect(empty.rates).toEqual({ response: null, resolution: null, satisfaction: null });
    expect(empty.medianDaysToResolve).toBeNull();
    expect(computeStatistics(roster, readWork(work).view, { asOf: '2024-03-20', from: '2024-03-02' }).concerns.collected).toBe(0);
  });

  it('derives points from the community rules, adds manual entries, and ranks with ties', () => {
    const { s, work } = scenario();
    const c = testContext();
    ok(addPoints(s.roster, { memberId: s.members.zhao, amount: 6, reason: '夜巡' }, c));
    ok(updateSettings(s.roster, { pointsRules: { concernCollected: 1, concernResolved: 2, residentSatisfied: 1, concernEscalated: 1, routineVisit: 0, mustVisit: 1 } }, c));
    const roster = readRoster(s.roster).view;
    const ledger = pointsLedger(roster, readWork(work).view);
    // 蒋全生: collected 4 (+4), resolved c1 (+2), satisfied (+1), escalated c2 which was resolved (+1) = 8.
    expect(ledger.totals.get(s.members.jiang)).toBe(8);
    // 徐上 resolved c2 (+2) ; unsatisfied → no bonus.
    expect(ledger.totals.get(s.members.xu)).toBe(2);
    expect(ledger.totals.get(s.members.zhao)).toBe(6);
    expect(ledger.ranking.map((r) => [r.name, r.total, r.rank])).toEqual([
      ['蒋全生', 8, 1],
      ['赵殿卿', 6, 2],
      ['徐上', 2, 3],
      ['王丽娜', 0, 4],
    ]);
    expect(ledger.entries.filter((e) => e.source === 'rule').every((e) => e.id.startsWith('rule:'))).toBe(true);
    // Doubling the rule doubles the derived points; nothing is stored.
    ok(updateSettings(s.roster, { pointsRules: { concernCollected: 2, concernResolved: 4, residentSatisfied: 2, concernEscalated: 2, routineVisit: 1, mustVisit: 2 } }, c));
    const again = pointsLedger(readRoster(s.roster).view, readWork(work).view);
    expect(again.totals.get(s.members.jiang)).toBe(17);
    expect(pointsLedger(roster, readWork(work).view, { from: '2024-04-01' }).totals.size).toBe(0);
    expect(T0).toBeGreaterThan(0);
  });
});
