import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBuilding, addGrid, addHousehold, addMember, isDone, readRoster, searchMatcher, type CommandResult } from '@lianxin/model';
import { keptCount, keptRosterKey, keptRowAt, parseKeptRoster, projectKeptRoster, type KeptRoster } from './rosterRows';

const rowsOf = (kept: KeptRoster) => Array.from({ length: keptCount(kept) }, (_, i) => keptRowAt(kept, i));
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
    const rows = rowsOf(kept);
    expect(rows.map((r) => r.id)).toEqual(rosterIndex(roster).households.map((h) => h.id));
    expect(rows.map((r) => r.head)).toEqual(['<b>赵</b>', '钱志远', '孙丽华']);
    expect(rows[2]).toMatchObject({ address: '58号楼3单元101', member: '王党员', phone: '13900000001', roles: [] });
    // The kept search finds what the live search finds (五十八 finds 58号楼, a member's name, a phone).
    const find = (q: string) => rows.filter((r) => searchMatcher(q)!(r.key)).map((r) => r.head);
    expect(find('五十八')).toEqual(['孙丽华']);
    expect(find('王党员')).toEqual(['孙丽华']);
    expect(find('202')).toEqual(['钱志远']);
  });

  it('gives a household its roles back as a list', () => {
    const kept = projectKeptRoster(readRoster(community().doc).view, labels, role)!;
    const withRoles: KeptRoster = { ...kept, rows: { ...kept.rows, roles: ['role:a\nrole:b', '', 'role:c'] } };
    expect(rowsOf(withRoles).map((r) => r.roles)).toEqual([['role:a', 'role:b'], [], ['role:c']]);
  });

  it('refuses a kept value that is not one (any tab of the origin could have written it)', () => {
    const kept = projectKeptRoster(readRoster(community().doc).view, labels, role)!;
    expect(parseKeptRoster(kept)).not.toBeNull();
    expect(parseKeptRoster('garbage')).toBeNull();
    expect(parseKeptRoster({ ...kept, members: -1 })).toBeNull();
    expect(parseKeptRoster({ ...kept, format: undefined })).toBeNull();
    // Format 1 (an object per household) under the same key: not read, replaced at the next keep.
    expect(parseKeptRoster({ members: 1, grids: [], rows: [{ ...keptRowAt(kept, 0) }] })).toBeNull();
    // Each column, one at a time: a wrong value in it, or a length unlike the others.
    const c = kept.rows;
    const bad: Record<string, unknown[]> = {
      id: [7, 'x'.repeat(101)],
      address: [null, 'x'.repeat(201)],
      head: [undefined, 'x'.repeat(201)],
      phone: [139, 'x'.repeat(41)],
      size: [1.5, -1, '2'],
      roles: [['helper'], 1, 'x'.repeat(10 * 41 + 1)],
      member: [0, 'x'.repeat(201)],
      key: [1, 'x'.repeat(1001)],
    };
    for (const [name, values] of Object.entries(bad))
      for (const value of values) {
        const column = [...(c[name as keyof typeof c] as unknown[])];
        column[1] = value;
        expect(parseKeptRoster({ ...kept, rows: { ...c, [name]: column } }), `${name} ${JSON.stringify(value)}`).toBeNull();
      }
    for (const name of Object.keys(bad)) {
      expect(parseKeptRoster({ ...kept, rows: { ...c, [name]: (c[name as keyof typeof c] as unknown[]).slice(1) } }), `${name} shorter`).toBeNull();
      expect(parseKeptRoster({ ...kept, rows: { ...c, [name]: undefined } }), `${name} missing`).toBeNull();
    }
    expect(parseKeptRoster({ ...kept, rows: null })).toBeNull();
    expect(parseKeptRoster({ ...kept, rows: { ...c, phone: c.phone.map(() => null), member: c.member.map(() => null), roles: c.roles.map(() => '') } })).not.toBeNull();
    expect(keptRosterKey('a.b/c')).toBe('roster-rows-v1-abc');
  });
});
