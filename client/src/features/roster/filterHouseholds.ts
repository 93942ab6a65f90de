import type { Household, RosterView } from '@lianxin/model';
import { rosterIndex } from '../../state/rosterIndex';
import type { TreeSelection } from './RosterTree';

/** Households under the selected tree node whose head, phone, room or member matches the query. */
export function filterHouseholds(roster: RosterView, selection: TreeSelection, query: string): readonly Household[] {
  const index = rosterIndex(roster);
  let list: readonly Household[];
  switch (selection.type) {
    case 'all':
    case 'household':
      list = index.households;
      break;
    case 'grid': {
      const buildings = new Set((index.buildingsByGrid.get(selection.id as never) ?? []).map((b) => b.id));
      list = index.households.filter((h) => buildings.has(h.buildingId));
      break;
    }
    case 'building':
      list = index.householdsByBuilding.get(selection.id as never) ?? [];
      break;
    case 'unit':
      list = index.householdsByPlace.get(selection.id as never) ?? [];
      break;
  }
  const q = query.trim().toLowerCase();
  if (q === '') return list;
  return list.filter((h) => {
    const member = h.memberId ? roster.members.get(h.memberId)?.name : undefined;
    return h.head.toLowerCase().includes(q) || h.room.toLowerCase().includes(q) || (h.phone ?? '').includes(q) || (member ?? '').toLowerCase().includes(q);
  });
}
