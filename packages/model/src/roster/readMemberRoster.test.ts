import { describe, expect, it } from 'vitest';
import { ok, smallCommunity, testContext } from '../testSupport';
import type { MemberId } from '../core/ids';
import { RosterLayout } from './rosterLayout';
import { linkHousehold } from './householdCommands';
import { readMemberRoster, readRoster } from './readRoster';

const pickId = (id: string) => () => id as MemberId;

describe('readMemberRoster: a member’s households without reading the others', () => {
  it('returns exactly the households linked to the picked member, as readRoster reads them, with every member and place', () => {
    const s = smallCommunity();
    const full = readRoster(s.roster).view;
    const narrow = readMemberRoster(s.roster, pickId(s.members.jiang));
    expect(narrow.memberId).toBe(s.members.jiang);
    const mine = [...full.households.values()].filter((h) => h.memberId === s.members.jiang);
    expect(mine.length).toBe(5);
    expect([...narrow.view.households.values()]).toEqual(mine);
    expect(narrow.view.members).toEqual(full.members);
    expect(narrow.view.buildings).toEqual(full.buildings);
    expect(narrow.view.units).toEqual(full.units);
    expect(narrow.view.settings).toEqual(full.settings);
    expect(narrow.problems).toEqual([]);
  });

  it('follows links changed later (the overlay), both ways', () => {
    const s = smallCommunity();
    const ctx = testContext();
    const [, h2, , , , , h7] = s.households;
    ok(linkHousehold(s.roster, h2!, null, ctx));
    ok(linkHousehold(s.roster, h7!, s.members.jiang, ctx));
    const ids = [...readMemberRoster(s.roster, pickId(s.members.jiang)).view.households.keys()];
    expect(ids).toContain(h7);
    expect(ids).not.toContain(h2);
    expect(ids).toEqual([...readRoster(s.roster).view.households.values()].filter((h) => h.memberId === s.members.jiang).map((h) => h.id));
  });

  it('does not look at other members’ households: a broken one of theirs is not reported, a broken one of hers is', () => {
    const s = smallCommunity();
    const households = s.roster.getMap(RosterLayout.households);
    households.set('brokenTheirs01', { memberId: s.members.wang, head: 42 });
    households.set('brokenMine0001', { memberId: s.members.jiang, head: 42 });
    const narrow = readMemberRoster(s.roster, pickId(s.members.jiang));
    expect(narrow.problems.map((p) => p.path)).toEqual(['households/brokenMine0001']);
    expect(readRoster(s.roster).problems.map((p) => p.path).sort()).toEqual(['households/brokenMine0001', 'households/brokenTheirs01']);
  });

  it('reads no household when no member is picked or the pick is not a member, and passes the pick every valid member', () => {
    const s = smallCommunity();
    let seen: string[] = [];
    const none = readMemberRoster(s.roster, (members) => {
      seen = members.map(([, m]) => m.name);
      return null;
    });
    expect(seen.sort()).toEqual(['王丽娜', '蒋全生', '赵殿卿', '徐上'].sort());
    expect(none.memberId).toBeNull();
    expect(none.view.households.size).toBe(0);
    const unknown = readMemberRoster(s.roster, pickId('nosuchmember01'));
    expect(unknown.memberId).toBeNull();
    expect(unknown.view.households.size).toBe(0);
  });

  it('keeps a member’s own household though it is not one she serves', () => {
    const s = smallCommunity();
    // 蒋全生 lives in the first household, which is linked to no one.
    const narrow = readMemberRoster(s.roster, pickId(s.members.wang));
    expect(narrow.view.members.get(s.members.jiang)!.householdId).toBe(s.households[0]);
    expect(narrow.view.households.has(s.households[0]!)).toBe(false);
  });
});
