// The roster page's first screen as kept beside the roster document: what the page showed
// first, words included (it is kept per language), so that the page's boot script can draw it
// before the interface strings, React or the document are loaded.
//
// Checked by hand, not with zod: this runs inline in the page's <head>, and initialising zod
// there cost ~35 ms of a ~250 ms cold open on this machine (measured in a Chromium trace).

/** Rows kept: more than a phone or a laptop shows before scrolling. */
export const FIRST_SCREEN_ROWS = 30;

export interface FirstScreenWords {
  /** the app's name, for the header drawn around the kept screen */
  readonly appName: string;
  readonly title: string;
  readonly status: string;
  readonly tree: string;
  readonly allHouseholds: string;
  readonly householdsCount: string;
  readonly membersCount: string;
  readonly table: string;
  /** the table's six column headers */
  readonly headers: readonly string[];
  readonly unlinked: string;
}

export interface FirstScreenRow {
  readonly id: string;
  readonly address: string;
  readonly head: string;
  readonly phone: string | null;
  readonly size: number;
  /** the household's roles, as labels */
  readonly roles: readonly string[];
  readonly member: string | null;
}

export interface FirstScreen {
  /** the page's words in the language the screen was kept for */
  readonly words: FirstScreenWords;
  readonly grids: readonly { readonly id: string; readonly name: string }[];
  readonly rows: readonly FirstScreenRow[];
}

/** Longest kept text per field and longest lists (the projection clips to these). */
export const FIRST_SCREEN_LIMITS = { word: 100, id: 100, name: 200, phone: 40, role: 40, grids: 500, roles: 10 } as const;

const WORD_KEYS = ['appName', 'title', 'status', 'tree', 'allHouseholds', 'householdsCount', 'membersCount', 'table', 'unlinked'] as const;

export type Check = (v: unknown) => boolean;
export const text =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max;
export const orNull =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
export const list =
  (max: number, item: Check): Check =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every(item);
const record = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const fields =
  (shape: Record<string, Check>): Check =>
  (v) =>
    record(v) && Object.entries(shape).every(([key, check]) => check(v[key]));

const L = FIRST_SCREEN_LIMITS;
const isWords: Check = (v) => record(v) && WORD_KEYS.every((k) => text(L.word)(v[k])) && Array.isArray(v.headers) && v.headers.length === 6 && v.headers.every(text(L.word));
export const isKeptGrid = fields({ id: text(L.id), name: text(L.name) });
/** Whether `v` is a row of the kept first screen (30 rows; the roster's kept rows are columns, rosterRows.ts). */
const isFirstScreenRow: Check = fields({
  id: text(L.id),
  address: text(L.name),
  head: text(L.name),
  phone: orNull(text(L.phone)),
  size: (v) => Number.isSafeInteger(v) && (v as number) >= 0,
  roles: list(L.roles, text(L.role)),
  member: orNull(text(L.name)),
});
const isFirstScreen = fields({ words: isWords, grids: list(L.grids, isKeptGrid), rows: list(FIRST_SCREEN_ROWS, isFirstScreenRow) });

/** Stored per language and per format (v2: words included). */
export const firstScreenKey = (language: string) => `roster-first-screen-v2-${language.replace(/[^\w-]/g, '')}`;

/** The kept screen if `value` is one, else null (it was written by any tab of this origin). */
export function parseFirstScreen(value: unknown): FirstScreen | null {
  return isFirstScreen(value) ? (value as FirstScreen) : null;
}
