/** Matters (事项) and their 4+2 steps. */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { resolveContext, type CommandContext } from '../core/context';
import { planEdit, writeChanged } from '../core/edit';
import type { ConcernId, MatterId, MeetingId, StepRecordId } from '../core/ids';
import { createRecord, removeRecord } from '../core/records';
import { invalidInput, notFound, validate } from '../core/rejections';
import { done, rejected, RejectCode, type CommandResult } from '../core/result';
import { zDate, zId, zText, zTitle } from '../core/schema';
import { message } from '../core/text';
import { zMatterOrigin } from '../core/zodValues';
import { LABELS, type MatterOrigin, type MatterStep } from '../domain/vocabulary';
import type { RosterView } from '../roster/rosterView';
import { dueSet } from './due';
import { evaluateStep, tallyProblem, type StepEvaluation } from './evaluateStep';
import { MatterSchema, MeetingsLayout, VotesSchema, type Votes } from './meetingsSchema';
import { readMeetings } from './readMeetings';

const L = MeetingsLayout;

const CreateInput = z.object({
  title: zTitle.check(z.trim(), z.minLength(1)),
  summary: z.optional(zText.check(z.trim())),
  origin: z.object({ type: zMatterOrigin, concernId: z.optional(z.nullable(zId)), text: z.optional(z.nullable(zText.check(z.trim()))) }),
});

/** Opens a matter. Link the concern it came from with `linkConcernToMatter` in `work` too. */
export function createMatter(doc: Y.Doc, input: { title: string; summary?: string; origin: { type: MatterOrigin; concernId?: ConcernId | null; text?: string | null } }, context: CommandContext): CommandResult<MatterId> {
  const ctx = resolveContext(context);
  const v = validate(CreateInput, input);
  if (!v.ok) return v.rejection;
  if (v.data.origin.type === 'concern' && !v.data.origin.concernId) return invalidInput({ zh: '来源为群众问题时须指明问题', en: 'a matter from a concern must name the concern' });
  const id = ctx.newId() as MatterId;
  const record = MatterSchema.parse({ title: v.data.title, summary: v.data.summary ?? '', origin: { type: v.data.origin.type, concernId: v.data.origin.concernId ?? null, text: v.data.origin.text ?? null }, createdBy: ctx.actor, createdAt: ctx.now });
  doc.transact(() => createRecord(doc, L.matters, id, record), ctx.origin);
  return done(id, message('matter.created', { title: record.title }, `已创建事项:${record.title}`, `Matter created: ${record.title}`));
}

/** Edits title, summary, the decision text (决议) and the result (实施结果, completedOn). */
export function editMatter(doc: Y.Doc, id: MatterId, patch: { title?: string; summary?: string; decision?: string; resultText?: string; completedOn?: string | null }, context: CommandContext): CommandResult<string[]> {
  const ctx = resolveContext(context);
  const m = readMeetings(doc).view.matters.get(id);
  if (!m) return notFound('matter', id);
  const pv = validate(z.object({ title: z.optional(zTitle.check(z.trim(), z.minLength(1))), summary: z.optional(zText), decision: z.optional(zText), resultText: z.optional(zText), completedOn: z.optional(z.nullable(zDate)) }), patch);
  if (!pv.ok) return pv.rejection;
  const plan = planEdit(MatterSchema, m as unknown as Record<string, unknown>, pv.data);
  if (!plan.ok) return invalidInput(plan.why);
  doc.transact(() => writeChanged(doc, L.matters, id, plan.next, plan.changed), ctx.origin);
  return done(plan.changed, message('matter.edited', { title: plan.next.title }, `已修改事项:${plan.next.title}`, `Matter changed: ${plan.next.title}`));
}

/** Removes a matter with no live step records (void them first), and its agenda entries. */
export function removeMatter(doc: Y.Doc, id: MatterId, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const m = readMeetings(doc).view.matters.get(id);
  if (!m) return notFound('matter', id);
  const live = m.records.filter((r) => r.voided === null).length;
  if (live) return rejected(RejectCode.inUse, message('matter.inUse', { title: m.title, count: live }, `事项“${m.title}”已有 ${live} 条步骤记录,请先作废`, `Matter “${m.title}” has ${live} step records; void them first`));
  doc.transact(() => {
    removeRecord(doc, L.matters, id);
    const agenda = doc.getMap(L.agenda);
    for (const key of [...agenda.keys()]) if (key.endsWith(`/${id}`)) agenda.delete(key);
  }, ctx.origin);
  return done(null, message('matter.removed', { title: m.title }, `已删除事项:${m.title}`, `Matter removed: ${m.title}`));
}

export interface RecordStepInput {
  readonly matterId: MatterId;
  readonly step: MatterStep;
  /** Required for steps taken at a meeting; its date is the step's date unless `date` is given. */
  readonly meetingId?: MeetingId | null;
  readonly date?: string;
  readonly votes?: Votes | null;
  readonly note?: string | null;
}

export interface RecordedStep {
  readonly recordId: StepRecordId;
  readonly evaluation: StepEvaluation;
}

/**
 * Records one of the six steps, which must be the matter's next one. Due is counted from the
 * roster and present from the meeting's attendance (only people due count); votes are as
 * entered. A failing vote is recorded too (it happened) and the result says why it failed.
 * A tally above those present is refused. A meeting with no attendance recorded at all still
 * gets its vote recorded (a secretary may tick attendance later, or never), with present left
 * unknown and a warning that travels with the record to the public disclosure.
 */
export function recordStep(doc: Y.Doc, roster: RosterView, input: RecordStepInput, context: CommandContext): CommandResult<RecordedStep> {
  const ctx = resolveContext(context);
  const view = readMeetings(doc, roster.settings.stepRules).view;
  const matter = view.matters.get(input.matterId);
  if (!matter) return notFound('matter', input.matterId);
  const stepLabel = LABELS.matterStep[input.step];
  if (matter.blocked) return rejected(RejectCode.conflict, message('step.blocked', { title: matter.title }, `事项“${matter.title}”有冲突的步骤记录,请先作废其中一条`, `Matter “${matter.title}” has conflicting step records; void one first`));
  if (matter.next !== input.step) {
    const expected = matter.next ? LABELS.matterStep[matter.next] : null;
    return rejected(
      RejectCode.wrongState,
      expected
        ? message('step.outOfOrder', { step: input.step, expected: matter.next ?? '' }, `现在应进行“${expected.zh}”,不能记录“${stepLabel.zh}”`, `The next step is “${expected.en}”, not “${stepLabel.en}”`)
        : message('step.allDone', {}, '六个步骤均已完成', 'All six steps are done'),
    );
  }
  const rule = roster.settings.stepRules[input.step];
  const meetingId = input.meetingId ?? null;
  const meeting = meetingId ? view.meetings.get(meetingId) : undefined;
  if (meetingId && !meeting) return notFound('meeting', meetingId);
  if (rule.meeting === 'required' && !meeting) return invalidInput({ zh: `“${stepLabel.zh}”须在会议上进行,请选择会议`, en: `“${stepLabel.en}” is taken at a meeting; choose one` });
  if (meeting && meeting.status === 'cancelled') return rejected(RejectCode.wrongState, message('meeting.cancelled', { title: meeting.title }, `会议“${meeting.title}”已取消`, `Meeting “${meeting.title}” was cancelled`));
  if (meeting && rule.meetingKinds.length && !rule.meetingKinds.includes(meeting.kind)) {
    const kinds = rule.meetingKinds.map((k) => LABELS.meetingKind[k]);
    return invalidInput({ zh: `“${stepLabel.zh}”应在${kinds.map((k) => k.zh).join('或')}上进行`, en: `“${stepLabel.en}” is taken at a ${kinds.map((k) => k.en).join(' or ')}` });
  }
  const date = input.date ?? meeting?.date;
  const dv = validate(zDate, date);
  if (!dv.ok) return invalidInput({ zh: '请填写日期', en: 'a date is needed' });
  const previous = matter.steps.filter((s) => s.state === 'passed').at(-1)?.record ?? null;
  if (previous && dv.data < previous.date) return invalidInput({ zh: `日期早于上一步骤(${previous.date})`, en: `the date is before the previous step (${previous.date})` });
  if (input.step === 'discloseResolution' && matter.decision.trim() === '') return invalidInput({ zh: '请先填写决议内容', en: 'write the decision first' });
  if (input.step === 'discloseResult' && (matter.resultText.trim() === '' || !matter.completedOn)) return invalidInput({ zh: '请先填写实施结果和完成日期', en: 'write the result and its completion date first' });

  let due: number | null = null;
  let present: number | null = null;
  if (rule.body) {
    const people = dueSet(roster, rule.body);
    due = people.size;
    present = meeting?.attendanceRecorded ? [...meeting.present].filter((p) => people.has(p)).length : null;
  }
  let votes: Votes | null = null;
  if (input.votes) {
    const vv = validate(VotesSchema, input.votes);
    if (!vv.ok) return vv.rejection;
    votes = vv.data;
    const problem = tallyProblem(votes, present);
    if (problem) return rejected(RejectCode.invalidInput, problem);
  }
  if (rule.approval && !votes) return invalidInput({ zh: `“${stepLabel.zh}”须记录表决结果`, en: `“${stepLabel.en}” needs the vote` });
  const note = input.note == null ? null : validate(zText, input.note);
  if (note && !note.ok) return note.rejection;

  const facts = { step: input.step, date: dv.data, meetingId, due, present, votes };
  const evaluation = evaluateStep(facts, rule);
  const recordId = ctx.newId() as StepRecordId;
  doc.transact(() => doc.getMap(L.steps).set(recordId, { matterId: input.matterId, ...facts, basis: previous?.id ?? null, note: note ? note.data : null, by: ctx.actor, at: ctx.now }), ctx.origin);
  const warnings = [...(evaluation.warning ? [evaluation.warning] : []), ...(evaluation.passed ? [] : [evaluation.explanation])];
  return done({ recordId, evaluation }, evaluation.explanation, [], warnings);
}

/** Voids a step record (a mistake, or one side of a merge conflict); it stays visible as voided. */
export function voidStepRecord(doc: Y.Doc, recordId: StepRecordId, reason: string, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const rv = validate(zText.check(z.trim(), z.minLength(1)), reason);
  if (!rv.ok) return invalidInput({ zh: '请说明作废原因', en: 'say why the record is voided' });
  const record = [...readMeetings(doc).view.matters.values()].flatMap((m) => m.records).find((r) => r.id === recordId);
  if (!record) return notFound('stepRecord', recordId);
  if (record.voided) return rejected(RejectCode.wrongState, message('step.alreadyVoided', {}, '该记录已作废', 'The record is already void'));
  doc.transact(() => doc.getMap(L.stepVoids).set(recordId, { reason: rv.data, by: ctx.actor, at: ctx.now }), ctx.origin);
  const step = LABELS.matterStep[record.step];
  return done(null, message('step.voided', { step: record.step }, `已作废“${step.zh}”记录`, `The “${step.en}” record was voided`));
}
