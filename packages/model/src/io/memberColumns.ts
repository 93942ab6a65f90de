/**
 * The columns of a members sheet (党员名单) and the words secretaries write in them: 类别 as
 * 在职/退休/流动 …, 职责 as the full duty role (政策法规宣传员) or its short name (宣传员).
 */
import { LABELS, type BranchPost, type DutyRole, type MemberCategory } from '../domain/vocabulary';
import { normalizeHeader } from './rosterColumns';

export const MemberColumn = { name: 'name', category: 'category', duties: 'duties', branchPost: 'branchPost', phone: 'phone', pledge: 'pledge', consent: 'consent' } as const;
export type MemberColumn = (typeof MemberColumn)[keyof typeof MemberColumn];

export const MEMBER_COLUMNS: ReadonlyArray<{ readonly key: MemberColumn; readonly header: string; readonly aliases: readonly string[] }> = [
  { key: 'name', header: '姓名', aliases: ['姓名', '党员姓名', '党员', 'name', 'member'] },
  { key: 'category', header: '类别', aliases: ['类别', '党员类别', '党员类型', '类型', '身份', '分类', 'category'] },
  { key: 'duties', header: '职责', aliases: ['职责', '岗位', '职责岗位', '岗位职责', '八大员', '设岗定责', '认领岗位', 'duties', 'duty', 'roles'] },
  { key: 'branchPost', header: '支部职务', aliases: ['支部职务', '党内职务', '党组织职务', '职务', 'branch post', 'post'] },
  { key: 'phone', header: '电话', aliases: ['电话', '联系电话', '手机', '手机号', '手机号码', '电话号码', 'phone', 'mobile', 'tel'] },
  { key: 'pledge', header: '承诺', aliases: ['承诺', '承诺事项', '公开承诺', '承诺内容', '党员承诺', 'pledge'] },
  { key: 'consent', header: '公开联系方式', aliases: ['公开联系方式', '是否公开', '公开', '同意公开', 'consent', 'public contact'] },
];

const BY_ALIAS = new Map<string, MemberColumn>();
for (const c of MEMBER_COLUMNS) for (const a of c.aliases) BY_ALIAS.set(normalizeHeader(a), c.key);

export function memberColumnFor(header: string): MemberColumn | null {
  return BY_ALIAS.get(normalizeHeader(header)) ?? null;
}

const CATEGORY_BY_WORD = new Map<string, MemberCategory>();
for (const [category, label] of Object.entries(LABELS.memberCategory) as Array<[MemberCategory, { zh: string; en: string }]>) {
  CATEGORY_BY_WORD.set(label.zh, category);
  CATEGORY_BY_WORD.set(label.zh.replace(/党员$/, ''), category);
  CATEGORY_BY_WORD.set(label.en.toLowerCase(), category);
  CATEGORY_BY_WORD.set(category.toLowerCase(), category);
}
for (const [word, category] of [['退休', 'retired'], ['离休', 'retired'], ['退休党员', 'retired'], ['在职人员', 'employed'], ['外出', 'mobile'], ['外出党员', 'mobile'], ['社区', 'selfManaged'], ['社区党员', 'selfManaged']] as const) CATEGORY_BY_WORD.set(word, category);

/** 在职, 退休, 离退休党员, 流动 … → the category; null when the word is not one. */
export function categoryFor(word: string): MemberCategory | null {
  return CATEGORY_BY_WORD.get(normalizeHeader(word)) ?? null;
}

const DUTY_BY_WORD = new Map<string, DutyRole>();
for (const [duty, label] of Object.entries(LABELS.dutyRole) as Array<[DutyRole, { zh: string; en: string }]>) {
  // 政策法规宣传员 is also written 宣传员 or 政策法规; the eight short names differ.
  for (const word of [label.zh, label.zh.slice(-3), label.zh.slice(0, 4), label.en.toLowerCase(), duty.toLowerCase()]) DUTY_BY_WORD.set(word, duty);
}
DUTY_BY_WORD.set('信息员', 'information');

export function dutyFor(word: string): DutyRole | null {
  return DUTY_BY_WORD.get(normalizeHeader(word)) ?? null;
}

const POST_BY_WORD = new Map<string, BranchPost>([
  ['书记', 'secretary'], ['支部书记', 'secretary'], ['党支部书记', 'secretary'], ['总支书记', 'secretary'],
  ['副书记', 'deputy'], ['支部副书记', 'deputy'], ['党支部副书记', 'deputy'],
  ['委员', 'member'], ['支委', 'member'], ['支部委员', 'member'], ['支委委员', 'member'], ['组织委员', 'member'], ['宣传委员', 'member'], ['纪检委员', 'member'], ['纪律检查委员', 'member'],
]);
for (const [post, label] of Object.entries(LABELS.branchPost) as Array<[BranchPost, { zh: string; en: string }]>) {
  POST_BY_WORD.set(label.zh, post);
  POST_BY_WORD.set(label.en.toLowerCase(), post);
}

/** 书记, 副书记, 支委/组织委员 … → the branch post (how 4+2 step 1 counts the branch committee); null when the word is not one. */
export function branchPostFor(word: string): BranchPost | null {
  return POST_BY_WORD.get(normalizeHeader(word)) ?? null;
}
