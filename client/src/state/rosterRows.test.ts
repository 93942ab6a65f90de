import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBuilding, addGrid, addHousehold, addMember, isDone, readRoster, searchMatcher, type CommandResult } from '@lianxin/model';
import { keptRosterKey, parseKeptRoster, projectKeptRoster } from './rosterRows';
import { rosterIndex } from './rosterIndex';
import type { PlaceLabels } from './usePlaceLabels';

function ok<T>(r: CommandResult<T>): T {
  if (!isDone(r)) throw new Error(r.message.en);
  return r.value;
}

const labels: PlaceLabels = {
  building: (b) => b.name ?? `${b.number}号楼`,
  unit: (u) => `${u.number}单元`,
  household: (roster, h) => {
    const b = roster.buildings.get(h.buildingId);
    const u = h.unitId ? roster.units.get(h.unitId) : undefined;
    return `${b ? labels.building(b) : '?'}${u ? labels.unit(u) : ''}${h.room}`;
  },
};
const role = (r: string) => `role:${r}`;

function community() {
  const doc = new Y.Doc();
  const ctx = { actor: 'test', now: 1_700_000_000_000 };
  const member = ok(addMember(doc, { name: '王党员' }, ctx));
  const g1 = ok(addGrid(doc, { name: '第一网格', order: 1 }, ctx));
  const g2 = ok(addGrid(doc, { name: '第二网格', order: 2 }, ctx));
  const b58 = ok(addBuilding(doc, { gridId: g2, number: '58', units: ['3'] }, ctx));
  const b3 = ok(addBuilding(doc, { gridId: g1, number: '3' }, ctx));
  ok(addHousehold(doc, { buildingId: b58.buildingId, unitId: b58.unitIds[0], room: '101', head: '孙丽华', memberId: member, phone: '13900000001' }, ctx));
  ok(addHousehold(doc, { buildingId: b3.buildingId, room: '202', head: '钱志远' }, ctx));
  ok(addHousehold(doc, { buildingId: b3.buildingId, room: '201', head: '<b>赵</b>' }, ctx));
  return { doc, g1, g2 };
}

describe('the roster rows kept beside the document (the page\'s starting state)', () => {
  it('holds every household in the table\'s order as the table shows it, with the search key, the grids and the member count', () => {
    const { doc, g1, g2 } = community();
    const roster = readRoster(doc).view;
    const kept = projectKeptRoster(roster, labels, role)!;
    expect(parseKeptRoster(kept)).toEqual(kept);
    expect(kept.members).toBe(1);
    expect(kept.grids).toEqual([{ id: g1, name: '第一网格' }, { id: g2, name: '第二网格' }]);
    expect(kept.rows.map((r) => r.id)).toEqual(rosterIndex(roster).households.map((h) => h.id));
    expect(kept.rows.map((r) => r.head)).toEqual(['<b>赵</b>', '钱志远', '孙丽华']);
    expect(kept.rows[2]).toMatchObject({ address: '58号楼3单元101', member: '王党员', phone: '13900000001', roles: [] });
    // The kept search finds what the live search finds (五十八 finds 58号楼, a member's name, a phone).
    const find = (q: string) => kept.rows.filter((r) => searchMatcher(q)!(r.key)).map((r) => r.head);
    expect(find('五十八')).toEqual(['孙丽华']);
    expect(find('王党员')).toEqual(['孙丽华']);
    expect(find('202')).toEqual(['钱志远']);
  });

  it('refuses a kept value that is not one (any tab of the origin could have written it)', () => {
    const kept = projectKeptRoster(readRoster(community().doc).view, labels, role)!;
    expect(parseKeptRoster('garbage')).toBeNull();
    expect(parseKeptRoster({ ...kept, members: -1 })).toBeNull();
    expect(parseKeptRoster({ ...kept, rows: [{ ...kept.rows[0], key: 1 }] })).toBeNull();
    expect(parseKeptRoster({ ...kept, rows: [{ ...kept.rows[0], head: 'x'.repeat(201) }] })).toBeNull();
    expect(parseKeptRoster({ ...kept, rows: [{ ...kept.rows[0] }].map(({ key: _key, ...rest }) => rest) })).toBeNull();
    // Each field of a row, one at a time (the row check is written out by hand).
    const row = kept.rows[0]!;
    for (const bad of [{ id: 7 }, { address: null }, { phone: 139 }, { phone: 'x'.repeat(41) }, { size: 1.5 }, { size: -1 }, { size: '2' }, { roles: 'helper' }, { roles: [1] }, { roles: Array(11).fill('r') }, { member: 0 }, { member: 'x'.repeat(201) }])
      expect(parseKeptRoster({ ...kept, rows: [{ ...row, ...bad }] }), JSON.stringify(bad)).toBeNull();
    expect(parseKeptRoster({ ...kept, rows: [row, null] })).toBeNull();
    expect(parseKeptRoster({ ...kept, rows: [[row]] })).toBeNull();
    expect(parseKeptRoster({ ...kept, rows: [{ ...row, phone: null, member: null, roles: [] }] })).not.toBeNull();
    expect(keptRosterKey('a.b/c')).toBe('roster-rows-v1-abc');
  });
});
