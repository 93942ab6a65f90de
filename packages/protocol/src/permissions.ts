import { Role, type RegionRole } from './role';
import type { DocKind } from './room';

export const Access = { none: 'none', read: 'read', write: 'write' } as const;
export type Access = (typeof Access)[keyof typeof Access];

const { none, read, write } = Access;

/**
 * DESIGN.md's table, exactly. `write` implies read. A region role's cell holds only for what lies
 * in its region (a township's own communities, a county's townships' communities, its own region
 * document): the relay checks that relation before it reads the table (`regionAccess`).
 */
export const PERMISSIONS: Readonly<Record<Role, Readonly<Record<DocKind, Access>>>> = {
  secretary: { roster: write, care: write, work: write, meetings: write, minutes: write, public: write, escalations: write, summary: write, region: none },
  committee: { roster: write, care: write, work: write, meetings: write, minutes: write, public: write, escalations: write, summary: write, region: none },
  member: { roster: read, care: none, work: write, meetings: read, minutes: read, public: read, escalations: read, summary: read, region: none },
  township: { roster: none, care: none, work: none, meetings: read, minutes: read, public: read, escalations: write, summary: read, region: write },
  county: { roster: none, care: none, work: none, meetings: none, minutes: none, public: read, escalations: none, summary: read, region: write },
  public: { roster: none, care: none, work: none, meetings: none, minutes: none, public: read, escalations: none, summary: none, region: none },
};

export function accessFor(role: Role, kind: DocKind): Access {
  return PERMISSIONS[role][kind];
}

export function canRead(role: Role, kind: DocKind): boolean {
  return accessFor(role, kind) !== none;
}

export function canWrite(role: Role, kind: DocKind): boolean {
  return accessFor(role, kind) === write;
}

/**
 * How a region token stands to the document's owner: `own` (its own region document, or a
 * community its region holds), `above` (the region document of the county above a township),
 * `below` (the region document of a township in the county), or `none`.
 */
export type RegionRelation = 'own' | 'above' | 'below' | 'none';

/**
 * What a region role may do with a document given its relation to the owner: the table's cell for
 * its own; a neighbour's region document read-only (a township follows its county's criteria and
 * rankings; a county reads its townships' ratings and pairings); nothing outside its region.
 */
export function regionAccess(role: RegionRole, kind: DocKind, relation: RegionRelation): Access {
  if (relation === 'own') return accessFor(role, kind);
  if (kind !== 'region') return none;
  if ((role === Role.township && relation === 'above') || (role === Role.county && relation === 'below')) return read;
  return none;
}

/** Only the secretary may invite and revoke in a community; region staff in their own region. */
export function canManagePeople(role: Role): boolean {
  return role === Role.secretary || role === Role.township || role === Role.county;
}
