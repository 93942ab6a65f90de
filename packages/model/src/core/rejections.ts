/** The common ways a command says no. */
import { rejected, RejectCode, type CommandRejected } from './result';
import type * as z from 'zod/mini';
import { explainIssues } from './schema';
import { clip, message, type Text } from './text';

export const THING: Readonly<Record<string, { zh: string; en: string }>> = {
  grid: { zh: '网格', en: 'grid' },
  building: { zh: '楼栋', en: 'building' },
  unit: { zh: '单元', en: 'unit' },
  household: { zh: '住户', en: 'household' },
  member: { zh: '党员', en: 'member' },
  group: { zh: '党小组', en: 'party group' },
  relation: { zh: '关系', en: 'relation' },
  points: { zh: '积分记录', en: 'points entry' },
  careNote: { zh: '关怀记录', en: 'care note' },
  concern: { zh: '民情问题', en: 'concern' },
  visit: { zh: '走访记录', en: 'visit' },
  mustVisit: { zh: '必访事件', en: 'must-visit' },
  meeting: { zh: '会议', en: 'meeting' },
  matter: { zh: '事项', en: 'matter' },
  stepRecord: { zh: '步骤记录', en: 'step record' },
};

export function notFound(thing: keyof typeof THING, id: string): CommandRejected {
  const t = THING[thing] ?? { zh: thing, en: thing };
  return rejected(RejectCode.notFound, message('error.notFound', { thing, id: clip(id, 40) }, `找不到该${t.zh}(${clip(id, 40)})`, `No such ${t.en} (${clip(id, 40)})`));
}

/** `why` is bilingual; a plain string is used for both languages. */
export function invalidInput(why: string | Text): CommandRejected {
  const zh = clip(typeof why === 'string' ? why : why.zh, 200);
  const en = clip(typeof why === 'string' ? why : why.en, 200);
  return rejected(RejectCode.invalidInput, message('error.invalidInput', { why: en }, `输入有误:${zh}`, `Invalid input: ${en}`));
}

/** Validates command input; bilingual reasons on failure. */
export function validate<S extends z.ZodMiniType>(schema: S, value: unknown): { ok: true; data: z.infer<S> } | { ok: false; rejection: CommandRejected } {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, data: r.data };
  return { ok: false, rejection: invalidInput(explainIssues(schema, value, r.error)) };
}
