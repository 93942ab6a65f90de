/**
 * What township staff do with an escalated concern: accept, assign (交办) to a department or back
 * to the community with a deadline, note, resolve, hand back with a reason, reopen, and mark it
 * discussed at a township meeting. Each action is its own entry: two staff acting on one case
 * offline both keep theirs (the fold orders them by time).
 */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { resolveContext, type CommandContext } from '../core/context';
import type { ConcernId } from '../core/ids';
import { invalidInput, notFound, validate } from '../core/rejections';
import { done, rejected, RejectCode, type CommandResult } from '../core/result';
import { zDate, zId, zText } from '../core/schema';
import { message } from '../core/text';
import { AssigneeSchema, CaseActionSchema, EscalationsLayout, type CaseActionRecord, type CaseAssignee } from './escalationsSchema';
import { CaseState, readEscalations, type EscalatedCase } from './readEscalations';

export type CaseActionInput =
  | { type: 'accept' }
  | { type: 'assign'; to: CaseAssignee; deadline: string; note?: string | null }
  | { type: 'note'; note: string }
  | { type: 'resolve'; note: string }
  | { type: 'handBack'; reason: string }
  | { type: 'reopen'; note?: string | null }
  | { type: 'discussed'; meetingId: string; decision?: string | null };

const DONE: Readonly<Record<CaseActionInput['type'], { zh: string; en: string }>> = {
  accept: { zh: '已受理', en: 'accepted' },
  assign: { zh: '已交办', en: 'assigned' },
  note: { zh: '已添加备注', en: 'note added' },
  resolve: { zh: '已办结', en: 'resolved' },
  handBack: { zh: '已退回社区', en: 'handed back to the community' },
  reopen: { zh: '已重新打开', en: 'reopened' },
  discussed: { zh: '已记入会议', en: 'recorded as discussed' },
};

/** Why an action does not fit the case's state, or null. Notes and meetings always fit. */
function refusal(c: EscalatedCase, type: CaseActionInput['type']): { zh: string; en: string } | null {
  const closed = c.state === CaseState.resolved || c.state === CaseState.handedBack;
  switch (type) {
    case 'accept':
      return c.state === CaseState.waiting ? null : { zh: '已受理过', en: 'it was already accepted' };
    case 'assign':
    case 'resolve':
    case 'handBack':
      return closed ? { zh: '已办结或已退回', en: 'it is resolved or handed back' } : null;
    case 'reopen':
      return closed ? null : { zh: '尚未办结', en: 'it is not closed' };
    default:
      return null;
  }
}

const Input = z.discriminatedUnion('type', [
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('assign'), to: AssigneeSchema, deadline: zDate, note: z.optional(z.nullable(zText.check(z.trim()))) }),
  z.object({ type: z.literal('note'), note: zText.check(z.trim(), z.minLength(1)) }),
  z.object({ type: z.literal('resolve'), note: zText.check(z.trim(), z.minLength(1)) }),
  z.object({ type: z.literal('handBack'), reason: zText.check(z.trim(), z.minLength(1)) }),
  z.object({ type: z.literal('reopen'), note: z.optional(z.nullable(zText.check(z.trim()))) }),
  z.object({ type: z.literal('discussed'), meetingId: zId, decision: z.optional(z.nullable(zText.check(z.trim()))) }),
]);

/**
 * Records a township action on an escalated concern. `side` is `township` for the township's
 * staff; the community's own notes on a case use `community`.
 */
export function actOnCase(doc: Y.Doc, id: ConcernId, input: CaseActionInput, context: CommandContext & { readonly name: string; readonly side?: 'township' | 'community' }): CommandResult<string> {
  const ctx = resolveContext(context);
  const v = validate(Input, input);
  if (!v.ok) return v.rejection;
  const c = readEscalations(doc).view.cases.get(id);
  if (!c) return notFound('concern', id);
  const why = refusal(c, v.data.type);
  if (why) return rejected(RejectCode.wrongState, message('case.wrongState', { title: c.title, why: why.en }, `无法处理“${c.title}”:${why.zh}`, `Cannot act on “${c.title}”: ${why.en}`));
  const d = v.data;
  const base = { caseId: id, by: context.name, side: context.side ?? 'township', at: ctx.now };
  const entry: CaseActionRecord =
    d.type === 'assign'
      ? { ...base, type: 'assign', to: d.to, deadline: d.deadline, note: d.note ?? null }
      : d.type === 'reopen'
        ? { ...base, type: 'reopen', note: d.note ?? null }
        : d.type === 'discussed'
          ? { ...base, type: 'discussed', meetingId: d.meetingId, decision: d.decision ?? null }
          : d.type === 'note' || d.type === 'resolve'
            ? { ...base, type: d.type, note: d.note }
            : d.type === 'handBack'
              ? { ...base, type: 'handBack', reason: d.reason }
              : { ...base, type: 'accept' };
  const checked = CaseActionSchema.safeParse(entry);
  if (!checked.success) return invalidInput({ zh: '内容不完整', en: 'the action is incomplete' });
  const actionId = ctx.newId();
  doc.transact(() => doc.getMap(EscalationsLayout.actions).set(actionId, checked.data), ctx.origin);
  const what = DONE[d.type];
  return done(actionId, message(`case.${d.type}`, { title: c.title }, `“${c.title}”${what.zh}`, `“${c.title}” ${what.en}`));
}
