/**
 * zod pieces shared by every document's entry schemas. Limits keep 1 MB strings out.
 * zod/mini, not zod: its functions tree-shake, so the client's routes carry only what they use.
 */
import * as z from 'zod/mini';
import { ID_PATTERN } from './ids';

// zod/mini loads no messages: without this every issue reads "Invalid input". Kept here because
// every schema imports this module, and the explanations below read the messages.
z.config(z.locales.en());

export const MAX = {
  name: 100,
  phone: 40,
  label: 100,
  title: 200,
  text: 5000,
  longText: 20000,
  list: 200,
} as const;

/** A string of at most `max` characters. */
export const zString = (max: number) => z.string().check(z.maxLength(max));
/** An integer from `min` to `max`. */
export const zInt = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));

export const zId = z.string().check(z.regex(ID_PATTERN));
export const zName = zString(MAX.name);
export const zLabel = zString(MAX.label);
export const zPhone = zString(MAX.phone);
export const zTitle = zString(MAX.title);
export const zText = zString(MAX.text);
export const zLongText = zString(MAX.longText);
/** Milliseconds since the epoch. */
export const zTime = zInt(0, 8.64e15);
export const zCount = zInt(0, 1_000_000);
export const zRate = z.number().check(z.minimum(0), z.maximum(1));
/** Who did something: a member id, a token subject or a display name. */
export const zActor = z.string().check(z.minLength(1), z.maxLength(MAX.name));

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
export const zDate = z.string().check(z.refine(isIsoDate, 'expected a date YYYY-MM-DD'));

export const zText2 = z.object({ zh: zText, en: zText });

const FIELD_ZH: Readonly<Record<string, string>> = {
  name: '名称', number: '编号', room: '房号', head: '户主', phone: '电话', size: '人口', roles: '功能户',
  memberId: '联系党员', buildingId: '楼栋', unitId: '单元', gridId: '网格', consent: '公开范围', title: '标题',
  date: '日期', text: '内容', note: '说明', kind: '类型', category: '类别', amount: '分值', reason: '事由',
  place: '地点', summary: '摘要', votes: '表决', present: '出席', due: '应到', level: '层级',
};

function describe(error: z.core.$ZodError, zh: boolean): string {
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
export function describeIssues(error: z.core.$ZodError): string {
  return describe(error, false);
}

/** Bilingual summary; parses again with the zh-CN error map (only ever on the failure path). */
export function explainIssues(schema: z.ZodMiniType, value: unknown, error: z.core.$ZodError): { zh: string; en: string } {
  const zhResult = schema.safeParse(value, { error: z.locales.zhCN().localeError });
  return { zh: zhResult.success ? describe(error, false) : describe(zhResult.error, true), en: describe(error, false) };
}
