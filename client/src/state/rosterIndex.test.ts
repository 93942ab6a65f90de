import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBuilding, addGrid, addHousehold, addMember, isDone, readRoster, type CommandResult } from '@lianxin/model';
import { rosterIndex } from './rosterIndex';
import { filterHouseholds } from '../features/roster/filterHouseholds';

function ok<T>(r: CommandResult<T>): T {
  if (!isDone(r)) throw new Error(r.message.en);
  return r.value;
}

function community() {
  const doc = new Y.Doc();
  const ctx = { actor: 'test', now: 1_700_000_000_000 };
  const member = ok(addMember(doc, { name: '王党员' }, ctx));
  const g2 = ok(addGrid(doc, { name: '第二网格', order: 2 }, ctx));
  const g1 = ok(addGrid(doc, { name: '第一网格', order: 1 }, ctx));
  const b10 = ok(addBuilding(doc, { gridId: g1, number: '10', units: ['2', '1'] }, ctx));
  const b9 = ok(addBuilding(doc, { gridId: g1, number: '9', units: ['1'] }, ctx));
  const b60 = ok(addBuilding(doc, { gridId: g2, number: '60' }, ctx));
  ok(addHousehold(doc, { buildingId: b10.buildingId, unitId: b10.unitIds[0], room: '201', head: '陈秀英', phone: '13900000001' }, ctx));
  ok(addHousehold(doc, { buildingId: b10.buildingId, unitId: b10.unitIds[1], room: '101', head: '徐中立', memberId: member }, ctx));
  ok(addHousehold(doc, { buildingId: b9.buildingId, unitId: b9.unitIds[0], room: '301', head: '刘建国' }, ctx));
  ok(addHousehold(doc, { buildingId: b60.buildingId, room: '5', head: '杨桂兰', memberId: member }, ctx));
  return { view: readRoster(doc).view, member, g1, g2, b10, b9, b60 };
}

describe('rosterIndex', () => {
  it('orders grids, buildings (numerically), units and households the way a roster reads', () => {
    const { view, g1, g2 } = community();
    const index = rosterIndex(view);
    expect(index.grids.map((g) => g.id)).toEqual([g1, g2]);
    expect(index.buildingsByGrid.get(g1)!.map((b) => b.number)).toEqual(['9', '10']);
    expect(index.households.map((h) => h.head)).toEqual(['刘建国', '徐中立', '陈秀英', '杨桂兰']);
  });

  it('groups households by place and by linked member, and caches per roster snapshot', () => {
    const { view, member, b60 } = community();
    const index = rosterIndex(view);
    expect(index.householdsByMember.get(member)!.map((h) => h.head).sort()).toEqual(['徐中立', '杨桂兰'].sort());
    // a building without units keeps its households under the building
    expect(index.householdsByPlace.get(b60.buildingId)!.map((h) => h.head)).toEqual(['杨桂兰']);
    expect(rosterIndex(view)).toBe(index);
  });
});

describe('filterHouseholds', () => {
  it('narrows by the selected place and by a search over head, room, phone and member', () => {
    const { view, g2, b10 } = community();
    expect(filterHouseholds(view, { type: 'grid', id: g2 }, '').map((h) => h.head)).toEqual(['杨桂兰']);
    expect(filterHouseholds(view, { type: 'building', id: b10.buildingId }, '').map((h) => h.head)).toEqual(['徐中立', '陈秀英']);
    expect(filterHouseholds(view, { type: 'unit', id: b10.unitIds[1]! }, '').map((h) => h.head)).toEqual(['徐中立']);
    expect(filterHouseholds(view, { type: 'all' }, '王党员').map((h) => h.head)).toEqual(['徐中立', '杨桂兰']);
    expect(filterHouseholds(view, { type: 'all' }, '13900000001').map((h) => h.head)).toEqual(['陈秀英']);
    expect(filterHouseholds(view, { type: 'all' }, '301').map((h) => h.head)).toEqual(['刘建国']);
    expect(filterHouseholds(view, { type: 'all' }, '没有这个人')).toEqual([]);
  });

  it('finds a building and unit however the number is typed: ６０, 六十号楼, 十号楼, ２单元 (issue 20, item 4)', () => {
    const { view } = community();
    const heads = (q: string) => filterHouseholds(view, { type: 'all' }, q).map((h) => h.head);
    expect(heads('６０')).toEqual(['杨桂兰']);
    expect(heads('60号楼')).toEqual(['杨桂兰']);
    expect(heads('六十号楼')).toEqual(['杨桂兰']);
    expect(heads('十号楼')).toEqual(['徐中立', '陈秀英']);
    expect(heads('10号楼２单元')).toEqual(['陈秀英']);
    expect(heads('２０１')).toEqual(['陈秀英']);
    expect(heads('徐 中立')).toEqual(['徐中立']);
  });
});
