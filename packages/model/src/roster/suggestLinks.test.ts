import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ok, smallCommunity, testContext } from '../testSupport';
import { readRoster } from './readRoster';
import { addHousehold, linkHousehold } from './householdCommands';
import { addMember, addRelation, editMember } from './memberCommands';
import { updateSettings } from './structureCommands';
import { capacityReport, proposeLinks, suggestHouseholds, suggestMembers } from './suggestLinks';
import { readWork } from '../work/readWork';
import { recordVisit } from '../work/visitCommands';

const ctx = testContext();

describe('two-way selection', () => {
  it('ranks members by nearness: same unit, then building, then grid', () => {
    const s = smallCommunity();
    // 徐上 lives in 58-1, 赵殿卿 in 59 (another grid), 蒋全生 in 58-3.
    const xuHome = ok(addHousehold(s.roster, { buildingId: s.b58, unitId: s.u1, room: '101', head: '徐上' }, ctx));
    const zhaoHome = ok(addHousehold(s.roster, { buildingId: s.b59, unitId: s.u59, room: '101', head: '赵殿卿' }, ctx));
    ok(updateSettings(s.roster, { linkMax: 10 }, ctx));
    ok(editMember(s.roster, s.members.xu, { householdId: xuHome }, ctx));
    ok(editMember(s.roster, s.members.zhao, { householdId: zhaoHome }, ctx));
    const roster = readRoster(s.roster).view;
    const target = s.households[11]!; // 58-3, unlinked
    const list = suggestMembers(roster, null, target);
    expect(list.map((x) => x.memberId)).toEqual([s.members.jiang, s.members.xu]);
    expect(list[0]!.reasons.map((r) => r.type)).toEqual(['sameUnit']);
    expect(list[1]!.reasons.map((r) => r.type)).toEqual(['sameBuilding']);
    expect(list[0]!.load).toBe(5);
  });

  it('kin and past visits count; members at their limit come last with a warning', () => {
    const s = smallCommunity();
    const work = new Y.Doc();
    const target = s.households[11]!;
    ok(addRelation(s.roster, { memberId: s.members.zhao, householdId: target, relation: '亲属' }, ctx));
    let roster = readRoster(s.roster).view;
    ok(recordVisit(work, roster, { memberId: s.members.xu, householdId: target, date: '2024-02-20', kind: 'routine' }, ctx));
    ok(recordVisit(work, roster, { memberId: s.members.xu, householdId: target, date: '2024-02-27', kind: 'routine' }, ctx));
    ok(updateSettings(s.roster, { linkMin: 1, linkMax: 5 }, ctx));
    roster = readRoster(s.roster).view;
    const list = suggestMembers(roster, readWork(work).view, target, { limit: 10 });
    expect(list.map((x) => x.memberId)).toEqual([s.members.zhao, s.members.xu, s.members.jiang]);
    expect(list[0]!.reasons[0]!.message.zh).toBe('亲友(亲属)');
    expect(list[1]!.reasons[0]!.message.zh).toBe('走访过 2 次');
    expect(list[2]!.wouldExceed).toBe(true);
    expect(list[2]!.warning?.zh).toBe('蒋全生 已联系 6 户,超过上限 5 户');
    const households = suggestHouseholds(roster, readWork(work).view, s.members.xu);
    expect(households[0]!.householdId).toBe(target);
  });

  it('reports members under and over their limits', () => {
    const s = smallCommunity();
    ok(updateSettings(s.roster, { linkMin: 3, linkMax: 4 }, ctx));
    const report = capacityReport(readRoster(s.roster).view);
    const by = new Map(report.map((r) => [r.memberId, r]));
    expect(by.get(s.members.jiang)?.state).toBe('over');
    expect(by.get(s.members.wang)?.state).toBe('under');
    expect(by.get(s.members.wang)?.message?.zh).toBe('王丽娜 仅联系 2 户,少于 3 户');
  });

  it('proposes links for unlinked households within capacity', () => {
    const s = smallCommunity();
    for (let i = 0; i < 6; i++) ok(addHousehold(s.roster, { buildingId: s.b58, unitId: s.u3, room: `90${i}`, head: `新户${i}` }, ctx));
    ok(updateSettings(s.roster, { linkMax: 7 }, ctx));
    const roster = readRoster(s.roster).view;
    const unlinked = [...roster.households.values()].filter((h) => h.memberId === null).length;
    const { proposals, unplaced } = proposeLinks(roster, null);
    expect(proposals.length + unplaced.length).toBe(unlinked);
    const jiang = proposals.filter((p) => p.memberId === s.members.jiang).length;
    expect(5 + jiang).toBeLessThanOrEqual(7);
    for (const p of proposals) ok(linkHousehold(s.roster, p.householdId, p.memberId, ctx));
    expect(capacityReport(readRoster(s.roster).view).every((r) => r.state !== 'over')).toBe(true);
    const added = ok(addMember(s.roster, { name: '流动党员', category: 'mobile' }, ctx));
    expect(suggestHouseholds(readRoster(s.roster).view, null, added)).toEqual([]);
  });
});
