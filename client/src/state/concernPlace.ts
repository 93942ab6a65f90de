import type { BuildingId, Concern, GridId, HouseholdId, RosterView } from '@lianxin/model';

/** The building and grid a concern belongs to: its place, or its reporting household's. */
export function concernPlace(roster: RosterView, c: Concern): { buildingId: BuildingId | null; gridId: GridId | null } {
  const household = c.reporter.type === 'household' ? roster.households.get(c.reporter.householdId as HouseholdId) : undefined;
  const buildingId = c.place.buildingId ?? household?.buildingId ?? null;
  const building = buildingId ? roster.buildings.get(buildingId) : undefined;
  return { buildingId, gridId: building?.gridId ?? null };
}
