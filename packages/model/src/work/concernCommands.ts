/** Concern commands: report, act on (accept, escalate, hand back, resolve, confirm …), edit, remove. */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { resolveContext, type CommandContext } from '../core/context';
import { planEdit, writeChanged } from '../core/edit';
import { isId, type BuildingId, type ConcernEventId, type ConcernId, type HouseholdId, type MatterId, type MemberId, type UnitId } from '../core/ids';
import { createRecord, removeRecord } from '../core/records';
import { invalidInput, notFound, validate } from '../core/rejections';
import { done, rejected, RejectCode, type CommandResult } from '../core/result';
import { zId, zLabel, zText, zTitle } from '../core/schema';
import { message } from '../core/text';
import { zLevel } from '../core/zodValues';
import { LABELS, LEVELS, type Level } from '../domain/vocabulary';
import type { RosterView } from '../roster/rosterView';
import { refusal } from './concernFold';
import { readWork } from './readWork';
import { ConcernSchema, WorkLayout, type ConcernEventRecord } from './workSchema';
import type { Concern } from './workView';

const W = WorkLayout;

const ReportInput = z.object({
  title: zTitle.check(z.trim(), z.minLength(1)),
  detail: z.optional(zText.check(z.trim())),
  reporter: z.discriminatedUnion('type', [z.object({ type: z.literal('household'), householdId: zId }), z.object({ type: z.literal('text'), text: zLabel.check(z.trim(), z.minLength(1)) })]),
  category: z.optional(z.nullable(zLabel.check(z.trim(), z.minLength(1)))),
  place: z.optional(z.object({ buildingId: z.optional(z.nullable(zId)), unitId: z.optional(z.nullable(zId)), text: z.optional(z.nullable(zLabel)) })),
  level: z.optional(zLevel),
  assignee: z.optional(z.nullable(zId)),
});
export type ReportConcernInput = z.input<typeof ReportInput>;

/**
 * Records a resident's concern (民情). A household reporter also fills the place when none is
 * given; assignee defaults to the household's linked member.
 */
export function reportConcern(doc: Y.Doc, roster: RosterView, input: ReportConcernInput, context: CommandContext): CommandResult<ConcernId> {
  const ctx = resolveContext(context);
  const v = validate(ReportInput, input);
  if (!v.ok) return v.rejection;
  const d = v.data;
  let place = { buildingId: d.place?.buildingId ?? null, unitId: d.place?.unitId ?? null, text: d.place?.text ?? null };
  let assignee = d.assignee ?? null;
  if (d.reporter.type === 'household') {
    const h = roster.households.get(d.reporter.householdId as HouseholdId);
    if (!h) return notFound('household', d.reporter.householdId);
    if (!place.buildingId && !place.text) place = { buildingId: h.buildingId, unitId: h.unitId, text: null };
    if (assignee === null && d.assignee === undefined) assignee = h.memberId;
  }
  if (place.buildingId && !roster.buildings.has(place.buildingId as BuildingId)) return notFound('building', place.buildingId);
  if (place.unitId && !roster.units.has(place.unitId as UnitId)) return notFound('unit', place.unitId);
  if (assignee && !roster.members.has(assignee as MemberId)) return notFound('member', assignee);
  const id = ctx.newId() as ConcernId;
  const record = ConcernSchema.parse({ title: d.title, detail: d.detail ?? '', reporter: d.reporter, category: d.category ?? null, place, level: d.level ?? 'member', assignee, createdBy: ctx.actor, createdAt: ctx.now });
  doc.transact(() => createRecord(doc, W.concerns, id, record), ctx.origin);
  return done(id, message('concern.reported', { title: record.title }, `已登记问题:${record.title}`, `Concern recorded: ${record.title}`));
}

export function editConcern(doc: Y.Doc, id: ConcernId, patch: { title?: string; detail?: string; category?: string | null }, context: CommandContext): CommandResult<string[]> {
  const ctx = resolveContext(context);
  const c = readWork(doc).view.concerns.get(id);
  if (!c) return notFound('concern', id);
  const pv = validate(z.object({ title: z.optional(zTitle.check(z.trim(), z.minLength(1))), detail: z.optional(zText), category: z.optional(z.nullable(zLabel.check(z.trim(), z.minLength(1)))) }), patch);
  if (!pv.ok) return pv.rejection;
  const plan = planEdit(ConcernSchema, c as unknown as Record<string, unknown>, pv.data);
  if (!plan.ok) return invalidInput(plan.why);
  doc.transact(() => writeChanged(doc, W.concerns, id, plan.next, plan.changed), ctx.origin);
  return done(plan.changed, message('concern.edited', { title: plan.next.title }, `已修改问题:${plan.next.title}`, `Concern changed: ${plan.next.title}`));
}

/** Deletes a concern entered by mistake, with its history. */
export function removeConcern(doc: Y.Doc, id: ConcernId, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const c = readWork(doc).view.concerns.get(id);
  if (!c) return notFound('concern', id);
  doc.transact(() => {
    removeRecord(doc, W.concerns, id);
    const events = doc.getMap(W.concernEvents);
    for (const e of c.history) events.delete(e.id);
  }, ctx.origin);
  return done(null, message('concern.removed', { title: c.title }, `已删除问题:${c.title}`, `Concern removed: ${c.title}`));
}

type Action = { type: 'accept'; assignee?: MemberId | null } | { type: 'escalate'; level?: Level; assignee?: MemberId | null; note?: string | null } | { type: 'handBack'; level?: Level; assignee?: MemberId | null; note?: string | null } | { type: 'resolve'; note: string } | { type: 'reopen'; note?: string | null } | { type: 'confirm'; satisfied: boolean; note?: string | null } | { type: 'link'; matterId: MatterId | null } | { type: 'assign'; assignee: MemberId } | { type: 'note'; note: string };

function wrongState(c: Concern, why: { zh: string; en: string }) {
  return rejected(RejectCode.wrongState, message('concern.wrongState', { title: c.title, why: why.en }, `无法处理“${c.title}”:${why.zh}`, `Cannot act on “${c.title}”: ${why.en}`));
}

const ACTION_DONE: Readonly<Record<Action['type'], { zh: string; en: string }>> = {
  accept: { zh: '已受理', en: 'accepted' },
  escalate: { zh: '已上报', en: 'escalated' },
  handBack: { zh: '已退回', en: 'handed back' },
  resolve: { zh: '已办结', en: 'resolved' },
  reopen: { zh: '已重新打开', en: 'reopened' },
  confirm: { zh: '已记录群众评价', en: "resident's confirmation recorded" },
  link: { zh: '已关联事项', en: 'linked to the matter' },
  assign: { zh: '已指派', en: 'assigned' },
  note: { zh: '已添加备注', en: 'note added' },
};

const zNote = zText.check(z.trim());

/** Appends an action to a concern's history after checking it fits the current state. */
function act(doc: Y.Doc, id: ConcernId, action: Action, context: CommandContext, roster?: RosterView): CommandResult<ConcernEventId> {
  const ctx = resolveContext(context);
  const c = readWork(doc).view.concerns.get(id);
  if (!c) return notFound('concern', id);
  const base = { concernId: id, by: ctx.actor, at: ctx.now, seen: c.history.length };
  let event: ConcernEventRecord;
  switch (action.type) {
    case 'escalate':
    case 'handBack': {
      const i = LEVELS.indexOf(c.level) + (action.type === 'escalate' ? 1 : -1);
      const level = action.level ?? LEVELS[i];
      if (!level) return wrongState(c, action.type === 'escalate' ? { zh: '已在最高层级(乡镇)', en: 'already at the top level (township)' } : { zh: '已在最低层级(党员)', en: 'already at the lowest level (member)' });
      const note = action.note == null ? null : validate(zNote, action.note);
      if (note && !note.ok) return note.rejection;
      event = { ...base, type: action.type, level, assignee: action.assignee ?? null, note: note ? note.data : null };
      break;
    }
    case 'resolve': {
      const note = validate(zNote.check(z.minLength(1)), action.note);
      if (!note.ok) return invalidInput({ zh: '办结时请说明处理结果', en: 'say how it was resolved' });
      event = { ...base, type: 'resolve', note: note.data };
      break;
    }
    case 'note': {
      const note = validate(zNote.check(z.minLength(1)), action.note);
      if (!note.ok) return note.rejection;
      event = { ...base, type: 'note', note: note.data };
      break;
    }
    case 'reopen':
    case 'confirm': {
      const note = action.note == null ? null : validate(zNote, action.note);
      if (note && !note.ok) return note.rejection;
      event = action.type === 'confirm' ? { ...base, type: 'confirm', satisfied: action.satisfied, note: note ? note.data : null } : { ...base, type: 'reopen', note: note ? note.data : null };
      break;
    }
    case 'accept':
      // 受理 keeps whoever already handles it; with nobody yet, the person accepting takes it.
      event = { ...base, type: 'accept', assignee: action.assignee ?? c.assignee ?? (isId(ctx.actor) ? (ctx.actor as MemberId) : null) };
      break;
    case 'link':
      event = { ...base, type: 'link', matterId: action.matterId };
      break;
    case 'assign':
      event = { ...base, type: 'assign', assignee: action.assignee };
      break;
  }
  // A handler is someone in the roster, or the acting person themself (a committee member who
  // joined by invite may not be in it yet).
  const assignee = 'assignee' in event ? event.assignee : null;
  if (assignee && assignee !== ctx.actor && roster && !roster.members.has(assignee as MemberId)) return notFound('member', assignee);
  const why = refusal(c, event);
  if (why) return wrongState(c, why);
  const eventId = ctx.newId() as ConcernEventId;
  doc.transact(() => doc.getMap(W.concernEvents).set(eventId, event), ctx.origin);
  const what = ACTION_DONE[action.type];
  const extra = event.type === 'escalate' || event.type === 'handBack' ? LABELS.level[event.level] : null;
  return done(
    eventId,
    message(`concern.${action.type}`, { title: c.title, level: extra?.en ?? '' }, `“${c.title}”${what.zh}${extra ? `(${extra.zh})` : ''}`, `“${c.title}” ${what.en}${extra ? ` (${extra.en})` : ''}`),
  );
}

/** 受理: work starts; the assignee stays (default when there is none: the actor). */
export const acceptConcern = (doc: Y.Doc, id: ConcernId, input: { assignee?: MemberId | null }, ctx: CommandContext, roster?: RosterView) => act(doc, id, { type: 'accept', ...input }, ctx, roster);
/** 上报 to the next level (or a given higher one); `handlerFor` suggests the assignee. */
export const escalateConcern = (doc: Y.Doc, id: ConcernId, input: { level?: Level; assignee?: MemberId | null; note?: string | null }, ctx: CommandContext, roster?: RosterView) => act(doc, id, { type: 'escalate', ...input }, ctx, roster);
/** 退回 to the level below (or a given lower one), usually with instructions. */
export const handBackConcern = (doc: Y.Doc, id: ConcernId, input: { level?: Level; assignee?: MemberId | null; note?: string | null }, ctx: CommandContext, roster?: RosterView) => act(doc, id, { type: 'handBack', ...input }, ctx, roster);
/** 办结 with a note saying what was done. */
export const resolveConcern = (doc: Y.Doc, id: ConcernId, input: { note: string }, ctx: CommandContext) => act(doc, id, { type: 'resolve', ...input }, ctx);
export const reopenConcern = (doc: Y.Doc, id: ConcernId, input: { note?: string | null }, ctx: CommandContext) => act(doc, id, { type: 'reopen', ...input }, ctx);
/** The resident's confirmation: satisfied closes it; not satisfied sends it back to work. */
export const confirmConcern = (doc: Y.Doc, id: ConcernId, input: { satisfied: boolean; note?: string | null }, ctx: CommandContext) => act(doc, id, { type: 'confirm', ...input }, ctx);
export const assignConcern = (doc: Y.Doc, id: ConcernId, assignee: MemberId, ctx: CommandContext, roster?: RosterView) => act(doc, id, { type: 'assign', assignee }, ctx, roster);
/** Links the concern to the 4+2 matter that handles it (null unlinks). */
export const linkConcernToMatter = (doc: Y.Doc, id: ConcernId, matterId: MatterId | null, ctx: CommandContext) => act(doc, id, { type: 'link', matterId }, ctx);
export const noteConcern = (doc: Y.Doc, id: ConcernId, note: string, ctx: CommandContext) => act(doc, id, { type: 'note', note }, ctx);

/**
 * Who should handle a concern at a level: member → the household's linked member; grid → the
 * grid leader (else the building's cadre); community → the branch secretary (else the
 * residents' committee director); township → nobody in the roster.
 */
export function handlerFor(roster: RosterView, concern: Pick<Concern, 'reporter' | 'place'>, level: Level): MemberId | null {
  const household = concern.reporter.type === 'household' ? roster.households.get(concern.reporter.householdId as HouseholdId) : undefined;
  const buildingId = household?.buildingId ?? concern.place.buildingId;
  switch (level) {
    case 'member':
      return household?.memberId ?? null;
    case 'grid': {
      const b = buildingId ? roster.buildings.get(buildingId) : undefined;
      return b ? (roster.grids.get(b.gridId)?.leaderId ?? b.cadreId ?? null) : null;
    }
    case 'community':
      for (const m of roster.members.values()) if (m.active && m.branchPost === 'secretary') return m.id;
      for (const m of roster.members.values()) if (m.active && m.residentsPost === 'director') return m.id;
      return null;
    case 'township':
      return null;
  }
}
