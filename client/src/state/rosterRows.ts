// The roster page's starting state, kept beside the roster document (LocalDocStore.writeView):
// every household as the table shows it, in the page's order, with what search looks through,
// plus the grids and the number of members. A cold open renders the live page from it — search
// working — while the roster document loads, then switches to the document in the same tree.
// ~100 bytes a household: 3,600 households read from IndexedDB in one structured clone.
//
// Checked by hand, not with zod (like firstScreen.ts): it is read on the critical path.
import type { Household, HouseholdRole, RosterView } from '@lianxin/model';
import { FIRST_SCREEN_LIMITS as L, fields, isKeptGrid, list, orNull, text, type Check, type FirstScreenRow } from './firstScreen';
import { householdSearchKeys, rosterIndex } from './rosterIndex';
import type { PlaceLabels } from './usePlaceLabels';

/** More households than any community has; a larger roster keeps no rows (the page loads the document). */
export const KEPT_ROWS_LIMIT = 20_000;
const KEY_LIMIT = 1_000;

/** A household row and its search key (`householdSearchKeys`). */
export interface KeptRosterRow extends FirstScreenRow {
  readonly key: string;
}

/**
 * The households column by column, in the table's order: a few long arrays, not thousands of
 * small objects, so the boot read's structured clone and the check below are quick (a row is made
 * when it is drawn, `keptRowAt`). `roles` holds each household's role labels joined by a newline.
 */
export interface KeptRosterColumns {
  readonly id: readonly string[];
  readonly address: readonly string[];
  readonly head: readonly string[];
  readonly phone: readonly (string | null)[];
  readonly size: readonly number[];
  readonly roles: readonly string[];
  readonly member: readonly (string | null)[];
  readonly key: readonly string[];
}

export interface KeptRoster {
  /** 2: columns (format 1 kept an object per household) */
  readonly format: 2;
  readonly members: number;
  readonly grids: readonly { readonly id: string; readonly name: string }[];
  readonly rows: KeptRosterColumns;
}

/**
 * Kept per language (addresses and roles are words). The key keeps its name from format 1, so the
 * new value replaces an old one in place (under a new key the old value would stay in the row and
 * be read on every open); an old value does not parse, and the page loads the document once.
 */
export const keptRosterKey = (language: string) => `roster-rows-v1-${language.replace(/[^\w-]/g, '')}`;

const ROLE_SEPARATOR = '\n';

/** How many households the kept rows hold. */
export const keptCount = (kept: KeptRoster): number => kept.rows.id.length;

/** The household at `index` of the kept rows, as the table draws it. */
export function keptRowAt(kept: KeptRoster, index: number): KeptRosterRow {
  const c = kept.rows;
  const roles = c.roles[index]!;
  return { id: c.id[index]!, address: c.address[index]!, head: c.head[index]!, phone: c.phone[index]!, size: c.size[index]!, roles: roles === '' ? [] : roles.split(ROLE_SEPARATOR), member: c.member[index]!, key: c.key[index]! };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One household as the roster table shows it (clipped to what a kept row may hold). */
export function householdRow(roster: RosterView, h: Household, labels: PlaceLabels, role: (r: HouseholdRole) => string): FirstScreenRow {
  return {
    id: clip(h.id, L.id),
    address: clip(labels.household(roster, h), L.name),
    head: clip(h.head, L.name),
    phone: h.phone === null ? null : clip(h.phone, L.phone),
    size: h.size,
    roles: [...h.roles].slice(0, L.roles).map((r) => clip(role(r), L.role)),
    member: h.memberId ? clip(roster.members.get(h.memberId)?.name ?? '', L.name) || null : null,
  };
}

/** What the page keeps of the live roster (null: too large to keep). */
export function projectKeptRoster(roster: RosterView, labels: PlaceLabels, role: (r: HouseholdRole) => string): KeptRoster | null {
  const index = rosterIndex(roster);
  if (index.households.length > KEPT_ROWS_LIMIT || index.grids.length > L.grids) return null;
  const keys = householdSearchKeys(roster);
  const rows = { id: [] as string[], address: [] as string[], head: [] as string[], phone: [] as (string | null)[], size: [] as number[], roles: [] as string[], member: [] as (string | null)[], key: [] as string[] };
  for (const h of index.households) {
    const row = householdRow(roster, h, labels, role);
    rows.id.push(row.id);
    rows.address.push(row.address);
    rows.head.push(row.head);
    rows.phone.push(row.phone);
    rows.size.push(row.size);
    rows.roles.push(row.roles.map((r) => r.replaceAll(ROLE_SEPARATOR, ' ')).join(ROLE_SEPARATOR));
    rows.member.push(row.member);
    rows.key.push(clip(keys.get(h.id) ?? '', KEY_LIMIT));
  }
  return { format: 2, members: roster.members.size, grids: index.grids.map((g) => ({ id: clip(g.id, L.id), name: clip(g.name, L.name) })), rows };
}

/** Whether `v` is an array of `count` values each passing `item`. */
function column(v: unknown, count: number, item: Check): boolean {
  if (!Array.isArray(v) || v.length !== count) return false;
  for (const x of v) if (!item(x)) return false;
  return true;
}
const isSize: Check = (x) => Number.isSafeInteger(x) && (x as number) >= 0;
const ROLES_LIMIT = L.roles * (L.role + 1);

function isKeptColumns(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  const count = Array.isArray(c.id) ? c.id.length : -1;
  return (
    count >= 0 &&
    count <= KEPT_ROWS_LIMIT &&
    column(c.id, count, text(L.id)) &&
    column(c.address, count, text(L.name)) &&
    column(c.head, count, text(L.name)) &&
    column(c.phone, count, orNull(text(L.phone))) &&
    column(c.size, count, isSize) &&
    column(c.roles, count, text(ROLES_LIMIT)) &&
    column(c.member, count, orNull(text(L.name))) &&
    column(c.key, count, text(KEY_LIMIT))
  );
}

const isKeptRoster = fields({
  format: (v) => v === 2,
  members: isSize,
  grids: list(L.grids, isKeptGrid),
  rows: isKeptColumns,
});

/** The kept rows if `value` is such (any tab of the origin could have written it), else null. */
export function parseKeptRoster(value: unknown): KeptRoster | null {
  return isKeptRoster(value) ? (value as KeptRoster) : null;
}
