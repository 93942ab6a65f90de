import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fork, ok, smallCommunity, sync, testContext } from '../testSupport';
import { readRoster } from './readRoster';
import { addHousehold, editHousehold, linkHousehold, moveHousehold, removeHousehold } from './householdCommands';
import { addMember, addPoints, addRelation, editMember, removeMember } from './memberCommands';
import { addBuilding, addGrid, addGroup, addUnit, editBuilding, editGrid, removeBuilding, removeGrid, removeGroup, removeUnit, updateSettings } from './structureCommands';
import { householdLabel } from './labels';
import type { HouseholdId } from '../core/ids';

const ctx = testContext();

describe('structure commands', () => {
  it('adds grids, buildings with units, and reads them back', () => {
    const s = smallCommunity();
    const { view, problems } = readRoster(s.roster);
    expect(problems).toEqual([]);
    expect(view.settings.name).toBe('刘村社区');
    expect(view.grids.size).toBe(2);
    expect(view.buildings.get(s.b58)?.number).toBe('58');
    expect([...view.units.values()].filter((u) => u.buildingId === s.b58).map((u) => u.number).sort()).toEqual(['1', '3']);
    expect(view.households.size).toBe(12);
    expect(householdLabel(view, view.households.get(s.households[0]!)!)).toBe('58号楼3单元101');
  });

  it('rejects a duplicate building and a unit that exists, changing nothing', () => {
    const s = smallCommunity();
    const before = Y.encodeStateAsUpdate(s.roster);
    const r = addBuilding(s.roster, { gridId: s.grid, number: '58' }, ctx);
    expect(r.type === 'rejected' && r.code).toBe('conflict');
    expect(r.message.zh).toContain('58号楼已存在');
    expect(addUnit(s.roster, { buildingId: s.b58, number: '3' }, ctx).type).toBe('rejected');
    expect(addBuilding(s.roster, { gridId: 'nope', number: '70' }, ctx).type).toBe('rejected');
    expect(addGrid(s.roster, { name: '' }, ctx).type).toBe('rejected');
    expect(Y.encodeStateAsUpdate(s.roster)).toEqual(before);
  });

  it('reads full-width digits and Chinese numerals on entry: ５８ is 58号楼, refused as a duplicate', () => {
    const s = smallCommunity();
    const before = Y.encodeStateAsUpdate(s.roster);
    for (const number of ['５８', '五十八号楼', '58栋', ' 58 ']) {
      const r = addBuilding(s.roster, { gridId: s.grid, number }, ctx);
      expect(r.type === 'rejected' && r.message.zh, number).toBe('58号楼已存在');
    }
    for (const number of ['３', '三单元', '3单元']) expect(addUnit(s.roster, { buildingId: s.b58, number }, ctx).type, number).toBe('rejected');
    const dupRoom = addHousehold(s.roster, { buildingId: s.b58, unitId: s.u3, room: '１０１', head: '新户' }, ctx);
    expect(dupRoom.type === 'rejected' && dupRoom.message.zh).toBe('58号楼3单元101已登记(户主 蒋全生)');
    expect(addBuilding(s.roster, { gridId: s.grid, number: '　' }, ctx).type).toBe('rejected');
    expect(editBuilding(s.roster, s.b59, { number: '五十八' }, ctx).type).toBe('rejected');
    expect(Y.encodeStateAsUpdate(s.roster)).toEqual(before);

    const b = ok(addBuilding(s.roster, { gridId: s.grid, number: '六十号楼', units: ['一单元', '２', '1'] }, ctx));
    const h = ok(addHousehold(s.roster, { buildingId: b.buildingId, unitId: b.unitIds[0]!, room: '二〇一室', head: '王　丽', phone: '１３９ ００００ ００００' }, ctx));
    ok(editHousehold(s.roster, h, { room: '２０２' }, ctx));
    const view = readRoster(s.roster).view;
    expect(view.buildings.get(b.buildingId)!.number).toBe('60');
    expect(b.unitIds.map((u) => view.units.get(u)!.number)).toEqual(['1', '2']);
    expect(view.households.get(h)).toMatchObject({ room: '202', head: '王丽', phone: '13900000000' });
    expect(ok(addUnit(s.roster, { buildingId: b.buildingId, number: '三单元' }, ctx))).toBeTruthy();
    expect([...view.units.values()].length).toBe(5);
    expect(readRoster(s.roster).view.units.size).toBe(6);
  });

  it('refuses to remove a grid or building in use and says how much is in it', () => {
    const s = smallCommunity();
    const g = removeGrid(s.roster, s.grid, ctx);
    expect(g.type === 'rejected' && g.code).toBe('in-use');
    expect(g.message.zh).toContain('1 栋楼');
    const b = removeBuilding(s.roster, s.b58, ctx);
    expect(b.message.zh).toContain('12 户');
    expect(removeUnit(s.roster, s.u3, ctx).type).toBe('rejected');
    // An empty building goes with its units.
    const r = removeBuilding(s.roster, s.b59, ctx);
    expect(r.type).toBe('done');
    expect(r.type === 'done' && r.effects[0]?.ids).toHaveLength(1);
    expect(readRoster(s.roster).view.units.size).toBe(2);
  });

  it('moves a building to another grid and names its cadre', () => {
    const s = smallCommunity();
    ok(editBuilding(s.roster, s.b58, { gridId: s.grid2, cadreId: s.members.xu }, ctx));
    const b = readRoster(s.roster).view.buildings.get(s.b58)!;
    expect(b.gridId).toBe(s.grid2);
    expect(b.cadreId).toBe(s.members.xu);
    expect(editBuilding(s.roster, s.b58, { cadreId: 'ghost' as never }, ctx).type).toBe('rejected');
  });

  it('removing a group keeps its members and reports them', () => {
    const s = smallCommunity();
    const g = ok(addGroup(s.roster, { name: '第一党小组', gridId: s.grid, leaderId: s.members.jiang }, ctx));
    ok(editMember(s.roster, s.members.jiang, { groupId: g }, ctx));
    const r = removeGroup(s.roster, g, ctx);
    expect(r.type === 'done' && r.effects[0]?.ids).toEqual([s.members.jiang]);
    expect(readRoster(s.roster).view.members.get(s.members.jiang)?.groupId).toBeNull();
    // A grid without buildings can go; groups in it lose the grid.
    const empty = ok(addGrid(s.roster, { name: '空网格' }, ctx));
    ok(addGroup(s.roster, { name: 'x', gridId: empty }, ctx));
    const rg = removeGrid(s.roster, empty, ctx);
    expect(rg.type === 'done' && rg.effects.length).toBe(1);
  });

  it('validates settings and keeps linkMin ≤ linkMax', () => {
    const s = smallCommunity();
    expect(updateSettings(s.roster, { linkMin: 12 }, ctx).type).toBe('rejected');
    expect(updateSettings(s.roster, { visitIntervalDays: 0 }, ctx).type).toBe('rejected');
    expect(updateSettings(s.roster, { bogus: 1 } as never, ctx).type).toBe('rejected');
    ok(updateSettings(s.roster, { linkMin: 3, linkMax: 6, visitIntervalDays: 7 }, ctx));
    const st = readRoster(s.roster).view.settings;
    expect([st.linkMin, st.linkMax, st.visitIntervalDays]).toEqual([3, 6, 7]);
    ok(editGrid(s.roster, s.grid, { leaderId: s.members.zhao }, ctx));
    expect(readRoster(s.roster).view.grids.get(s.grid)?.leaderId).toBe(s.members.zhao);
  });
});

describe('household commands', () => {
  it('rejects bad input with a clear message and writes nothing', () => {
    const s = smallCommunity();
    const before = Y.encodeStateAsUpdate(s.roster);
    const bad = [
      addHousehold(s.roster, { buildingId: s.b58, unitId: s.u3, room: '101', head: '重复' }, ctx),
      addHousehold(s.roster, { buildingId: s.b58, unitId: s.u59, room: '999', head: '错单元' }, ctx),
      addHousehold(s.roster, { buildingId: s.b58, room: '1', head: '' }, ctx),
      addHousehold(s.roster, { buildingId: s.b58, room: '1', head: '电话', phone: 'abc' }, ctx),
      addHousehold(s.roster, { buildingId: s.b58, room: '1', head: '人口', size: -1 }, ctx),
      addHousehold(s.roster, { buildingId: s.b58, room: '1', head: 'x'.repeat(1_000_000) }, ctx),
      addHousehold(s.roster, { buildingId: s.b58, room: '1', head: '党员', memberId: 'ghost' as never }, ctx),
    ];
    expect(bad.map((r) => r.type)).toEqual(Array(bad.length).fill('rejected'));
    expect(bad[0]!.message.zh).toContain('58号楼3单元101已登记');
    expect(bad[1]!.message.zh).toContain('该单元不属于所选楼栋');
    expect(bad[3]!.message.zh).toContain('电话');
    expect(Y.encodeStateAsUpdate(s.roster)).toEqual(before);
  });

  it('edits, moves and removes households with their references', () => {
    const s = smallCommunity();
    const h = s.households[1]!;
    ok(editHousehold(s.roster, h, { phone: '138 0000 9999', roles: ['hub', 'hub'], consent: 'name' }, ctx));
    let v = readRoster(s.roster).view.households.get(h)!;
    expect(v.phone).toBe('13800009999');
    expect(v.roles).toEqual(['hub']);
    ok(moveHousehold(s.roster, h, { buildingId: s.b59, unitId: s.u59, room: '501' }, ctx));
    v = readRoster(s.roster).view.households.get(h)!;
    expect(householdLabel(readRoster(s.roster).view, v)).toBe('59号楼1单元501');
    expect(moveHousehold(s.roster, h, { buildingId: s.b58, unitId: s.u3, room: '101' }, ctx).type).toBe('rejected');
    // Removing the member's home clears it on the member and drops relations to it.
    ok(addRelation(s.roster, { memberId: s.members.xu, householdId: s.households[0]!, relation: '亲属' }, ctx));
    const r = removeHousehold(s.roster, s.households[0]!, ctx);
    expect(r.type === 'done' && r.effects.map((e) => e.type)).toEqual(['members-homeless', 'relations-removed']);
    const view = readRoster(s.roster).view;
    expect(view.members.get(s.members.jiang)?.householdId).toBeNull();
    expect(view.relations.size).toBe(0);
  });

  it('links over capacity with a warning, never a silent cap', () => {
    const s = smallCommunity();
    ok(updateSettings(s.roster, { linkMin: 3, linkMax: 5 }, ctx));
    const r = linkHousehold(s.roster, s.households[9]!, s.members.jiang, ctx);
    expect(r.type).toBe('done');
    expect(r.type === 'done' && r.warnings[0]?.zh).toBe('蒋全生 已联系 6 户,超过上限 5 户');
    expect(readRoster(s.roster).view.households.get(s.households[9]!)?.memberId).toBe(s.members.jiang);
    const un = linkHousehold(s.roster, s.households[9]!, null, ctx);
    expect(un.type === 'done' && un.value.previous).toBe(s.members.jiang);
    expect(readRoster(s.roster).view.households.get(s.households[9]!)?.memberId).toBeNull();
  });
});

describe('member commands', () => {
  it('removing a member unlinks its households and vacates its posts, reporting counts', () => {
    const s = smallCommunity();
    ok(editBuilding(s.roster, s.b58, { cadreId: s.members.jiang }, ctx));
    ok(addPoints(s.roster, { memberId: s.members.jiang, amount: 5, reason: '夜巡' }, ctx));
    const r = removeMember(s.roster, s.members.jiang, ctx);
    expect(r.type).toBe('done');
    if (r.type !== 'done') return;
    const unlinked = r.effects.find((e) => e.type === 'households-unlinked');
    expect(unlinked?.ids).toHaveLength(5);
    expect(unlinked?.message.zh).toBe('5 户已取消联系,需重新安排联系党员');
    expect(r.effects.map((e) => e.type)).toEqual(['households-unlinked', 'posts-vacated', 'points-removed']);
    const { view, problems } = readRoster(s.roster);
    expect(problems).toEqual([]);
    expect([...view.households.values()].filter((h) => h.memberId !== null)).toHaveLength(2);
    expect(view.buildings.get(s.b58)?.cadreId).toBeNull();
  });

  it('a member who leaves (inactive) keeps history but their households are unlinked', () => {
    const s = smallCommunity();
    const r = editMember(s.roster, s.members.wang, { active: false }, ctx);
    expect(r.type === 'done' && r.effects[0]?.ids).toHaveLength(2);
    expect(linkHousehold(s.roster, s.households[10]!, s.members.wang, ctx).type).toBe('rejected');
    expect(addMember(s.roster, { name: '新党员', phone: '12' }, ctx).type).toBe('rejected');
    expect(addMember(s.roster, { name: '新党员', groupId: 'ghost' }, ctx).type).toBe('rejected');
  });
});

describe('merging', () => {
  it('keeps both offline edits of different fields of one household', () => {
    const s = smallCommunity();
    const a = s.roster;
    const b = fork(a);
    const h = s.households[3]!;
    ok(editHousehold(a, h, { phone: '13911112222' }, ctx));
    ok(editHousehold(b, h, { size: 5, consent: 'nameAndPhone' }, ctx));
    ok(linkHousehold(b, h, s.members.xu, ctx));
    sync(a, b);
    for (const d of [a, b]) {
      const v = readRoster(d).view.households.get(h)!;
      expect([v.phone, v.size, v.consent, v.memberId]).toEqual(['13911112222', 5, 'nameAndPhone', s.members.xu]);
    }
  });

  it('a household added offline to a building removed elsewhere is reported, not lost silently', () => {
    const s = smallCommunity();
    const a = s.roster;
    const b = fork(a);
    ok(removeBuilding(a, s.b59, ctx));
    const added = ok(addHousehold(b, { buildingId: s.b59, unitId: s.u59, room: '1', head: '晚到' }, ctx));
    sync(a, b);
    const { view, problems } = readRoster(a);
    expect(view.households.has(added)).toBe(false);
    expect(problems.some((p) => p.code === 'dangling-ref' && p.path === `households/${added}`)).toBe(true);
  });

  it('a member removed while linked elsewhere reads as unlinked, reported', () => {
    const s = smallCommunity();
    const a = s.roster;
    const b = fork(a);
    ok(removeMember(a, s.members.xu, ctx));
    ok(linkHousehold(b, s.households[11]!, s.members.xu, ctx));
    sync(a, b);
    const { view, problems } = readRoster(b);
    expect(view.households.get(s.households[11]!)?.memberId).toBeNull();
    expect(problems.some((p) => p.code === 'dangling-ref' && p.message.en.includes('memberId'))).toBe(true);
  });
});

describe('hostile roster documents', () => {
  it('never throws and reports each bad entry', () => {
    const s = smallCommunity();
    const d = s.roster;
    d.getMap('households').set('bad1', { buildingId: s.b58, room: 1, head: '类型错' });
    d.getMap('households').set('bad2', 'string');
    d.getMap('households').set('bad key', { buildingId: s.b58, room: '1', head: 'x', createdAt: 0 });
    d.getMap('households').set('huge', { buildingId: s.b58, room: '1', head: 'x'.repeat(1_000_000), createdAt: 0 });
    d.getMap('households').set('nobldg', { buildingId: 'missing', room: '1', head: 'x', createdAt: 0 });
    d.getMap('members').set('m1', new Y.Map());
    d.getMap('units').set('u1', { buildingId: 'missing', number: '1' });
    d.getMap('edits/households').set(`${s.households[2]}/head`, 'y'.repeat(1_000_000));
    d.getMap('edits/households').set(`${s.households[2]}/phone`, '13000000000');
    d.getMap('edits/households').set('garbage', 1);
    d.getMap('settings').set('linkMax', 'ten');
    d.getMap('settings').set('stepRules', { nope: true });
    d.getMap('points').set('p1', { memberId: s.members.jiang, amount: 1e9, reason: 'x', by: 'a', at: 0 });
    d.getMap('relations').set('r1', { memberId: 'ghost', householdId: s.households[0], relation: '亲属' });
    const { view, problems } = readRoster(d);
    expect(view.households.size).toBe(12);
    const h2 = view.households.get(s.households[2] as HouseholdId)!;
    expect(h2.head).toBe('住户3');
    expect(h2.phone).toBe('13000000000');
    expect(view.settings.linkMax).toBe(10);
    expect(view.settings.stepRules.review.quorum?.fraction).toEqual({ num: 2, den: 3 });
    const paths = problems.map((p) => p.path);
    for (const p of ['households/bad1', 'households/bad2', 'households/bad key', 'households/huge', 'households/nobldg', 'members/m1', 'units/u1', `edits/households/${s.households[2]}/head`, 'settings/linkMax', 'settings/stepRules', 'points/p1', 'relations/r1']) {
      expect(paths).toContain(p);
    }
    for (const p of problems) expect(JSON.stringify(p).length).toBeLessThan(2000);
  });
});
