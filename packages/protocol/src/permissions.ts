import { Role } from './role';
import type { DocKind } from './room';

export const Access = { none: 'none', read: 'read', write: 'write' } as const;
export type Access = (typeof Access)[keyof typeof Access];

const { none, read, write } = Access;

/** DESIGN.md's table, exactly. `write` implies read. */
export const PERMISSIONS: Readonly<Record<Role, Readonly<Record<DocKind, Access>>>> = {
  secretary: { roster: write, care: write, work: write, meetings: write, minutes: write, public: write },
  committee: { roster: write, care: write, work: write, meetings: write, minutes: write, public: write },
  member: { roster: read, care: none, work: write, meetings: read, minutes: read, public: read },
  public: { roster: none, care: none, work: none, meetings: none, minutes: none, public: read },
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

/** Only the secretary may invite and revoke. */
export function canManagePeople(role: Role): boolean {
  return role === Role.secretary;
}
