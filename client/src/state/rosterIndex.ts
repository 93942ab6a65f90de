// Derived lookups over a roster view, computed once per roster snapshot and shared.
import { compareZhNumeric, householdLabel, searchKey, type Building, type BuildingId, type Grid, type GridId, type Household, type HouseholdId, type Member, type MemberId, type RosterView, type Unit, type UnitId } from '@lianxin/model';

export interface RosterIndex {
  readonly grids: readonly Grid[];
  readonly buildingsByGrid: ReadonlyMap<GridId, readonly Building[]>;
  readonly unitsByBuilding: ReadonlyMap<BuildingId, readonly Unit[]>;
  /** households of a unit, or of a building without units (key: building id) */
  readonly householdsByPlace: ReadonlyMap<UnitId | BuildingId, readonly Household[]>;
  readonly householdsByBuilding: ReadonlyMap<BuildingId, readonly Household[]>;
  readonly householdsByMember: ReadonlyMap<MemberId, readonly Household[]>;
  readonly households: readonly Household[];
  readonly members: readonly Member[];
  readonly memberById: ReadonlyMap<MemberId, Member>;
  readonly householdById: ReadonlyMap<HouseholdId, Household>;
}

const byNumber = <T extends { number: string }>(a: T, b: T) => compareZhNumeric(a.number, b.number);

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const cache = new WeakMap<RosterView, RosterIndex>();

export function rosterIndex(view: RosterView): RosterIndex {
  const hit = cache.get(view);
  if (hit) return hit;
  const grids = [...view.grids.values()].sort((a, b) => a.order - b.order || compareZhNumeric(a.name, b.name));
  const buildingsByGrid = new Map<GridId, Building[]>();
  for (const b of view.buildings.values()) push(buildingsByGrid, b.gridId, b);
  for (const list of buildingsByGrid.values()) list.sort(byNumber);
  const unitsByBuilding = new Map<BuildingId, Unit[]>();
  for (const u of view.units.values()) push(unitsByBuilding, u.buildingId, u);
  for (const list of unitsByBuilding.values()) list.sort(byNumber);

  const order = new Map<BuildingId, number>();
  let i = 0;
  for (const g of grids) for (const b of buildingsByGrid.get(g.id) ?? []) order.set(b.id, i++);
  const unitOrder = new Map<UnitId, number>();
  for (const list of unitsByBuilding.values()) list.forEach((u, n) => unitOrder.set(u.id, n));
  const households = [...view.households.values()].sort(
    (a, b) =>
      (order.get(a.buildingId) ?? 0) - (order.get(b.buildingId) ?? 0) ||
      (a.unitId ? (unitOrder.get(a.unitId) ?? 0) : -1) - (b.unitId ? (unitOrder.get(b.unitId) ?? 0) : -1) ||
      compareZhNumeric(a.room, b.room),
  );
  const householdsByPlace = new Map<UnitId | BuildingId, Household[]>();
  const householdsByBuilding = new Map<BuildingId, Household[]>();
  const householdsByMember = new Map<MemberId, Household[]>();
  for (const h of households) {
    push(householdsByPlace, h.unitId ?? h.buildingId, h);
    push(householdsByBuilding, h.buildingId, h);
    if (h.memberId) push(householdsByMember, h.memberId, h);
  }
  const members = [...view.members.values()].sort((a, b) => compareZhNumeric(a.name, b.name));
  const index: RosterIndex = {
    grids,
    buildingsByGrid,
    unitsByBuilding,
    householdsByPlace,
    householdsByBuilding,
    householdsByMember,
    households,
    members,
    memberById: view.members,
    householdById: view.households,
  };
  cache.set(view, index);
  return index;
}

const searchCache = new WeakMap<RosterView, ReadonlyMap<HouseholdId, string>>();

/**
 * What roster search looks through for each household: its address (58号楼3单元101, with the
 * compound), head, phone and linked member, as `searchKey` spells them so ５８ and 五十八 find 58.
 * Built on the first search of a roster snapshot, not on every render.
 */
export function householdSearchKeys(view: RosterView): ReadonlyMap<HouseholdId, string> {
  const hit = searchCache.get(view);
  if (hit) return hit;
  const keys = new Map<HouseholdId, string>();
  for (const h of view.households.values()) {
    const compound = view.buildings.get(h.buildingId)?.compound ?? '';
    const member = h.memberId ? (view.members.get(h.memberId)?.name ?? '') : '';
    keys.set(h.id, searchKey(`${compound}${householdLabel(view, h)} ${h.head} ${h.phone ?? ''} ${member}`));
  }
  searchCache.set(view, keys);
  return keys;
}
