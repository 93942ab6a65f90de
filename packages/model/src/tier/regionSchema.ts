/**
 * Stored shapes of a region's own document (`<regionId>/region`): the township's meetings about
 * concerns, its star criteria and ratings (支部争五星), and its cadres' pairings with members and
 * their contacts (干部联系党员). Entries, not nested maps: two staff adding offline both keep theirs.
 */
import * as z from 'zod/mini';
import { MAX, zActor, zCount, zDate, zId, zInt, zLabel, zText, zTime, zTitle } from '../core/schema';
import { opt } from '../core/zodValues';

export const RegionLayout = {
  meetings: 'meetings',
  criteria: 'criteria',
  ratings: 'ratings',
  pairings: 'pairings',
  contacts: 'contacts',
} as const;

const zCommunity = z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/));

/** 问题会诊会 (consultation on hard cases) or 交办会 (assigning them). */
export const RegionMeetingKind = { consultation: 'consultation', assignment: 'assignment' } as const;
export type RegionMeetingKind = (typeof RegionMeetingKind)[keyof typeof RegionMeetingKind];

export const RegionMeetingSchema = z.object({
  kind: z.enum(['consultation', 'assignment']),
  title: zTitle.check(z.minLength(1)),
  date: zDate,
  /** the concerns discussed: community and case id (= the concern's id), title as it was */
  concerns: z._default(z.array(z.object({ communityId: zCommunity, caseId: zId, title: zTitle })).check(z.maxLength(MAX.list)), []),
  decisions: z._default(zText, ''),
  by: zActor,
  at: zTime,
});
export type RegionMeetingRecord = z.infer<typeof RegionMeetingSchema>;

/** What a star criterion measures, from a community's summary. */
export const STAR_METRICS = ['rates.response', 'rates.resolution', 'rates.satisfaction', 'visits.coverage', 'fourPlusTwo.compliance', 'threeMeetings.compliance'] as const;
export type StarMetric = (typeof STAR_METRICS)[number];

export const CriterionSchema = z.object({
  title: zLabel.check(z.minLength(1)),
  metric: z.enum(STAR_METRICS),
  /** met when the metric is at least this (a rate, 0–1) */
  threshold: z.number().check(z.minimum(0), z.maximum(1)),
  order: z._default(zInt(0, 1000), 0),
});
export type CriterionRecord = z.infer<typeof CriterionSchema>;

export const RatingSchema = z.object({
  communityId: zCommunity,
  year: zInt(2000, 2200),
  stars: zInt(0, 5),
  notes: z._default(zText, ''),
  by: zActor,
  at: zTime,
});
export type RatingRecord = z.infer<typeof RatingSchema>;

export const PairingSchema = z.object({
  /** the township cadre (display name) */
  cadre: zActor,
  communityId: zCommunity,
  memberId: zId,
  memberName: zActor,
  since: zDate,
  /** agreed contacts per month (镇街干部与联系村党员结对,每月交流不少于 2 次) */
  perMonth: z._default(zCount, 2),
  ended: opt(zDate),
});
export type PairingRecord = z.infer<typeof PairingSchema>;

export const ContactSchema = z.object({
  pairingId: zId,
  date: zDate,
  kind: z.enum(['visit', 'call', 'talk', 'message']),
  note: z._default(zText, ''),
  by: zActor,
  at: zTime,
});
export type ContactRecord = z.infer<typeof ContactSchema>;
