/** zod pieces shared by every document's entry schemas. Limits keep 1 MB strings out. */
import { z } from 'zod';
import { ID_PATTERN } from './ids';

export const MAX = {
  name: 100,
  phone: 40,
  label: 100,
  title: 200,
  text: 5000,
  longText: 20000,
  list: 200,
} as const;

export const zId = z.string().regex(ID_PATTERN);
export const zName = z.string().max(MAX.name);
export const zLabel = z.string().max(MAX.label);
export const zPhone = z.string().max(MAX.phone);
export const zTitle = z.string().max(MAX.title);
export const zText = z.string().max(MAX.text);
export const zLongText = z.string().max(MAX.longText);
/** Milliseconds since the epoch. */
export const zTime = z.number().int().min(0).max(8.64e15);
export const zCount = z.number().int().min(0).max(1_000_000);
export const zRate = z.number().min(0).max(1);

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export type IsoDate = string;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day `YYYY-MM-DD` (2024-02-30 is not). Allocation-free: it runs per visit. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || value.length !== 10 || !ISO_DATE.test(value)) return false;
  const y = +value.slice(0, 4);
  const m = +value.slice(5, 7);
  const d = +value.slice(8, 10);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

/** A calendar day (visits, meetings, steps are dated by day). */
export const zDate = z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });

export const zText2 = z.object({ zh: z.string().max(MAX.text), en: z.string().max(MAX.text) });

const FIELD_ZH: Readonly<Record<string, string>> = {
  name: '名称', number: '编号', room: '房号', head: '户主', phone: '电话', size: '人口', roles: '功能户',
  memberId: '联系党员', buildingId: '楼栋', unitId: '单元', gridId: '网格', consent: '公开范围', title: '标题',
  date: '日期', text: '内容', note: '说明', kind: '类型', category: '类别', amount: '分值', reason: '事由',
  place: '地点', summary: '摘要', votes: '表决', present: '出席', due: '应到', level: '层级',
};

function describe(error: z.ZodError, zh: boolean): string {
  return error.issues
    .slice(0, 3)
    .map((i) => {
      const path = i.path.map(String);
      const label = zh ? path.map((p) => FIELD_ZH[p] ?? p).join('.') : path.join('.');
      return `${label || (zh ? '(条目)' : '(entry)')}: ${i.message}`;
    })
    .join(zh ? ';' : '; ');
}

/** A short, readable English summary of what zod did not like. */
export function describeIssues(error: z.ZodError): string {
  return describe(error, false);
}

/** Bilingual summary; parses again with the zh-CN error map (only ever on the failure path). */
export function explainIssues(schema: z.ZodType, value: unknown, error: z.ZodError): { zh: string; en: string } {
  const zhResult = schema.safeParse(value, { error: z.locales.zhCN().localeError });
  return { zh: zhResult.success ? describe(error, false) : describe(zhResult.error, true), en: describe(error, false) };
}
