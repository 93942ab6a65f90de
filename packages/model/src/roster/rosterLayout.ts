/** Top-level names in the `roster` document (see README "Document layout"). */
export const RosterLayout = {
  meta: 'meta',
  settings: 'settings',
  grids: 'grids',
  buildings: 'buildings',
  units: 'units',
  households: 'households',
  members: 'members',
  groups: 'groups',
  relations: 'relations',
  points: 'points',
} as const;

export const ROSTER_SCHEMA_VERSION = 1;
