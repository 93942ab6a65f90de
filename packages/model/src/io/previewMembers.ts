/**
 * Import of a members sheet (党员名单): one row per party member with 类别, 职责, 电话, 承诺.
 * Pure, like previewImport: rows are matched by name against the roster's active members, and a
 * column the sheet lacks changes nothing.
 */
import { MAX } from '../core/schema';
import { clip, message, type Message } from '../core/text';
import { normalizePersonName, foldWidth } from '../core/placeText';
import type { BranchPost, Consent, DutyRole, MemberCategory } from '../domain/vocabulary';
import { normalizePhone, PHONE_PATTERN } from '../roster/labels';
import type { Member, RosterView } from '../roster/rosterView';
import { branchPostFor, categoryFor, dutyFor, memberColumnFor, type MemberColumn } from './memberColumns';
import { normalizeHeader, REFUSED_HEADERS, SILENT_HEADERS } from './rosterColumns';
import { summarizeRows, type ImportNoteGroup } from './summarizeRows';
import type { ImportRowStatus } from './previewImport';

export interface ImportedMember {
  readonly name: string;
  /** null: the sheet has no such column (or the cell is empty), so the field is left alone. */
  readonly category: MemberCategory | null;
  readonly duties: readonly DutyRole[] | null;
  /** 支部职务 (书记/副书记/委员); null: no column or an empty cell, the field is left alone. */
  readonly branchPost: BranchPost | null;
  readonly phone: string | null;
  readonly pledge: string | null;
  readonly consent: Consent | null;
}

export interface MemberImportRow {
  readonly row: number;
  readonly status: ImportRowStatus;
  readonly data: ImportedMember | null;
  readonly memberId: string | null;
  readonly changes: readonly string[];
  readonly errors: readonly Message[];
  readonly warnings: readonly Message[];
  readonly cells: Readonly<Partial<Record<MemberColumn, string>>>;
  readonly badColumns: readonly MemberColumn[];
}

export interface MemberImportPreview {
  readonly sheet: string;
  readonly headerRow: number;
  readonly rows: readonly MemberImportRow[];
  readonly counts: Readonly<Record<ImportRowStatus, number>>;
  readonly notes: readonly Message[];
  readonly summary: readonly ImportNoteGroup[];
}

const SPLIT = /[、,,;;/|\s]+/;
const err = (key: string, params: Record<string, string | number>, zh: string, en: string) => message(`import.member.${key}`, params, zh, en);

/** The header row of a members sheet: 姓名 and one of 类别/职责/承诺 (or just 姓名 when the sheet is named 党员…). */
export function findMemberHeader(rows: readonly (readonly string[])[], namedForMembers: boolean): number | null {
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const keys = new Set((rows[r] ?? []).map((h) => memberColumnFor(h)).filter((k) => k !== null));
    if (keys.has('name') && (namedForMembers || keys.has('category') || keys.has('duties') || keys.has('pledge'))) return r;
  }
  return null;
}

const YES = new Set(['是', '同意', '公开', 'y', 'yes', '姓名和电话', '公开姓名和电话']);
const NAME_ONLY = new Set(['仅姓名', '姓名', '公开姓名']);
const NO = new Set(['否', '不公开', '不同意', 'n', 'no']);

export function previewMembers(sheet: string, rows: readonly (readonly string[])[], headerIndex: number, roster: RosterView): MemberImportPreview {
  const notes: Message[] = [];
  const at = new Map<MemberColumn, number>();
  (rows[headerIndex] ?? []).forEach((header, index) => {
    const key = memberColumnFor(header);
    const h = normalizeHeader(header);
    if (key === null) {
      if (h === '' || SILENT_HEADERS.includes(h)) return;
      notes.push(
        REFUSED_HEADERS.includes(h)
          ? err('refusedColumn', { sheet, header }, `“${sheet}”表的“${header}”列不导入:敏感信息不进名册`, `Column “${header}” of sheet “${sheet}” is not imported: sensitive`)
          : err('ignoredColumn', { sheet, header }, `“${sheet}”表的“${header}”列名册中没有对应项,已忽略`, `Column “${header}” of sheet “${sheet}” has no place in the roster and was ignored`),
      );
    } else if (!at.has(key)) at.set(key, index);
  });

  const byName = new Map<string, Array<{ id: string; m: Member }>>();
  for (const m of roster.members.values()) {
    if (!m.active) continue;
    const name = normalizePersonName(m.name);
    byName.set(name, [...(byName.get(name) ?? []), { id: m.id, m }]);
  }
  const firstRowOf = new Map<string, number>();
  const out: MemberImportRow[] = [];
  const counts = { new: 0, update: 0, unchanged: 0, error: 0 };
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const raw = rows[r] ?? [];
    if (raw.every((c) => c.trim() === '')) continue;
    const rowNumber = r + 1;
    const get = (k: MemberColumn) => {
      const i = at.get(k);
      return i === undefined ? '' : foldWidth(raw[i] ?? '').trim();
    };
    const cells: Partial<Record<MemberColumn, string>> = {};
    for (const [k, i] of at) if ((raw[i] ?? '').trim()) cells[k] = clip((raw[i] ?? '').trim(), 40);
    const errors: Message[] = [];
    const badColumns: MemberColumn[] = [];
    const fail = (k: MemberColumn, m: Message) => {
      if (!badColumns.includes(k)) badColumns.push(k);
      errors.push(m);
    };

    const name = normalizePersonName(get('name'));
    if (!name) fail('name', err('missingName', { row: rowNumber }, `“${sheet}”第 ${rowNumber} 行:缺少姓名`, `Sheet “${sheet}” row ${rowNumber}: name is missing`));
    else if (name.length > MAX.name) fail('name', err('tooLong', { row: rowNumber }, `“${sheet}”第 ${rowNumber} 行:姓名超过 ${MAX.name} 字`, `Sheet “${sheet}” row ${rowNumber}: name is longer than ${MAX.name} characters`));

    let category: MemberCategory | null = null;
    if (get('category')) {
      category = categoryFor(get('category'));
      if (!category) fail('category', err('badCategory', { row: rowNumber, value: clip(get('category'), 20) }, `“${sheet}”第 ${rowNumber} 行:类别“${clip(get('category'), 20)}”应为 在职、离退休、流动、自管 或 困难`, `Sheet “${sheet}” row ${rowNumber}: category “${clip(get('category'), 20)}” must be employed, retired, mobile, self-managed or in hardship`));
    }
    let duties: DutyRole[] | null = null;
    if (at.has('duties')) {
      duties = [];
      for (const word of get('duties').split(SPLIT).filter(Boolean)) {
        const duty = dutyFor(word);
        if (duty) {
          if (!duties.includes(duty)) duties.push(duty);
        } else fail('duties', err('badDuty', { row: rowNumber, value: clip(word, 20) }, `“${sheet}”第 ${rowNumber} 行:不认识职责“${clip(word, 20)}”(八大员之一,如 政策法规宣传员、矛盾纠纷调解员)`, `Sheet “${sheet}” row ${rowNumber}: unknown duty “${clip(word, 20)}” (one of the eight duty roles)`));
      }
    }
    let branchPost: BranchPost | null = null;
    if (get('branchPost') && !/^(无|否|-|—|\/)$/.test(get('branchPost'))) {
      branchPost = branchPostFor(get('branchPost'));
      if (!branchPost) fail('branchPost', err('badBranchPost', { row: rowNumber, value: clip(get('branchPost'), 20) }, `“${sheet}”第 ${rowNumber} 行:支部职务“${clip(get('branchPost'), 20)}”应为 书记、副书记 或 委员`, `Sheet “${sheet}” row ${rowNumber}: branch post “${clip(get('branchPost'), 20)}” must be secretary, deputy or member`));
    }
    let phone: string | null = null;
    if (get('phone')) {
      if (PHONE_PATTERN.test(get('phone'))) phone = normalizePhone(get('phone'));
      else fail('phone', err('badPhone', { row: rowNumber, value: clip(get('phone'), 40) }, `“${sheet}”第 ${rowNumber} 行:电话“${clip(get('phone'), 40)}”不是有效号码`, `Sheet “${sheet}” row ${rowNumber}: phone “${clip(get('phone'), 40)}” is not a phone number`));
    }
    const pledge = get('pledge') ? get('pledge').slice(0, MAX.text) : null;
    let consent: Consent | null = null;
    const c = normalizeHeader(get('consent'));
    if (c) {
      if (YES.has(c)) consent = 'nameAndPhone';
      else if (NAME_ONLY.has(c)) consent = 'name';
      else if (NO.has(c)) consent = 'none';
      else fail('consent', err('badConsent', { row: rowNumber, value: clip(get('consent'), 20) }, `“${sheet}”第 ${rowNumber} 行:公开联系方式应填 是/否/仅姓名`, `Sheet “${sheet}” row ${rowNumber}: public contact must be yes, no or name only`));
    }

    const same = name ? (byName.get(name) ?? []) : [];
    if (same.length > 1) fail('name', err('ambiguous', { row: rowNumber, name }, `“${sheet}”第 ${rowNumber} 行:名册中有 ${same.length} 名党员叫“${name}”,请在名册中手工修改`, `Sheet “${sheet}” row ${rowNumber}: ${same.length} members are called “${name}”; edit them by hand`));
    const earlier = name ? firstRowOf.get(name) : undefined;
    if (earlier !== undefined) fail('name', err('duplicate', { row: rowNumber, earlier }, `“${sheet}”第 ${rowNumber} 行:与第 ${earlier} 行是同一名党员`, `Sheet “${sheet}” row ${rowNumber}: same member as row ${earlier}`));
    else if (name) firstRowOf.set(name, rowNumber);

    if (errors.length) {
      counts.error++;
      out.push({ row: rowNumber, status: 'error', data: null, memberId: null, changes: [], errors, warnings: [], cells, badColumns });
      continue;
    }
    const data: ImportedMember = { name, category, duties, branchPost, phone, pledge, consent };
    const old = same[0];
    if (!old) {
      counts.new++;
      out.push({ row: rowNumber, status: 'new', data, memberId: null, changes: [], errors, warnings: [], cells, badColumns });
      continue;
    }
    const changes: string[] = [];
    if (category !== null && category !== old.m.category) changes.push('category');
    if (duties !== null && JSON.stringify([...duties].sort()) !== JSON.stringify([...old.m.duties].sort())) changes.push('duties');
    if (branchPost !== null && branchPost !== (old.m.branchPost ?? null)) changes.push('branchPost');
    if (phone !== null && phone !== old.m.phone) changes.push('phone');
    if (pledge !== null && pledge !== old.m.pledge) changes.push('pledge');
    if (consent !== null && consent !== old.m.consent) changes.push('consent');
    const status = changes.length ? 'update' : 'unchanged';
    counts[status]++;
    out.push({ row: rowNumber, status, data, memberId: old.id, changes, errors, warnings: [], cells, badColumns });
  }
  return { sheet, headerRow: headerIndex + 1, rows: out, counts, notes, summary: summarizeRows(out) };
}
