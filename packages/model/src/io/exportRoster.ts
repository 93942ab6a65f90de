/** Export the roster as committees keep it: one row per household, Chinese headers. */
import { LABELS } from '../domain/vocabulary';
import { buildingLabel, unitLabel } from '../roster/labels';
import type { RosterView } from '../roster/rosterView';
import { toCsv } from './csv';
import { ROSTER_COLUMNS } from './rosterColumns';
import { compareZhNumeric } from '../core/zhCollator';


const CONSENT_WORD = { none: '否', name: '仅姓名', nameAndPhone: '是' } as const;

/** Header row plus one row per household, ordered by grid, building, unit and room. */
export function rosterRows(roster: RosterView): string[][] {
  const header = ROSTER_COLUMNS.map((c) => c.header.zh);
  const rows = [...roster.households.values()].map((h) => {
    const b = roster.buildings.get(h.buildingId)!;
    const g = roster.grids.get(b.gridId);
    const u = h.unitId ? roster.units.get(h.unitId) : undefined;
    const member = h.memberId ? roster.members.get(h.memberId) : undefined;
    return {
      sort: [String(g?.order ?? 0).padStart(6, '0'), g?.name ?? '', b.compound ?? '', buildingLabel(b), u ? unitLabel(u) : '', h.room],
      cells: [
        g?.name ?? '',
        b.compound ?? '',
        b.number,
        u?.number ?? '',
        h.room,
        h.head,
        h.phone ?? '',
        String(h.size),
        member?.name ?? '',
        h.roles.map((r) => LABELS.householdRole[r].zh).join('、'),
        CONSENT_WORD[h.consent],
        h.representative ? '是' : '否',
      ],
    };
  });
  rows.sort((a, b) => {
    for (let i = 0; i < a.sort.length; i++) {
      const c = compareZhNumeric(a.sort[i]!, b.sort[i]!);
      if (c) return c;
    }
    return 0;
  });
  return [header, ...rows.map((r) => r.cells)];
}

export function exportRosterCsv(roster: RosterView): string {
  return toCsv(rosterRows(roster));
}
