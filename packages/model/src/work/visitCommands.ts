/** Visits (走访) and must-visit events (三必访). */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { dayOf, resolveContext, type CommandContext } from '../core/context';
import type { HouseholdId, MemberId, MustVisitId, VisitId } from '../core/ids';
import { invalidInput, notFound, validate } from '../core/rejections';
import { done, type CommandResult } from '../core/result';
import { zDate, zId, zText } from '../core/schema';
import { message, type Message } from '../core/text';
import { zMustVisitReason, zVisitKind } from '../core/zodValues';
import { LABELS, type MustVisitReason, type VisitKind } from '../domain/vocabulary';
import { householdLabel } from '../roster/labels';
import type { RosterView } from '../roster/rosterView';
import { readHouseholdsWork } from './readWork';
import { WorkLayout } from './workSchema';

const VisitInput = z.object({ memberId: zId, householdId: zId, date: zDate, kind: zVisitKind, note: z.optional(zText.check(z.trim())) });

/**
 * Records a visit. The date may not be in the future. A visit by someone other than the linked
 * member is fine (a grid leader standing in) and still counts for the household; the result says so.
 */
export function recordVisit(doc: Y.Doc, roster: RosterView, input: { memberId: MemberId; householdId: HouseholdId; date: string; kind: VisitKind; note?: string }, context: CommandContext): CommandResult<VisitId> {
  const ctx = resolveContext(context);
  const v = validate(VisitInput, input);
  if (!v.ok) return v.rejection;
  const d = v.data;
  const member = roster.members.get(d.memberId as MemberId);
  if (!member) return notFound('member', d.memberId);
  const h = roster.households.get(d.householdId as HouseholdId);
  if (!h) return notFound('household', d.householdId);
  if (d.date > dayOf(ctx.now, roster.settings.timeZone)) return invalidInput({ zh: `走访日期 ${d.date} 在今天之后`, en: `visit date ${d.date} is in the future` });
  const id = ctx.newId() as VisitId;
  const label = householdLabel(roster, h);
  // Only this household's must-visits: a tap on a member's phone must not read a year of visits.
  const work = readHouseholdsWork(doc, new Set([h.id])).view;
  const closes = [...work.mustVisits.values()].filter((m) => m.householdId === h.id && m.closedBy === null && m.reason === d.kind && m.date <= d.date);
  doc.transact(() => doc.getMap(WorkLayout.visits).set(id, { memberId: d.memberId, householdId: d.householdId, date: d.date, kind: d.kind, note: d.note ?? '', by: ctx.actor, at: ctx.now }), ctx.origin);
  const warnings: Message[] = [];
  if (h.memberId !== d.memberId) warnings.push(message('visit.notLinked', { member: member.name, label }, `${member.name} 不是 ${label} 的联系党员,本次走访仍计入该户`, `${member.name} is not the member linked to ${label}; the visit still counts for the household`));
  const effects = closes.length
    ? [{ type: 'must-visits-closed', ids: closes.map((m) => m.id), message: message('visit.closedMustVisits', { count: closes.length }, `同时完成 ${closes.length} 项必访`, `Closed ${closes.length} must-visits`) }]
    : [];
  const kind = LABELS.visitKind[d.kind];
  return done(id, message('visit.recorded', { label, date: d.date, kind: d.kind }, `已记录 ${d.date} 对 ${label} 的${kind.zh}`, `Recorded a ${kind.en} to ${label} on ${d.date}`), effects, warnings);
}

export function removeVisit(doc: Y.Doc, id: VisitId, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const map = doc.getMap(WorkLayout.visits);
  if (!map.has(id)) return notFound('visit', id);
  doc.transact(() => map.delete(id), ctx.origin);
  return done(null, message('visit.removed', {}, '已删除走访记录', 'Visit removed'));
}

const MustVisitInput = z.object({ householdId: zId, reason: zMustVisitReason, date: zDate, note: z.optional(zText.check(z.trim())) });

/** 三必访: a household had hardship, an accident or a neighbour conflict; open until visited. */
export function raiseMustVisit(doc: Y.Doc, roster: RosterView, input: { householdId: HouseholdId; reason: MustVisitReason; date: string; note?: string }, context: CommandContext): CommandResult<MustVisitId> {
  const ctx = resolveContext(context);
  const v = validate(MustVisitInput, input);
  if (!v.ok) return v.rejection;
  const h = roster.households.get(v.data.householdId as HouseholdId);
  if (!h) return notFound('household', v.data.householdId);
  if (v.data.date > dayOf(ctx.now, roster.settings.timeZone)) return invalidInput({ zh: `日期 ${v.data.date} 在今天之后`, en: `date ${v.data.date} is in the future` });
  const id = ctx.newId() as MustVisitId;
  doc.transact(() => doc.getMap(WorkLayout.mustVisits).set(id, { ...v.data, note: v.data.note ?? '', by: ctx.actor, at: ctx.now }), ctx.origin);
  const label = householdLabel(roster, h);
  const reason = LABELS.visitKind[v.data.reason];
  return done(id, message('mustVisit.raised', { label, reason: v.data.reason }, `${label}:${reason.zh},待走访`, `${label}: ${reason.en}, visit needed`));
}

/** Withdraws a must-visit raised by mistake. */
export function cancelMustVisit(doc: Y.Doc, id: MustVisitId, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const map = doc.getMap(WorkLayout.mustVisits);
  if (!map.has(id)) return notFound('mustVisit', id);
  doc.transact(() => map.delete(id), ctx.origin);
  return done(null, message('mustVisit.cancelled', {}, '已撤销必访事件', 'Must-visit withdrawn'));
}
