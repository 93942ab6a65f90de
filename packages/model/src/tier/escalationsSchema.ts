/**
 * Stored shapes of a community's `escalations` document: the concerns it escalated to its township
 * (`cases`, written by the community's devices from `work`) and what either side did with them
 * (`actions`, one entry per action so that two people acting offline both keep theirs).
 */
import * as z from 'zod/mini';
import { MAX, zActor, zDate, zId, zInt, zLabel, zText, zTime, zTitle } from '../core/schema';
import { opt, zLevel } from '../core/zodValues';

export const EscalationsLayout = {
  cases: 'cases',
  actions: 'actions',
  /** the township's 支部争五星 rating of this branch, per year, copied from the region document by a desk device */
  ratings: 'ratings',
} as const;

const zCommunityStatus = z.enum(['open', 'inProgress', 'resolved', 'confirmed']);

/** What the township sees of a concern: no household's name or phone, the place as text. */
export const CaseSchema = z.object({
  title: zTitle.check(z.minLength(1)),
  detail: z._default(zText, ''),
  category: opt(zLabel),
  /** the place as the community labels it (building, unit), or the reporter's own words */
  place: z._default(zLabel, ''),
  reportedAt: zTime,
  escalatedAt: zTime,
  /** display name of who escalated it */
  escalatedBy: zActor,
  /** the concern's status in the community's own board */
  communityStatus: z._default(zCommunityStatus, 'open'),
  /** when the community resolved it (its board), null while open */
  communityResolvedAt: opt(zTime),
  /** the resident's latest confirmation */
  satisfied: z._default(z.nullable(z.boolean()), null),
  /** the concern's history in the community, as short lines (type, level, time, note) */
  history: z._default(
    z.array(z.object({ type: z.string().check(z.maxLength(20)), level: opt(zLevel), at: zTime, note: opt(zText) })).check(z.maxLength(MAX.list)),
    [],
  ),
});
export type CaseRecord = z.infer<typeof CaseSchema>;

/** 交办: to a named department of the township, or back to the community, by a deadline. */
export const AssigneeSchema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('department'), name: zLabel.check(z.trim(), z.minLength(1)) }), z.object({ kind: z.literal('community') })]);
export type CaseAssignee = z.infer<typeof AssigneeSchema>;

const base = {
  caseId: zId,
  /** display name */
  by: zActor,
  /** which side acted */
  side: z.enum(['township', 'community']),
  at: zTime,
};

export const CaseActionSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('accept') }),
  z.object({ ...base, type: z.literal('assign'), to: AssigneeSchema, deadline: zDate, note: opt(zText) }),
  z.object({ ...base, type: z.literal('note'), note: zText.check(z.minLength(1)) }),
  z.object({ ...base, type: z.literal('resolve'), note: zText.check(z.minLength(1)) }),
  z.object({ ...base, type: z.literal('handBack'), reason: zText.check(z.minLength(1)) }),
  z.object({ ...base, type: z.literal('reopen'), note: opt(zText) }),
  /** a township meeting (问题会诊会, 交办会) discussed it: the meeting lives in the township's region document */
  z.object({ ...base, type: z.literal('discussed'), meetingId: zId, decision: opt(zText) }),
]);
export type CaseActionRecord = z.infer<typeof CaseActionSchema>;

/**
 * A copy of the township's rating (its region document holds the original, which no community role
 * may open), so that the community's members and its public page can show it. Keyed by year.
 */
export const SharedRatingSchema = z.object({
  year: zInt(2000, 2200),
  stars: zInt(0, 5),
  /** the township's name, as the public page says who rated */
  township: zLabel.check(z.minLength(1)),
  notes: z._default(zText, ''),
  /** the rater (display name) and when they rated, as in the region document */
  by: zActor,
  at: zTime,
});
export type SharedRatingRecord = z.infer<typeof SharedRatingSchema>;
