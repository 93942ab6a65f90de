import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addBuilding, addGrid, addHousehold, addMember, isDone, readRoster, type CommandResult } from '@lianxin/model';
import { FIRST_SCREEN_ROWS, firstScreenKey, parseFirstScreen } from './firstScreen';
import { projectFirstScreen, type FirstScreenText } from './rosterFirstScreen';
import type { PlaceLabels } from './usePlaceLabels';

function ok<T>(r: CommandResult<T>): T {
  if (!isDone(r)) throw new Error(r.message.en);
  return r.value;
}

// The labels the page uses, in a fixed language (the hook needs React and the interface strings).
const labels: PlaceLabels = {
  building: (b) => b.name ?? `${b.number}号楼`,
  unit: (u) => `${u.number}单元`,
  household: (roster, h) => {
    const b = roster.buildings.get(h.buildingId);
    const u = h.unitId ? roster.units.get(h.unitId) : undefined;
    return `${b ? labels.building(b) : '?'}${u ? labels.unit(u) : ''}${h.room}`;
  },
};

// The words in a fixed language: the key, with the count where there is one.
const words: FirstScreenText = {
  t: (key, options) => (options ? `${key}(${options.count})` : key),
  role: (role) => `role:${role}`,
};

describe('the roster first screen kept beside the document', () => {
  it('holds the counts, the grids and the first households in the table\'s order, as the table shows them', () => {
    const doc = new Y.Doc();
    const ctx = { actor: 'test', now: 1_700_000_000_000 };
    const member = ok(addMember(doc, { name: '王党员' }, ctx));
    const g1 = ok(addGrid(doc, { name: '第一网格', order: 1 }, ctx));
    const b = ok(addBuilding(doc, { gridId: g1, number: '3', units: ['1'] }, ctx));
    for (let i = FIRST_SCREEN_ROWS + 5; i > 0; i--) {
      ok(addHousehold(doc, { buildingId: b.buildingId, unitId: b.unitIds[0], room: String(100 + i), head: `户主${i}`, memberId: i === 1 ? member : undefined, phone: i === 2 ? '13900000002' : undefined }, ctx));
    }
    const screen = projectFirstScreen(readRoster(doc).view, labels, words);
    expect(parseFirstScreen(screen)).toEqual(screen);
    expect(screen.words).toMatchObject({ title: 'nav.roster', allHouseholds: `roster.allHouseholds(${FIRST_SCREEN_ROWS + 5})`, membersCount: 'roster.membersCount(1)' });
    expect(screen.words.headers).toHaveLength(6);
    expect(screen.grids).toEqual([{ id: g1, name: '第一网格' }]);
    expect(screen.rows).toHaveLength(FIRST_SCREEN_ROWS);
    expect(screen.rows[0]).toMatchObject({ address: '3号楼1单元101', head: '户主1', member: '王党员', phone: null });
    expect(screen.rows[1]).toMatchObject({ address: '3号楼1单元102', member: null, phone: '13900000002' });
  });

  it('keeps hostile values as text within bounds, and an unreadable kept value is refused by the schema', () => {
    const doc = new Y.Doc();
    const ctx = { actor: 'test', now: 1_700_000_000_000 };
    const g1 = ok(addGrid(doc, { name: '网格', order: 1 }, ctx));
    const b = ok(addBuilding(doc, { gridId: g1, number: '1' }, ctx));
    const hostile = `<script>alert(1)</script>${'长'.repeat(75)}`;
    ok(addHousehold(doc, { buildingId: b.buildingId, room: '1', head: hostile }, ctx));
    const screen = projectFirstScreen(readRoster(doc).view, labels, words);
    expect(screen.rows[0]!.head).toBe(hostile); // rendered as a text node by the preview
    expect(parseFirstScreen(screen)).not.toBeNull();
    expect(parseFirstScreen({ ...screen, rows: [{ ...screen.rows[0], head: 'x'.repeat(201) }] })).toBeNull();
    expect(parseFirstScreen({ ...screen, rows: [{ ...screen.rows[0], size: -1 }] })).toBeNull();
    expect(parseFirstScreen({ ...screen, words: { ...screen.words, headers: ['one'] } })).toBeNull();
    expect(parseFirstScreen('garbage')).toBeNull();
    expect(parseFirstScreen({ households: 3, members: 0, grids: [], rows: [] })).toBeNull(); // the v1 format
    expect(parseFirstScreen(screen)).toEqual(screen);
  });

  it('keys the kept screen by format and language, as a valid view key', () => {
    expect(firstScreenKey('zh-CN')).toBe('roster-first-screen-v2-zh-CN');
    expect(firstScreenKey('en')).toMatch(/^[\w-]+$/);
    expect(firstScreenKey('a.b/c')).toBe('roster-first-screen-v2-abc');
  });
});
