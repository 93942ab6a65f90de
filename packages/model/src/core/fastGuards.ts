/**
 * Allocation-free checks for the big collections (households, members, visits). Opening a
 * 3,600-household roster must stay under 50 ms, and zod's copying parse of every record is most
 * of that. A guard accepts only records zod would accept unchanged apart from defaults, and
 * returns them with defaults filled; anything else (unknown keys, duplicates, bad values) goes to
 * the zod schema, which stays the single authority on what is valid and reports why not.
 */
import { ID_PATTERN } from './ids';
import { isIsoDate, MAX } from './schema';

export type Fast<T> = (raw: Record<string, unknown>) => T | null;

const idOk = (v: unknown) => typeof v === 'string' && v.length <= 64 && ID_PATTERN.test(v);
const optId = (v: unknown) => v === undefined || v === null || idOk(v);
const str = (v: unknown, max: number, min = 0) => typeof v === 'string' && v.length <= max && v.length >= min;
const optStr = (v: unknown, max: number) => v === undefined || v === null || str(v, max);
const int = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const time = (v: unknown) => int(v, 0, 8.64e15);
const optBool = (v: unknown) => v === undefined || typeof v === 'boolean';
const oneOf = (set: ReadonlySet<string>) => (v: unknown) => typeof v === 'string' && set.has(v);

/** A list of distinct allowed strings (duplicates go to zod, which removes them). */
function distinct(v: unknown, allowed: ReadonlySet<string>, max: number): boolean {
  if (v === undefined) return true;
  if (!Array.isArray(v) || v.length > max) return false;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== 'string' || !allowed.has(x)) return false;
    for (let j = 0; j < i; j++) if (v[j] === x) return false;
  }
  return true;
}

function onlyKeys(raw: Record<string, unknown>, keys: ReadonlySet<string>): boolean {
  for (const k in raw) if (!keys.has(k)) return false;
  return true;
}

const CONSENT = new Set(['none', 'name', 'nameAndPhone']);
const ROLES = new Set(['member', 'hub', 'police', 'business', 'property']);
const DUTIES = new Set(['policy', 'information', 'employment', 'mediation', 'sanitation', 'safety', 'civility', 'emergency']);
const CATEGORIES = new Set(['selfManaged', 'employed', 'retired', 'mobile', 'hardship']);
const BRANCH = new Set(['secretary', 'deputy', 'member']);
const RESIDENTS = new Set(['director', 'deputy', 'member']);
const VISIT_KINDS = new Set(['routine', 'hardship', 'accident', 'conflict']);
const consentOk = oneOf(CONSENT);
const visitKindOk = oneOf(VISIT_KINDS);
const categoryOk = oneOf(CATEGORIES);
const NO_ROLES: readonly never[] = Object.freeze([]);

const HOUSEHOLD_KEYS = new Set(['buildingId', 'unitId', 'room', 'head', 'phone', 'size', 'roles', 'memberId', 'linkedAt', 'representative', 'consent', 'createdAt']);

export function fastHousehold<T>(raw: Record<string, unknown>): T | null {
  if (
    onlyKeys(raw, HOUSEHOLD_KEYS) &&
    idOk(raw.buildingId) &&
    optId(raw.unitId) &&
    str(raw.room, MAX.label) &&
    str(raw.head, MAX.name, 1) &&
    optStr(raw.phone, MAX.phone) &&
    (raw.size === undefined || int(raw.size, 0, 99)) &&
    distinct(raw.roles, ROLES, 10) &&
    optId(raw.memberId) &&
    (raw.linkedAt === undefined || raw.linkedAt === null || time(raw.linkedAt)) &&
    optBool(raw.representative) &&
    (raw.consent === undefined || consentOk(raw.consent)) &&
    time(raw.createdAt)
  ) {
    // Built field by field: records decoded by lib0 are dictionary-mode objects, slow to spread.
    return {
      buildingId: raw.buildingId,
      unitId: raw.unitId ?? null,
      room: raw.room,
      head: raw.head,
      phone: raw.phone ?? null,
      size: raw.size ?? 1,
      roles: raw.roles ?? NO_ROLES,
      memberId: raw.memberId ?? null,
      linkedAt: raw.linkedAt ?? null,
      representative: raw.representative ?? false,
      consent: raw.consent ?? 'none',
      createdAt: raw.createdAt,
    } as T;
  }
  return null;
}

const MEMBER_KEYS = new Set(['name', 'phone', 'category', 'duties', 'groupId', 'branchPost', 'residentsPost', 'representative', 'householdId', 'pledge', 'consent', 'capacity', 'active', 'createdAt']);

export function fastMember<T>(raw: Record<string, unknown>): T | null {
  if (
    onlyKeys(raw, MEMBER_KEYS) &&
    str(raw.name, MAX.name, 1) &&
    optStr(raw.phone, MAX.phone) &&
    (raw.category === undefined || categoryOk(raw.category)) &&
    distinct(raw.duties, DUTIES, 10) &&
    optId(raw.groupId) &&
    (raw.branchPost === undefined || raw.branchPost === null || BRANCH.has(raw.branchPost as string)) &&
    (raw.residentsPost === undefined || raw.residentsPost === null || RESIDENTS.has(raw.residentsPost as string)) &&
    optBool(raw.representative) &&
    optId(raw.householdId) &&
    optStr(raw.pledge, MAX.text) &&
    (raw.consent === undefined || consentOk(raw.consent)) &&
    (raw.capacity === undefined || raw.capacity === null || int(raw.capacity, 1, 100)) &&
    optBool(raw.active) &&
    time(raw.createdAt)
  ) {
    return {
      name: raw.name,
      phone: raw.phone ?? null,
      category: raw.category ?? 'selfManaged',
      duties: raw.duties ?? NO_ROLES,
      groupId: raw.groupId ?? null,
      branchPost: raw.branchPost ?? null,
      residentsPost: raw.residentsPost ?? null,
      representative: raw.representative ?? false,
      householdId: raw.householdId ?? null,
      pledge: raw.pledge ?? null,
      consent: raw.consent ?? 'none',
      capacity: raw.capacity ?? null,
      active: raw.active ?? true,
      createdAt: raw.createdAt,
    } as T;
  }
  return null;
}

const VISIT_KEYS = new Set(['memberId', 'householdId', 'date', 'kind', 'note', 'by', 'at']);

export function fastVisit<T>(raw: Record<string, unknown>): T | null {
  if (onlyKeys(raw, VISIT_KEYS) && idOk(raw.memberId) && idOk(raw.householdId) && isIsoDate(raw.date) && visitKindOk(raw.kind) && (raw.note === undefined || str(raw.note, MAX.text)) && str(raw.by, MAX.name, 1) && time(raw.at)) {
    return { memberId: raw.memberId, householdId: raw.householdId, date: raw.date, kind: raw.kind, note: raw.note ?? '', by: raw.by, at: raw.at } as T;
  }
  return null;
}
