// The roster page's starting state, kept beside the roster document (LocalDocStore.writeView):
// every household as the table shows it, in the page's order, with what search looks through,
// plus the grids and the number of members. A cold open renders the live page from it — search
// working — while the roster document loads, then switches to the document in the same tree.
// ~100 bytes a household: 3,600 households read from IndexedDB in one structured clone.
//
// Checked by hand, not with zod (like firstScreen.ts): it is read on the critical path.
import type { Household, HouseholdRole, RosterView } from '@lianxin/model';
import { FIRST_SCREEN_LIMITS as L, fields, isFirstScreenRow, isKeptGrid, list, type Check, type FirstScreenRow } from './firstScreen';
import { householdSearchKeys, rosterIndex } from './rosterIndex';
import type { PlaceLabels } from './usePlaceLabels';

/** More households than any community has; a larger roster keeps no rows (the page loads the document). */
export const KEPT_ROWS_LIMIT = 20_000;
const KEY_LIMIT = 1_000;

/** A household row and its search key (`householdSearchKeys`). */
export interface KeptRosterRow extends FirstScreenRow {
  readonly key: string;
}

export interface KeptRoster {
  readonly members: number;
  readonly grids: readonly { readonly id: string; readonly name: string }[];
  readonly rows: readonly KeptRosterRow[];
}

/** Kept per language (addresses and roles are words) and per format. */
export const keptRosterKey = (language: string) => `roster-rows-v1-${language.replace(/[^\w-]/g, '')}`;

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
  return {
    members: roster.members.size,
    grids: index.grids.map((g) => ({ id: clip(g.id, L.id), name: clip(g.name, L.name) })),
    rows: index.households.map((h) => ({ ...householdRow(roster, h, labels, role), key: clip(keys.get(h.id) ?? '', KEY_LIMIT) })),
  };
}

const isKeptRow: Check = (v) => isFirstScreenRow(v) && typeof (v as { key?: unknown }).key === 'string' && (v as { key: string }).key.length <= KEY_LIMIT;
const isKeptRoster = fields({
  members: (v) => Number.isSafeInteger(v) && (v as number) >= 0,
  grids: list(L.grids, isKeptGrid),
  rows: list(KEPT_ROWS_LIMIT, isKeptRow),
});

/** The kept rows if `value` is such (any tab of the origin could have written it), else null. */
export function parseKeptRoster(value: unknown): KeptRoster | null {
  return isKeptRoster(value) ? (value as KeptRoster) : null;
}
