/**
 * Import, step 1: read spreadsheet rows into a preview of what would change, with a per-row
 * report naming the row (as the spreadsheet numbers it) and the problem. Pure: nothing is written
 * until `applyImport` is called with the preview the user accepted.
 */
import { clip, message, type Message } from '../core/text';
import { LABELS, type Consent, type HouseholdRole } from '../domain/vocabulary';
import { MAX } from '../core/schema';
import { buildingNumber, foldWidth, normalizePersonName, normalizePlaceNumber, roomNumber, unitNumber } from '../core/placeText';
import { normalizePhone, PHONE_PATTERN } from '../roster/labels';
import type { Household, RosterView } from '../roster/rosterView';
import { columnFor, normalizeHeader, REFUSED_HEADERS, ROSTER_COLUMNS, SILENT_HEADERS, type RosterColumn } from './rosterColumns';
import type { MemberImportPreview } from './previewMembers';
import { summarizeRows, type ImportNoteGroup } from './summarizeRows';
import type { SheetUse } from './previewWorkbook';

export interface ImportedHousehold {
  readonly grid: string | null;
  readonly compound: string | null;
  /** Building number as stored: 58号楼 → '58'. */
  readonly building: string;
  readonly unit: string | null;
  readonly room: string;
  readonly head: string;
  readonly phone: string | null;
  readonly size: number | null;
  readonly member: string | null;
  readonly roles: readonly HouseholdRole[];
  readonly consent: Consent;
  readonly representative: boolean;
}

export type ImportRowStatus = 'new' | 'update' | 'unchanged' | 'error';

export interface ImportRow {
  /** Row number as the spreadsheet shows it (1-based, counting title and header rows). */
  readonly row: number;
  readonly status: ImportRowStatus;
  readonly data: ImportedHousehold | null;
  /** Existing household this row updates. */
  readonly householdId: string | null;
  /** Fields an update changes. */
  readonly changes: readonly string[];
  readonly errors: readonly Message[];
  readonly warnings: readonly Message[];
  /** The row's own cells as typed (clipped), so a bad row still shows its address and head. */
  readonly cells: Readonly<Partial<Record<RosterColumn, string>>>;
  /** Columns whose cell caused an error. */
  readonly badColumns: readonly RosterColumn[];
}

export interface ImportPreview {
  /** false when the file itself cannot be imported (no header, no building or head column). */
  readonly ok: boolean;
  readonly headerRow: number | null;
  readonly columns: ReadonlyArray<{ readonly index: number; readonly header: string; readonly key: RosterColumn | null }>;
  readonly rows: readonly ImportRow[];
  /** What applying would create besides households (names as in the file). */
  readonly creates: { readonly grids: readonly string[]; readonly buildings: readonly string[]; readonly units: readonly string[]; readonly members: readonly string[] };
  readonly counts: Readonly<Record<ImportRowStatus, number>>;
  /** File-level messages: missing columns, ignored or refused columns, sheets left alone. */
  readonly notes: readonly Message[];
  /** Row messages that repeat, each said once with its count and rows (see summarizeRows). */
  readonly summary: readonly ImportNoteGroup[];
  /** The workbook's sheets and what became of each (empty for a single sheet or CSV). */
  readonly sheets: readonly SheetUse[];
  /** The members sheet (党员名单), when the workbook has one. */
  readonly members: MemberImportPreview | null;
}

export interface PreviewOptions {
  /** Names (normalised) a members sheet creates: households naming them are not warned about. */
  readonly incomingMembers?: ReadonlySet<string>;
}

const MAX_ROWS = 50_000;
const SPLIT = /[、,,;;/|\s]+/;
const YES = new Set(['是', '有', '√', 'y', 'yes', 'true', '1', '公开', '同意']);
const NO = new Set(['', '否', '无', '×', 'n', 'no', 'false', '0', '不公开', '不同意']);
const CONSENT_NAME = new Set(['仅姓名', '姓名', '公开姓名', 'name', 'nameonly']);
const CONSENT_ALL = new Set(['姓名和电话', '公开姓名和电话', '姓名电话', 'nameandphone', 'all']);

const ROLE_BY_WORD = new Map<string, HouseholdRole>();
for (const [role, label] of Object.entries(LABELS.householdRole) as Array<[HouseholdRole, { zh: string; en: string }]>) {
  ROLE_BY_WORD.set(role.toLowerCase(), role);
  ROLE_BY_WORD.set(label.zh, role);
  ROLE_BY_WORD.set(label.zh.replace(/户$/, ''), role);
  ROLE_BY_WORD.set(label.en.toLowerCase(), role);
}

function addressKey(compound: string | null, building: string, unit: string | null, room: string, head: string): string {
  // Without a room (villages), the head names the household within its building.
  return `${compound ?? ''}\u0000${building}\u0000${unit ?? ''}\u0000${room || `@${head}`}`;
}

const err = (key: string, params: Record<string, string | number>, zh: string, en: string) => message(`import.${key}`, params, zh, en);

export function findHeader(rows: readonly (readonly string[])[]): number | null {
  // Committees often put a title row (XX社区住户花名册) above the headers.
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const keys = new Set((rows[r] ?? []).map((h) => columnFor(h)).filter((k) => k !== null));
    if (keys.has('building') && keys.has('head')) return r;
  }
  return null;
}

const placeOrNull = (text: string | null) => (text ? normalizePlaceNumber(text) || null : null);

function existingIndex(roster: RosterView): Map<string, Household> {
  const index = new Map<string, Household>();
  for (const h of roster.households.values()) {
    const b = roster.buildings.get(h.buildingId);
    const u = h.unitId ? roster.units.get(h.unitId) : undefined;
    // Stored values are read through the same normalisation: rosters from before it kept ５８.
    if (b) index.set(addressKey(placeOrNull(b.compound), buildingNumber(b.number), u ? unitNumber(u.number) : null, roomNumber(h.room), normalizePersonName(h.head)), h);
  }
  return index;
}

export function previewImport(rows: readonly (readonly string[])[], roster: RosterView, options: PreviewOptions = {}): ImportPreview {
  const empty = { new: 0, update: 0, unchanged: 0, error: 0 };
  const notes: Message[] = [];
  const headerIndex = findHeader(rows);
  if (headerIndex === null) {
    notes.push(err('noHeader', {}, '找不到表头:前 10 行中须有“楼号”和“户主”两列', 'No header found: one of the first 10 rows must have “building” and “head” columns'));
    return { ok: false, headerRow: null, columns: [], rows: [], creates: { grids: [], buildings: [], units: [], members: [] }, counts: empty, notes, summary: [], sheets: [], members: null };
  }
  const header = rows[headerIndex]!;
  const columns = header.map((h, index) => ({ index, header: h, key: columnFor(h) }));
  const seen = new Set<RosterColumn>();
  const at = new Map<RosterColumn, number>();
  for (const c of columns) {
    if (c.key === null) {
      // 序号 and blank headers carry nothing to keep: no note for them.
      if (c.header.trim() === '' || SILENT_HEADERS.includes(normalizeHeader(c.header))) continue;
      const refused = REFUSED_HEADERS.includes(normalizeHeader(c.header));
      notes.push(
        refused
          ? err('refusedColumn', { header: c.header }, `“${c.header}”列不导入:敏感信息请记在关怀记录中`, `Column “${c.header}” is not imported: sensitive notes belong in care notes`)
          : err('ignoredColumn', { header: c.header }, `不认识“${c.header}”列,已忽略`, `Column “${c.header}” is not recognised and was ignored`),
      );
      continue;
    }
    if (seen.has(c.key)) {
      notes.push(err('duplicateColumn', { header: c.header }, `“${c.header}”列重复,只用第一列`, `Column “${c.header}” appears twice; the first is used`));
      continue;
    }
    seen.add(c.key);
    at.set(c.key, c.index);
  }
  if (rows.length - headerIndex - 1 > MAX_ROWS) {
    notes.push(err('tooManyRows', { max: MAX_ROWS }, `行数超过 ${MAX_ROWS},请分批导入`, `More than ${MAX_ROWS} rows; import in parts`));
    return { ok: false, headerRow: headerIndex + 1, columns, rows: [], creates: { grids: [], buildings: [], units: [], members: [] }, counts: empty, notes, summary: [], sheets: [], members: null };
  }

  const existing = existingIndex(roster);
  const buildings = new Map<string, { gridId: string }>();
  for (const b of roster.buildings.values()) buildings.set(`${placeOrNull(b.compound) ?? ''}\u0000${buildingNumber(b.number)}`, { gridId: b.gridId });
  const units = new Set(
    [...roster.units.values()].map((u) => {
      const b = roster.buildings.get(u.buildingId);
      return `${placeOrNull(b?.compound ?? null) ?? ''}\u0000${b ? buildingNumber(b.number) : ''}\u0000${unitNumber(u.number)}`;
    }),
  );
  const gridNames = new Set([...roster.grids.values()].map((g) => foldWidth(g.name)));
  const memberNames = new Map<string, number>();
  for (const m of roster.members.values()) if (m.active) memberNames.set(normalizePersonName(m.name), (memberNames.get(normalizePersonName(m.name)) ?? 0) + 1);
  const memberNameOf = (id: string | null) => (id ? normalizePersonName(roster.members.get(id as never)?.name ?? '') || null : null);

  const creates = { grids: new Set<string>(), buildings: new Set<string>(), units: new Set<string>(), members: new Set<string>() };
  const firstRowOf = new Map<string, number>();
  const out: ImportRow[] = [];
  const counts = { ...empty };

  for (let r = headerIndex + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const get = (k: RosterColumn) => {
      const i = at.get(k);
      // Full-width digits, letters and spaces from a hand-made sheet read as their plain forms.
      return i === undefined ? '' : foldWidth(cells[i] ?? '');
    };
    if (cells.every((c) => c.trim() === '')) continue;
    const rowNumber = r + 1;
    const errors: Message[] = [];
    const warnings: Message[] = [];
    const rowCells: Partial<Record<RosterColumn, string>> = {};
    for (const [k, i] of at) if ((cells[i] ?? '').trim()) rowCells[k] = clip((cells[i] ?? '').trim(), 40);
    const badColumns: RosterColumn[] = [];
    const bad = (k: RosterColumn) => {
      if (!badColumns.includes(k)) badColumns.push(k);
    };
    const tooLong = (k: RosterColumn, v: string, max: number) => {
      if (v.length > max) bad(k);
      if (v.length > max) errors.push(err('tooLong', { row: rowNumber, column: k, max }, `第 ${rowNumber} 行:“${ROSTER_COLUMNS.find((c) => c.key === k)!.header.zh}”超过 ${max} 字`, `Row ${rowNumber}: “${k}” is longer than ${max} characters`));
    };

    const building = buildingNumber(get('building'));
    const head = normalizePersonName(get('head'));
    const room = roomNumber(get('room'));
    const compound = placeOrNull(get('compound'));
    const gridName = get('grid') || null;
    const unitRaw = get('unit');
    const unit = unitRaw ? unitNumber(unitRaw) : null;
    if (!building) bad('building');
    if (!head) bad('head');
    if (!building) errors.push(err('missingBuilding', { row: rowNumber }, `第 ${rowNumber} 行:缺少楼号`, `Row ${rowNumber}: building is missing`));
    if (!head) errors.push(err('missingHead', { row: rowNumber }, `第 ${rowNumber} 行:缺少户主`, `Row ${rowNumber}: head of household is missing`));
    tooLong('building', building, MAX.label);
    tooLong('unit', unit ?? '', MAX.label);
    tooLong('room', room, MAX.label);
    tooLong('head', head, MAX.name);
    tooLong('grid', gridName ?? '', MAX.name);
    tooLong('compound', compound ?? '', MAX.label);

    const phoneRaw = get('phone');
    let phone: string | null = null;
    if (phoneRaw) {
      if (PHONE_PATTERN.test(phoneRaw)) phone = normalizePhone(phoneRaw);
      else bad('phone');
      if (!phone) errors.push(err('badPhone', { row: rowNumber, value: phoneRaw.slice(0, 40) }, `第 ${rowNumber} 行:电话“${phoneRaw.slice(0, 40)}”不是有效号码`, `Row ${rowNumber}: phone “${phoneRaw.slice(0, 40)}” is not a phone number`));
    }
    const sizeRaw = get('size');
    let size: number | null = null;
    if (sizeRaw) {
      const n = Number(sizeRaw.replace(/人$/, ''));
      if (Number.isInteger(n) && n >= 0 && n <= 99) size = n;
      else bad('size');
      if (size === null) errors.push(err('badSize', { row: rowNumber, value: sizeRaw.slice(0, 20) }, `第 ${rowNumber} 行:人口“${sizeRaw.slice(0, 20)}”应为 0–99 的整数`, `Row ${rowNumber}: size “${sizeRaw.slice(0, 20)}” must be a whole number 0–99`));
    }
    const roles: HouseholdRole[] = [];
    for (const word of get('roles').split(SPLIT).filter(Boolean)) {
      const role = ROLE_BY_WORD.get(word.toLowerCase()) ?? ROLE_BY_WORD.get(word);
      if (role) {
        if (!roles.includes(role)) roles.push(role);
      } else {
        bad('roles');
        errors.push(err('badRole', { row: rowNumber, value: word.slice(0, 20) }, `第 ${rowNumber} 行:不认识功能户“${word.slice(0, 20)}”(可填党员户、中心户、干警户、商业户、物管户)`, `Row ${rowNumber}: unknown household role “${word.slice(0, 20)}” (member, hub, police, business, property)`));
      }
    }
    const consentRaw = normalizeHeader(get('consent'));
    let consent: Consent = 'none';
    if (CONSENT_ALL.has(consentRaw) || YES.has(consentRaw)) consent = 'nameAndPhone';
    else if (CONSENT_NAME.has(consentRaw)) consent = 'name';
    else if (!NO.has(consentRaw)) bad('consent');
    if (consent === 'none' && !NO.has(consentRaw)) errors.push(err('badConsent', { row: rowNumber, value: get('consent').slice(0, 20) }, `第 ${rowNumber} 行:公开联系方式“${get('consent').slice(0, 20)}”应填 是/否/仅姓名`, `Row ${rowNumber}: public contact “${get('consent').slice(0, 20)}” must be yes, no or name only`));
    const repRaw = normalizeHeader(get('representative'));
    const representative = YES.has(repRaw);
    if (!representative && !NO.has(repRaw)) bad('representative');
    if (!representative && !NO.has(repRaw)) errors.push(err('badRepresentative', { row: rowNumber, value: get('representative').slice(0, 20) }, `第 ${rowNumber} 行:居民代表应填 是/否`, `Row ${rowNumber}: representative must be yes or no`));

    const member = normalizePersonName(get('member')) || null;
    if (member) {
      const n = memberNames.get(member) ?? 0;
      if (n > 1) bad('member');
      if (n > 1) errors.push(err('ambiguousMember', { row: rowNumber, name: member.slice(0, 40) }, `第 ${rowNumber} 行:名册中有 ${n} 名党员叫“${member.slice(0, 40)}”,请在导入后手工联系`, `Row ${rowNumber}: ${n} members are called “${member.slice(0, 40)}”; link this household by hand after importing`));
      tooLong('member', member, MAX.name);
    }

    const bKey = `${compound ?? ''}\u0000${building}`;
    if (building && !buildings.has(bKey) && !gridName) bad('grid');
    if (building && !buildings.has(bKey) && !gridName) errors.push(err('missingGrid', { row: rowNumber, building }, `第 ${rowNumber} 行:${building} 是新楼栋,须填写网格`, `Row ${rowNumber}: ${building} is a new building and needs a grid`));

    const key = addressKey(compound, building, unit, room, head);
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined && building && head) errors.push(err('duplicateRow', { row: rowNumber, earlier }, `第 ${rowNumber} 行:与第 ${earlier} 行是同一户`, `Row ${rowNumber}: same household as row ${earlier}`));
    else if (building && head) firstRowOf.set(key, rowNumber);

    if (errors.length) {
      counts.error++;
      out.push({ row: rowNumber, status: 'error', data: null, householdId: null, changes: [], errors, warnings, cells: rowCells, badColumns });
      continue;
    }
    const data: ImportedHousehold = { grid: gridName, compound, building, unit, room, head, phone, size, member, roles, consent, representative };
    if (gridName && !gridNames.has(gridName) && !buildings.has(bKey)) creates.grids.add(gridName);
    if (!buildings.has(bKey)) creates.buildings.add(`${compound ? `${compound} ` : ''}${building}`);
    if (unit && !units.has(`${bKey}\u0000${unit}`)) creates.units.add(`${building}-${unit}`);
    if (member && !memberNames.has(member) && !options.incomingMembers?.has(member)) {
      creates.members.add(member);
      warnings.push(err('newMember', { row: rowNumber, name: member }, `第 ${rowNumber} 行:名册中没有党员“${member}”,将新建`, `Row ${rowNumber}: no member called “${member}”; one will be created`));
    }
    const old = existing.get(key);
    if (!old) {
      counts.new++;
      out.push({ row: rowNumber, status: 'new', data, householdId: null, changes: [], errors, warnings, cells: rowCells, badColumns });
      continue;
    }
    const changes: string[] = [];
    if (head !== old.head) changes.push('head');
    if (phone !== null && phone !== old.phone) changes.push('phone');
    if (size !== null && size !== old.size) changes.push('size');
    if (at.has('roles') && JSON.stringify([...roles].sort()) !== JSON.stringify([...old.roles].sort())) changes.push('roles');
    if (at.has('consent') && consent !== old.consent) changes.push('consent');
    if (at.has('representative') && representative !== old.representative) changes.push('representative');
    if (at.has('member') && member !== memberNameOf(old.memberId)) changes.push('member');
    const status = changes.length ? 'update' : 'unchanged';
    counts[status]++;
    out.push({ row: rowNumber, status, data, householdId: old.id, changes, errors, warnings, cells: rowCells, badColumns });
  }
  return {
    ok: true,
    headerRow: headerIndex + 1,
    columns,
    rows: out,
    creates: { grids: [...creates.grids], buildings: [...creates.buildings], units: [...creates.units], members: [...creates.members] },
    counts,
    notes,
    summary: summarizeRows(out),
    sheets: [],
    members: null,
  };
}
