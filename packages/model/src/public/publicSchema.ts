/**
 * What the `public` document holds, as zod schemas (the types below are inferred from them).
 * Everything here is already public: the writer parses with these schemas, so only these fields
 * can ever be written, and the reader parses with them, so a hostile entry is skipped.
 */
import { z } from 'zod';
import { MAX, zCount, zDate, zId, zLabel, zName, zPhone, zRate, zText, zText2, zTime, zTitle } from '../core/schema';
import { zTimeZone } from '../core/timeZone';
import { zCommunityKind, zHouseholdRole, zMatterStep, zMeetingKind } from '../core/zodValues';

/** Community info and how to reach the committee (public by nature). */
export const PublicCommunitySchema = z.object({
  name: zName.min(1),
  kind: zCommunityKind,
  township: zName.nullable(),
  address: zTitle.nullable(),
  phone: zPhone.nullable(),
  officeHours: zTitle.nullable(),
  intro: zText.nullable(),
  /** The zone the page shows dates in; absent in pages published before it existed, or unknown to this reader's Intl: Asia/Shanghai. */
  timeZone: zTimeZone.nullish().catch(null),
  /** 支部争五星: the township's latest rating of the branch (copied into `escalations` by the township); absent in older pages */
  stars: z.object({ year: z.number().int().min(2000).max(2200), stars: z.number().int().min(0).max(5), township: zLabel.min(1) }).nullish().catch(null),
  updatedAt: zTime,
});
export type PublicCommunity = z.infer<typeof PublicCommunitySchema>;

/** One of the 4+2 steps as disclosed: date, meeting, attendance, tally, verdict and why. */
export const PublicStepSchema = z.object({
  step: zMatterStep,
  date: zDate,
  meeting: z.object({ kind: zMeetingKind, title: zTitle }).nullable(),
  /** Counted from the roster at the time the step was recorded; null when the step has no quorum. */
  due: zCount.nullable(),
  present: zCount.nullable(),
  votes: z.object({ for: zCount, against: zCount, abstain: zCount }).nullable(),
  passed: z.boolean(),
  explanation: zText2,
  /** Shown beside the verdict, e.g. attendance was not recorded so the tally was not checked. Absent in disclosures published before it existed. */
  warning: zText2.nullish(),
});
export type PublicStep = z.infer<typeof PublicStepSchema>;

/** 决议公开 */
export const PublicResolutionSchema = z.object({
  matterId: zId,
  title: zTitle.min(1),
  summary: zText,
  decision: zText,
  /** Day of the resolving vote (step 4). */
  decidedOn: zDate,
  steps: z.array(PublicStepSchema).max(MAX.list),
  publishedAt: zTime,
  /** The community's day of publishing (its time zone); absent in disclosures published before it existed. */
  publishedOn: zDate.nullish(),
});
export type PublicResolution = z.infer<typeof PublicResolutionSchema>;

/** 实施结果公开 */
export const PublicResultSchema = z.object({
  matterId: zId,
  title: zTitle.min(1),
  text: zText,
  completedOn: zDate,
  publishedAt: zTime,
  /** The community's day of publishing (its time zone); absent in disclosures published before it existed. */
  publishedOn: zDate.nullish(),
});
export type PublicResult = z.infer<typeof PublicResultSchema>;

/** A person on a board. name/phone are null unless that person consented. */
export const PublicPersonSchema = z.object({
  name: zName.nullable(),
  phone: zPhone.nullable(),
  /** Post label such as 支部委员 / 网格长 (roles are public; names need consent). */
  post: zText2.nullable(),
});
export type PublicPerson = z.infer<typeof PublicPersonSchema>;

export const PublicLinkedMemberSchema = PublicPersonSchema.extend({
  /** How many households of this unit the member serves. */
  households: zCount,
});
export type PublicLinkedMember = z.infer<typeof PublicLinkedMemberSchema>;

export const PublicFunctionHouseholdSchema = z.object({
  role: zHouseholdRole,
  /** Head of household, only with consent; the room is never shown. */
  name: zName.nullable(),
  phone: zPhone.nullable(),
});
export type PublicFunctionHousehold = z.infer<typeof PublicFunctionHouseholdSchema>;

export const PublicBoardUnitSchema = z.object({
  /** null: households of the building recorded without a unit. */
  unitId: zId.nullable(),
  label: zLabel,
  householdCount: zCount,
  members: z.array(PublicLinkedMemberSchema).max(MAX.list),
  functionHouseholds: z.array(PublicFunctionHouseholdSchema).max(MAX.list),
});
export type PublicBoardUnit = z.infer<typeof PublicBoardUnitSchema>;

/** 服务牌: one per building, with a section per unit. */
export const PublicBoardSchema = z.object({
  buildingId: zId,
  /** Position in the committee's order (grid order, then building number); the page sorts by it. */
  order: z.number().int().min(0).max(1_000_000).default(0),
  label: zLabel.min(1),
  compound: zLabel.nullable(),
  grid: z.object({ label: zLabel, leader: PublicPersonSchema.nullable() }).nullable(),
  cadre: PublicPersonSchema.nullable(),
  householdCount: zCount,
  units: z.array(PublicBoardUnitSchema).max(MAX.list),
  publishedAt: zTime,
});
export type PublicBoard = z.infer<typeof PublicBoardSchema>;

const levelCounts = z.object({ member: zCount, grid: zCount, community: zCount, township: zCount });

/** 三率 and the rest of the board's numbers. Rates are 0..1, null when nothing to divide by. */
export const PublicStatisticsSchema = z.object({
  asOf: zDate,
  /** First day counted; null: since records began. */
  from: zDate.nullable(),
  concerns: z.object({
    collected: zCount,
    responded: zCount,
    resolved: zCount,
    confirmed: zCount,
    satisfied: zCount,
    resolvedByLevel: levelCounts,
  }),
  rates: z.object({ response: zRate.nullable(), resolution: zRate.nullable(), satisfaction: zRate.nullable() }),
  medianDaysToResolve: z.number().min(0).max(100_000).nullable(),
  visits: z.object({
    linkedHouseholds: zCount,
    visitedWithinInterval: zCount,
    coverage: zRate.nullable(),
    intervalDays: zCount,
  }),
  roster: z.object({ households: zCount, members: zCount, linkedHouseholds: zCount }),
  publishedAt: zTime,
});
export type PublicStatistics = z.infer<typeof PublicStatisticsSchema>;

/** A matter's disclosure as the page shows it: its resolution and, later, its result. */
export interface PublicDisclosure {
  readonly matterId: string;
  readonly title: string;
  readonly resolution: PublicResolution | null;
  readonly result: PublicResult | null;
  /** Latest of the two publishedAt, for sorting. */
  readonly publishedAt: number;
}

/** Everything the public page renders. */
export interface PublicView {
  readonly community: PublicCommunity | null;
  /** Newest first. */
  readonly disclosures: readonly PublicDisclosure[];
  /** In the committee's order (`order`), then by label in natural order (2号楼 before 10号楼). */
  readonly boards: readonly PublicBoard[];
  readonly statistics: PublicStatistics | null;
}
