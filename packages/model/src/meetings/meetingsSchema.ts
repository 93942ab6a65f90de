/** Stored shapes of the `meetings` document (see README "Document layout"). */
import * as z from 'zod/mini';
import { zActor, zCount, zDate, zId, zLabel, zText, zTime, zTitle } from '../core/schema';
import { opt, zMatterOrigin, zMatterStep, zMeetingKind } from '../core/zodValues';

export const MeetingsLayout = {
  meta: 'meta',
  meetings: 'meetings',
  attendance: 'attendance',
  agenda: 'agenda',
  matters: 'matters',
  steps: 'steps',
  stepVoids: 'stepVoids',
} as const;


export const MeetingStatus = { planned: 'planned', held: 'held', cancelled: 'cancelled' } as const;
export type MeetingStatus = (typeof MeetingStatus)[keyof typeof MeetingStatus];

export const MeetingSchema = z.object({
  kind: zMeetingKind,
  title: zTitle.check(z.minLength(1)),
  date: zDate,
  place: z._default(zLabel, ''),
  status: z._default(z.enum(['planned', 'held', 'cancelled']), 'planned'),
  /** Names the minutes document `minutes/<minutesId>`; equal to the meeting id. */
  minutesId: zId,
  createdBy: zActor,
  createdAt: zTime,
});
export type MeetingRecord = z.infer<typeof MeetingSchema>;

export const AttendanceSchema = z.object({ present: z.boolean(), by: zActor, at: zTime });
export const AgendaItemSchema = z.object({ order: z.number().check(z.minimum(-1e9), z.maximum(1e9)), by: zActor, at: zTime });

export const MatterOriginSchema = z.object({
  type: zMatterOrigin,
  concernId: opt(zId),
  text: opt(zText),
});

export const MatterSchema = z.object({
  title: zTitle.check(z.minLength(1)),
  summary: z._default(zText, ''),
  origin: MatterOriginSchema,
  /** The decision as resolved (决议内容), disclosed in step 5. */
  decision: z._default(zText, ''),
  /** The implementation result (实施结果), disclosed in step 6. */
  resultText: z._default(zText, ''),
  completedOn: opt(zDate),
  createdBy: zActor,
  createdAt: zTime,
});
export type MatterRecord = z.infer<typeof MatterSchema>;

export const VotesSchema = z.object({ for: zCount, against: zCount, abstain: zCount });
export type Votes = z.infer<typeof VotesSchema>;

export const StepRecordSchema = z.object({
  matterId: zId,
  step: zMatterStep,
  date: zDate,
  meetingId: opt(zId),
  /** Counted from the roster when recorded. */
  due: opt(zCount),
  /** Counted from the meeting's attendance (only people due) when recorded. */
  present: opt(zCount),
  votes: opt(VotesSchema),
  /** The accepted record of the previous step the recorder saw; null for the first step. */
  basis: opt(zId),
  note: opt(zText),
  by: zActor,
  at: zTime,
});
export type StepRecordRecord = z.infer<typeof StepRecordSchema>;

export const StepVoidSchema = z.object({ reason: zText.check(z.minLength(1)), by: zActor, at: zTime });
