/**
 * Import of a whole workbook: finds the households sheet (楼号 + 户主) and the members sheet
 * (named 党员… or headed 姓名 + 类别/职责/承诺), previews both, and says for every other sheet
 * why it was left alone, so nothing in the file is dropped without a word.
 */
import { message, type Message } from '../core/text';
import { normalizePersonName } from '../core/placeText';
import type { RosterView } from '../roster/rosterView';
import { findHeader, previewImport, type ImportPreview } from './previewImport';
import { findMemberHeader, previewMembers, type MemberImportPreview } from './previewMembers';

export interface WorkbookSheet {
  readonly name: string;
  readonly rows: readonly (readonly string[])[];
}

export interface SheetUse {
  readonly name: string;
  readonly use: 'households' | 'members' | 'skipped';
  /** Why a sheet was skipped. */
  readonly reason: Message | null;
}

const isEmpty = (rows: readonly (readonly string[])[]) => rows.every((r) => r.every((c) => c.trim() === ''));
const MEMBER_SHEET = /党员|members?/i;

export function previewWorkbook(sheets: readonly WorkbookSheet[], roster: RosterView): ImportPreview {
  const uses: SheetUse[] = [];
  let households: WorkbookSheet | null = null;
  let members: MemberImportPreview | null = null;
  for (const sheet of sheets) {
    const name = sheet.name;
    if (isEmpty(sheet.rows)) {
      uses.push({ name, use: 'skipped', reason: message('import.sheetEmpty', { sheet: name }, `工作表“${name}”是空的`, `Sheet “${name}” is empty`) });
      continue;
    }
    const householdHeader = findHeader(sheet.rows);
    const memberHeader = findMemberHeader(sheet.rows, MEMBER_SHEET.test(name));
    // A members sheet has a 姓名 column that findHeader also reads as 户主, but never a 楼号.
    if (householdHeader !== null) {
      if (!households) {
        households = sheet;
        uses.push({ name, use: 'households', reason: null });
      } else uses.push({ name, use: 'skipped', reason: message('import.sheetSecondHouseholds', { sheet: name, first: households.name }, `工作表“${name}”未导入:已从“${households.name}”导入住户,一次只导入一张住户表,请合并后再导入`, `Sheet “${name}” was not imported: households come from “${households.name}”; merge the sheets and import again`) });
    } else if (memberHeader !== null) {
      if (!members) {
        members = previewMembers(name, sheet.rows, memberHeader, roster);
        uses.push({ name, use: 'members', reason: null });
      } else uses.push({ name, use: 'skipped', reason: message('import.sheetSecondMembers', { sheet: name, first: members.sheet }, `工作表“${name}”未导入:已从“${members.sheet}”导入党员,一次只导入一张党员名单`, `Sheet “${name}” was not imported: members come from “${members.sheet}”`) });
    } else if (MEMBER_SHEET.test(name)) {
      uses.push({ name, use: 'skipped', reason: message('import.sheetMembersNoHeader', { sheet: name }, `工作表“${name}”未导入:前 10 行中找不到“姓名”列`, `Sheet “${name}” was not imported: no “姓名” (name) column in its first 10 rows`) });
    } else {
      uses.push({ name, use: 'skipped', reason: message('import.sheetUnknown', { sheet: name }, `工作表“${name}”未导入:它不是住户表(须有“楼号”和“户主”列),也不是党员名单(须有“姓名”和“类别”或“职责”列)`, `Sheet “${name}” was not imported: it is neither a household sheet (building and head columns) nor a members sheet (name with category or duties)`) });
    }
  }
  const incoming = new Set((members?.rows ?? []).filter((r) => r.data).map((r) => normalizePersonName(r.data!.name)));
  const base: ImportPreview = households
    ? previewImport(households.rows, roster, { incomingMembers: incoming })
    : members
      ? { ...previewImport([], roster), ok: true, notes: [message('import.membersOnly', {}, '没有住户表:只导入党员名单', 'No household sheet: only members are imported')] }
      : previewImport(sheets[0]?.rows ?? [], roster);
  const skipped = uses.filter((u) => u.reason).map((u) => u.reason!);
  return { ...base, notes: [...skipped, ...base.notes, ...(members?.notes ?? [])], sheets: uses, members };
}
