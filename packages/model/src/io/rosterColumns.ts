/** The columns of a household roster spreadsheet, with the headers committees actually use. */
import type { Text } from '../core/text';

export const RosterColumn = {
  grid: 'grid',
  compound: 'compound',
  building: 'building',
  unit: 'unit',
  room: 'room',
  head: 'head',
  phone: 'phone',
  size: 'size',
  member: 'member',
  roles: 'roles',
  consent: 'consent',
  representative: 'representative',
} as const;
export type RosterColumn = (typeof RosterColumn)[keyof typeof RosterColumn];

interface ColumnDef {
  readonly key: RosterColumn;
  /** Header written on export. */
  readonly header: Text;
  /** Headers accepted on import (compared without spaces, case-insensitively). */
  readonly aliases: readonly string[];
}

export const ROSTER_COLUMNS: readonly ColumnDef[] = [
  { key: 'grid', header: { zh: '网格', en: 'grid' }, aliases: ['网格', '所属网格', '网格名称', '网格名', 'grid'] },
  { key: 'compound', header: { zh: '小区', en: 'compound' }, aliases: ['小区', '楼院', '小区/楼院', '院落', 'compound', 'estate'] },
  { key: 'building', header: { zh: '楼号', en: 'building' }, aliases: ['楼号', '楼栋', '楼栋号', '楼', '栋', '幢', '幢号', '村民小组', '组', 'building', 'bldg'] },
  { key: 'unit', header: { zh: '单元', en: 'unit' }, aliases: ['单元', '单元号', 'unit'] },
  { key: 'room', header: { zh: '房号', en: 'room' }, aliases: ['房号', '房间号', '门牌号', '户号', '室', 'room', 'door'] },
  { key: 'head', header: { zh: '户主', en: 'head' }, aliases: ['户主', '户主姓名', '姓名', 'head', 'head of household', 'name'] },
  { key: 'phone', header: { zh: '电话', en: 'phone' }, aliases: ['电话', '联系电话', '手机', '手机号', '手机号码', '电话号码', 'phone', 'mobile', 'tel'] },
  { key: 'size', header: { zh: '人口', en: 'size' }, aliases: ['人口', '人数', '家庭人口', '户籍人口', '常住人口', 'size', 'people', 'persons'] },
  { key: 'member', header: { zh: '联系党员', en: 'member' }, aliases: ['联系党员', '联系党员姓名', '联户党员', '结对党员', '包户党员', 'member', 'linked member'] },
  { key: 'roles', header: { zh: '功能户', en: 'roles' }, aliases: ['功能户', '户类型', '功能户类型', 'roles', 'function', 'household roles'] },
  { key: 'consent', header: { zh: '公开联系方式', en: 'public contact' }, aliases: ['公开联系方式', '是否公开', '公开', '同意公开', 'consent', 'public contact', 'public'] },
  { key: 'representative', header: { zh: '居民代表', en: 'representative' }, aliases: ['居民代表', '村民代表', '代表', '是否代表', 'representative', 'rep'] },
];

/** Columns that must not be imported because what they hold belongs in `care` or nowhere. */
export const REFUSED_HEADERS: readonly string[] = ['备注', '困难情况', '低保', '残疾', '健康状况', '身份证', '身份证号', 'note', 'notes', 'id number'];

/** Columns that number the rows and hold nothing to import: left out without a note. */
export const SILENT_HEADERS: readonly string[] = ['序号', '编号', 'no', 'no.', '#'];

export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').replace(/[\s*:：()()]/g, '').toLowerCase();
}

const BY_ALIAS = new Map<string, RosterColumn>();
for (const c of ROSTER_COLUMNS) for (const a of c.aliases) BY_ALIAS.set(normalizeHeader(a), c.key);

export function columnFor(header: string): RosterColumn | null {
  return BY_ALIAS.get(normalizeHeader(header)) ?? null;
}
