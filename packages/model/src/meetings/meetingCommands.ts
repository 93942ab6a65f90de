/** Meetings: create, edit, hold/cancel, attendance from the roster, agenda of matters. */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { resolveContext, type CommandContext } from '../core/context';
import { planEdit, writeChanged } from '../core/edit';
import type { HouseholdId, MatterId, MeetingId, MemberId } from '../core/ids';
import { createRecord, removeRecord } from '../core/records';
import { invalidInput, notFound, validate } from '../core/rejections';
import { done, rejected, RejectCode, type CommandResult } from '../core/result';
import { zDate, zLabel, zTitle } from '../core/schema';
import { message } from '../core/text';
import { zMeetingKind } from '../core/zodValues';
import { LABELS, type MeetingKind } from '../domain/vocabulary';
import type { RosterView } from '../roster/rosterView';
import { householdKey, memberKey, type PersonKey } from './due';
import { MeetingSchema, MeetingsLayout, type MeetingStatus } from './meetingsSchema';
import { readMeetings } from './readMeetings';

const L = MeetingsLayout;

const CreateInput = z.object({ kind: zMeetingKind, title: z.optional(zTitle.check(z.trim(), z.minLength(1))), date: zDate, place: z.optional(zLabel.check(z.trim())) });

/**
 * Creates a meeting. Its id also names its minutes document (`minutes/<id>`); the title
 * defaults to e.g. “2024-03-20 党员大会”.
 */
export function createMeeting(doc: Y.Doc, input: { kind: MeetingKind; date: string; title?: string; place?: string }, context: CommandContext): CommandResult<MeetingId> {
  const ctx = resolveContext(context);
  const v = validate(CreateInput, input);
  if (!v.ok) return v.rejection;
  const id = ctx.newId() as MeetingId;
  const title = v.data.title ?? `${v.data.date} ${LABELS.meetingKind[v.data.kind].zh}`;
  doc.transact(() => createRecord(doc, L.meetings, id, { kind: v.data.kind, title, date: v.data.date, place: v.data.place ?? '', status: 'planned', minutesId: id, createdBy: ctx.actor, createdAt: ctx.now }), ctx.origin);
  return done(id, message('meeting.created', { title }, `已创建会议:${title}`, `Meeting created: ${title}`));
}

export function editMeeting(doc: Y.Doc, id: MeetingId, patch: { kind?: MeetingKind; title?: string; date?: string; place?: string; status?: MeetingStatus }, context: CommandContext): CommandResult<string[]> {
  const ctx = resolveContext(context);
  const m = readMeetings(doc).view.meetings.get(id);
  if (!m) return notFound('meeting', id);
  const plan = planEdit(MeetingSchema, m as unknown as Record<string, unknown>, patch);
  if (!plan.ok) return invalidInput(plan.why);
  doc.transact(() => writeChanged(doc, L.meetings, id, plan.next, plan.changed), ctx.origin);
  return done(plan.changed, message('meeting.edited', { title: plan.next.title }, `已修改会议:${plan.next.title}`, `Meeting changed: ${plan.next.title}`));
}

/** Removes a meeting with no step recorded at it (cancel it otherwise). */
export function removeMeeting(doc: Y.Doc, id: MeetingId, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const view = readMeetings(doc).view;
  const m = view.meetings.get(id);
  if (!m) return notFound('meeting', id);
  const used = [...view.matters.values()].flatMap((x) => x.records).filter((r) => r.meetingId === id && r.voided === null).length;
  if (used > 0) return rejected(RejectCode.inUse, message('meeting.inUse', { title: m.title, count: used }, `会议“${m.title}”已记录 ${used} 个议事步骤,不能删除,可改为取消`, `Meeting “${m.title}” has ${used} recorded steps and cannot be removed; cancel it instead`));
  doc.transact(() => {
    removeRecord(doc, L.meetings, id);
    const prefix = `${id}/`;
    for (const name of [L.attendance, L.agenda]) {
      const map = doc.getMap(name);
      for (const key of [...map.keys()]) if (key.startsWith(prefix)) map.delete(key);
    }
  }, ctx.origin);
  return done(null, message('meeting.removed', { title: m.title }, `已删除会议:${m.title}`, `Meeting removed: ${m.title}`));
}

export type Attendee = { type: 'member'; id: MemberId } | { type: 'household'; id: HouseholdId };

/** Marks people present or absent (roster members, or representative households by their head). */
export function setAttendance(doc: Y.Doc, roster: RosterView, meetingId: MeetingId, attendees: readonly Attendee[], present: boolean, context: CommandContext): CommandResult<number> {
  const ctx = resolveContext(context);
  const m = readMeetings(doc).view.meetings.get(meetingId);
  if (!m) return notFound('meeting', meetingId);
  if (m.status === 'cancelled') return rejected(RejectCode.wrongState, message('meeting.cancelled', { title: m.title }, `会议“${m.title}”已取消`, `Meeting “${m.title}” was cancelled`));
  const keys: PersonKey[] = [];
  for (const a of attendees) {
    if (a.type === 'member') {
      if (!roster.members.has(a.id)) return notFound('member', a.id);
      keys.push(memberKey(a.id));
    } else {
      if (!roster.households.has(a.id)) return notFound('household', a.id);
      keys.push(householdKey(a.id));
    }
  }
  doc.transact(() => {
    const map = doc.getMap(L.attendance);
    for (const k of keys) map.set(`${meetingId}/${k}`, { present, by: ctx.actor, at: ctx.now });
  }, ctx.origin);
  return done(keys.length, message(present ? 'meeting.present' : 'meeting.absent', { count: keys.length }, `已登记 ${keys.length} 人${present ? '出席' : '缺席'}`, `Marked ${keys.length} ${present ? 'present' : 'absent'}`));
}

/** Puts a matter on a meeting's agenda (at the end unless `order` is given). */
export function addAgendaItem(doc: Y.Doc, meetingId: MeetingId, matterId: MatterId, context: CommandContext, order?: number): CommandResult<null> {
  const ctx = resolveContext(context);
  const view = readMeetings(doc).view;
  const m = view.meetings.get(meetingId);
  if (!m) return notFound('meeting', meetingId);
  const matter = view.matters.get(matterId);
  if (!matter) return notFound('matter', matterId);
  const map = doc.getMap<unknown>(L.agenda);
  const key = `${meetingId}/${matterId}`;
  if (map.has(key) && order === undefined) return done(null, message('agenda.already', { title: matter.title }, `“${matter.title}”已在议程中`, `“${matter.title}” is already on the agenda`));
  doc.transact(() => map.set(key, { order: order ?? m.agenda.length, by: ctx.actor, at: ctx.now }), ctx.origin);
  return done(null, message('agenda.added', { title: matter.title }, `已将“${matter.title}”列入议程`, `“${matter.title}” added to the agenda`));
}

export function removeAgendaItem(doc: Y.Doc, meetingId: MeetingId, matterId: MatterId, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const map = doc.getMap<unknown>(L.agenda);
  const key = `${meetingId}/${matterId}`;
  if (!map.has(key)) return notFound('matter', matterId);
  doc.transact(() => map.delete(key), ctx.origin);
  return done(null, message('agenda.removed', {}, '已移出议程', 'Removed from the agenda'));
}
