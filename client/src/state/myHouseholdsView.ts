// "My households" as a projection kept beside the work document: what the page renders for one
// member (labels, head, phone, last visit, open must-visits, the interval), so a cold open shows
// the live page at once from it — buttons working — while the roster (3,600 households) and the
// work history load. Days are kept as dates, not counts: "days since" is counted from today when
// shown, so a projection from yesterday is still right.
//
// Checked by hand, not with zod (like firstScreen.ts): it is read on the critical path.
import { MustVisitReason } from '@lianxin/model';

export const MY_VIEW_LIMITS = { id: 100, text: 200, phone: 40, rows: 500, mustVisits: 20 } as const;

export interface MyHouseholdRow {
  readonly id: string;
  /** the household's place in the interface language (58号楼3单元301) */
  readonly label: string;
  readonly head: string;
  readonly phone: string | null;
  /** the day counted from: the last visit, or the day the household was linked */
  readonly since: string;
  readonly lastVisit: string | null;
  readonly openMustVisits: readonly { readonly id: string; readonly reason: MustVisitReason }[];
}

export interface MyHouseholdsView {
  /** who it was made for: the roster member, and how the device knew (chosen id or the account's name) */
  readonly memberId: string;
  readonly memberName: string;
  readonly chosenId: string | null;
  readonly personName: string;
  readonly intervalDays: number;
  /** the community's zone: what "today" is */
  readonly timeZone: string;
  /** in the page's order (must-visits, overdue, longest unvisited first) */
  readonly rows: readonly MyHouseholdRow[];
}

export { myHouseholdsKey } from './myHouseholdsKey';

type Check = (v: unknown) => boolean;
const L = MY_VIEW_LIMITS;
const text =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max;
const orNull =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date: Check = (v) => typeof v === 'string' && DATE.test(v);
const record = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list =
  (max: number, item: Check): Check =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every(item);
const fields =
  (shape: Record<string, Check>): Check =>
  (v) =>
    record(v) && Object.entries(shape).every(([key, check]) => check(v[key]));

const REASONS: readonly unknown[] = Object.values(MustVisitReason);
const reason: Check = (v) => REASONS.includes(v);
const isRow = fields({
  id: text(L.id),
  label: text(L.text),
  head: text(L.text),
  phone: orNull(text(L.phone)),
  since: date,
  lastVisit: orNull(date),
  openMustVisits: list(L.mustVisits, fields({ id: text(L.id), reason })),
});
const isView = fields({
  memberId: text(L.id),
  memberName: text(L.text),
  chosenId: orNull(text(L.id)),
  personName: text(L.text),
  intervalDays: (v) => Number.isSafeInteger(v) && (v as number) > 0,
  timeZone: text(L.id),
  rows: list(L.rows, isRow),
});

/**
 * The kept view if `value` is one made for this person as the device knows them now (the same
 * chosen member, the same account name), else null. Any tab of the origin could have written it.
 */
export function parseMyHouseholdsView(value: unknown, me: { readonly chosenId: string | null; readonly personName: string }): MyHouseholdsView | null {
  if (!isView(value)) return null;
  const view = value as MyHouseholdsView;
  return view.chosenId === me.chosenId && view.personName === me.personName ? view : null;
}

const DAY = 86_400_000;
/** Days from `since` to `today` (both community dates). */
export const daysBetween = (since: string, today: string) => Math.round((Date.parse(today) - Date.parse(since)) / DAY);
