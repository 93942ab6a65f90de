/**
 * Stored shapes of a community's `escalations` document: the concerns it escalated to its township
 * (`cases`, written by the community's devices from `work`) and what either side did with them
 * (`actions`, one entry per action so that two people acting offline both keep theirs).
 */
import { z } from 'zod';
import { MAX, zDate, zId, zLabel, zText, zTime, zTitle } from '../core/schema';
import { opt, zLevel } from '../core/zodValues';

export const EscalationsLayout = {
  cases: 'cases',
  actions: 'actions',
  /** the township's 支部争五星 rating of this branch, per year, copied from the region document by a desk device */
  ratings: 'ratings',
} as const;

const zActor = z.string().min(1).max(MAX.name);
const zCommunityStatus = z.enum(['open', 'inProgress', 'resolved', 'confirmed']);

/** What the township sees of a concern: no household's name or phone, the place as text. */
export const CaseSchema = z.object({
  title: zTitle.min(1),
  detail: zText.default(''),
  category: opt(zLabel),
  /** the place as the community labels it (building, unit), or the reporter's own words */
  place: zLabel.default(''),
  reportedAt: zTime,
  escalatedAt: zTime,
  /** display name of who escalated it */
  escalatedBy: zActor,
  /** the concern's status in the community's own board */
  communityStatus: zCommunityStatus.default('open'),
  /** when the community resolved it (its board), null while open */
  communityResolvedAt: opt(zTime),
  /** the resident's latest confirmation */
  satisfied: z.boolean().nullable().default(null),
  /** the concern's history in the community, as short lines (type, level, time, note) */
  history: z
    .array(z.object({ type: z.string().max(20), level: opt(zLevel), at: zTime, note: opt(zText) }))
    .max(MAX.list)
    .default([]),
});
export type CaseRecord = z.infer<typeof CaseSchema>;

/** 交办: to a named department of the township, or back to the community, by a deadline. */
export const AssigneeSchema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('department'), name: zLabel.trim().min(1) }), z.object({ kind: z.literal('community') })]);
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
  z.object({ ...base, type: z.literal('note'), note: zText.min(1) }),
  z.object({ ...base, type: z.literal('resolve'), note: zText.min(1) }),
  z.object({ ...base, type: z.literal('handBack'), reason: zText.min(1) }),
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
  year: z.number().int().min(2000).max(2200),
  stars: z.number().int().min(0).max(5),
  /** the township's name, as the public page says who rated */
  township: zLabel.min(1),
  notes: zText.default(''),
  /** the rater (display name) and when they rated, as in the region document */
  by: zActor,
  at: zTime,
});
export type SharedRatingRecord = z.infer<typeof SharedRatingSchema>;
