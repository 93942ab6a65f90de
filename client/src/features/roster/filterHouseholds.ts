import { searchMatcher, type Household, type RosterView } from '@lianxin/model';
import { householdSearchKeys, rosterIndex } from '../../state/rosterIndex';
import type { TreeSelection } from './RosterTree';

/** Households under the selected tree node whose address, head, phone or member matches the query (５８ and 五十八 find 58号楼). */
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
  const matches = searchMatcher(query);
  if (!matches) return list;
  const keys = householdSearchKeys(roster);
  return list.filter((h) => matches(keys.get(h.id) ?? ''));
}
