import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ok, smallCommunity, testContext } from '../testSupport';
import { readRoster } from '../roster/readRoster';
import { raiseMustVisit, recordVisit } from './visitCommands';
import { readHouseholdsWork, readWork } from './readWork';
import { WorkLayout } from './workSchema';

function workWithVisits() {
  const s = smallCommunity();
  const roster = readRoster(s.roster).view;
  const work = new Y.Doc();
  const c = testContext(s.members.jiang);
  const [, h2, h3, , , , h7] = s.households;
  ok(raiseMustVisit(work, roster, { householdId: h2!, reason: 'hardship', date: '2024-03-02' }, c.at(1)));
  ok(raiseMustVisit(work, roster, { householdId: h7!, reason: 'accident', date: '2024-03-02' }, c.at(1)));
  ok(recordVisit(work, roster, { memberId: s.members.jiang, householdId: h2!, date: '2024-03-05', kind: 'hardship' }, c.at(5)));
  ok(recordVisit(work, roster, { memberId: s.members.jiang, householdId: h3!, date: '2024-03-06', kind: 'routine' }, c.at(6)));
  ok(recordVisit(work, roster, { memberId: s.members.wang, householdId: h7!, date: '2024-03-06', kind: 'routine' }, c.at(6)));
  return { s, roster, work, h2: h2!, h3: h3!, h7: h7! };
}

describe('readHouseholdsWork: some households’ visits without reading the others', () => {
  it('returns those households’ visits and must-visits as readWork does, closed the same way, and no concerns', () => {
    const { work, h2, h3, h7 } = workWithVisits();
    const full = readWork(work).view;
    const narrow = readHouseholdsWork(work, new Set([h2, h3])).view;
    expect(narrow.visitsByHousehold.get(h2)).toEqual(full.visitsByHousehold.get(h2));
    expect(narrow.visitsByHousehold.get(h3)).toEqual(full.visitsByHousehold.get(h3));
    expect(narrow.visitsByHousehold.has(h7)).toBe(false);
    expect([...narrow.visits.values()].every((v) => v.householdId === h2 || v.householdId === h3)).toBe(true);
    expect([...narrow.mustVisits.values()]).toEqual([...full.mustVisits.values()].filter((m) => m.householdId === h2));
    expect([...narrow.mustVisits.values()][0]!.closedBy).not.toBeNull();
    expect(narrow.concerns.size).toBe(0);
  });

  it('does not look at other households’ entries: a broken one of theirs is not reported, a broken one of ours is', () => {
    const { work, h2, h7 } = workWithVisits();
    work.getMap(WorkLayout.visits).set('brokenTheirs01', { householdId: h7, kind: 'nonsense' });
    work.getMap(WorkLayout.visits).set('brokenOurs0001', { householdId: h2, kind: 'nonsense' });
    expect(readHouseholdsWork(work, new Set([h2])).problems.map((p) => p.path)).toEqual([`${WorkLayout.visits}/brokenOurs0001`]);
  });

  it('a visit recorded for a household still closes its open must-visit of that kind', () => {
    const { s, roster, work, h7 } = workWithVisits();
    const r = recordVisit(work, roster, { memberId: s.members.wang, householdId: h7, date: '2024-03-08', kind: 'accident' }, testContext(s.members.wang).at(8));
    expect(r.type).toBe('done');
    if (r.type === 'done') expect(r.effects.map((e) => e.type)).toEqual(['must-visits-closed']);
    expect([...readWork(work).view.mustVisits.values()].find((m) => m.householdId === h7)!.closedBy).toBe(r.type === 'done' ? r.value : null);
  });
});
