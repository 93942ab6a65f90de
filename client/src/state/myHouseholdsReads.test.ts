import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBuilding, addGrid, addHousehold, addMember, isDone, readRoster, readWork, recordVisit, type CommandResult } from '@lianxin/model';
import { householdsWorkRead, myRosterRead } from './myHouseholdsReads';
import { myHouseholdRows } from './useMyHouseholds';

function ok<T>(r: CommandResult<T>): T {
  if (!isDone(r)) throw new Error(r.message.en);
  return r.value;
}

/** Two members of ten households each in a community of 200. */
function community() {
  const roster = new Y.Doc();
  const ctx = { actor: 'test', now: Date.UTC(2024, 2, 1) };
  const wang = ok(addMember(roster, { name: '王党员' }, ctx));
  const zhao = ok(addMember(roster, { name: '赵党员' }, ctx));
  const grid = ok(addGrid(roster, { name: '第一网格' }, ctx));
  const b = ok(addBuilding(roster, { gridId: grid, number: '58', units: ['1'] }, ctx));
  for (let i = 0; i < 200; i++) {
    const memberId = i < 10 ? wang : i < 20 ? zhao : null;
    ok(addHousehold(roster, { buildingId: b.buildingId, unitId: b.unitIds[0], room: `${100 + i}`, head: `住户${i}`, memberId }, ctx));
  }
  const full = readRoster(roster).view;
  const work = new Y.Doc();
  for (const h of full.households.values()) ok(recordVisit(work, full, { memberId: h.memberId ?? wang, householdId: h.id, date: '2024-03-05', kind: 'routine' }, { actor: 'test', now: Date.UTC(2024, 2, 6) }));
  return { roster, work, full, wang, zhao };
}

describe('the my page’s live reads', () => {
  it('read the member found by name (or chosen), her households only, and their visits only, giving the rows the whole documents give', () => {
    const { roster, work, full, wang, zhao } = community();
    const mine = myRosterRead(null, '王党员')(roster);
    expect(mine.memberId).toBe(wang);
    expect(mine.view.households.size).toBe(10);
    expect(mine.view.members.size).toBe(2);
    const visits = householdsWorkRead([...mine.view.households.keys()])(work).view;
    expect(visits.visits.size).toBe(10);
    const rows = myHouseholdRows(mine.view, visits, wang, '2024-03-20');
    expect(rows).toEqual(myHouseholdRows(full, readWork(work).view, wang, '2024-03-20'));
    expect(myRosterRead(zhao, '王党员')(roster).memberId).toBe(zhao);
  });

  it('are one stable function per member and per set of households (snapshots are shared)', () => {
    expect(myRosterRead('a', 'b')).toBe(myRosterRead('a', 'b'));
    expect(myRosterRead('a', 'b')).not.toBe(myRosterRead(null, 'b'));
    expect(householdsWorkRead(['x', 'y'])).toBe(householdsWorkRead(['y', 'x']));
  });
});
