/**
 * What the `public` document holds, as zod schemas (the types below are inferred from them).
 * Everything here is already public: the writer parses with these schemas, so only these fields
 * can ever be written, and the reader parses with them, so a hostile entry is skipped.
 */
import * as z from 'zod/mini';
import { MAX, zCount, zDate, zId, zInt, zLabel, zName, zPhone, zRate, zText, zText2, zTime, zTitle } from '../core/schema';
import { zTimeZone } from '../core/zTimeZone';
import { zCommunityKind, zHouseholdRole, zMatterStep, zMeetingKind } from '../core/zodValues';

/** Community info and how to reach the committee (public by nature). */
export const PublicCommunitySchema = z.object({
  name: zName.check(z.minLength(1)),
  kind: zCommunityKind,
  township: z.nullable(zName),
  address: z.nullable(zTitle),
  phone: z.nullable(zPhone),
  officeHours: z.nullable(zTitle),
  intro: z.nullable(zText),
  /** The zone the page shows dates in; absent in pages published before it existed, or unknown to this reader's Intl: Asia/Shanghai. */
  timeZone: z.catch(z.nullish(zTimeZone), null),
  /** 支部争五星: the township's latest rating of the branch (copied into `escalations` by the township); absent in older pages */
  stars: z.catch(z.nullish(z.object({ year: zInt(2000, 2200), stars: zInt(0, 5), township: zLabel.check(z.minLength(1)) })), null),
  updatedAt: zTime,
});
export type PublicCommunity = z.infer<typeof PublicCommunitySchema>;

/** One of the 4+2 steps as disclosed: date, meeting, attendance, tally, verdict and why. */
export const PublicStepSchema = z.object({
  step: zMatterStep,
  date: zDate,
  meeting: z.nullable(z.object({ kind: zMeetingKind, title: zTitle })),
  /** Counted from the roster at the time the step was recorded; null when the step has no quorum. */
  due: z.nullable(zCount),
  present: z.nullable(zCount),
  votes: z.nullable(z.object({ for: zCount, against: zCount, abstain: zCount })),
  passed: z.boolean(),
  explanation: zText2,
  /** Shown beside the verdict, e.g. attendance was not recorded so the tally was not checked. Absent in disclosures published before it existed. */
  warning: z.nullish(zText2),
});
export type PublicStep = z.infer<typeof PublicStepSchema>;

/** 决议公开 */
export const PublicResolutionSchema = z.object({
  matterId: zId,
  title: zTitle.check(z.minLength(1)),
  summary: zText,
  decision: zText,
  /** Day of the resolving vote (step 4). */
  decidedOn: zDate,
  steps: z.array(PublicStepSchema).check(z.maxLength(MAX.list)),
  publishedAt: zTime,
  /** The community's day of publishing (its time zone); absent in disclosures published before it existed. */
  publishedOn: z.nullish(zDate),
});
export type PublicResolution = z.infer<typeof PublicResolutionSchema>;

/** 实施结果公开 */
export const PublicResultSchema = z.object({
  matterId: zId,
  title: zTitle.check(z.minLength(1)),
  text: zText,
  completedOn: zDate,
  publishedAt: zTime,
  /** The community's day of publishing (its time zone); absent in disclosures published before it existed. */
  publishedOn: z.nullish(zDate),
});
export type PublicResult = z.infer<typeof PublicResultSchema>;

/** A person on a board. name/phone are null unless that person consented. */
export const PublicPersonSchema = z.object({
  name: z.nullable(zName),
  phone: z.nullable(zPhone),
  /** Post label such as 支部委员 / 网格长 (roles are public; names need consent). */
  post: z.nullable(zText2),
});
export type PublicPerson = z.infer<typeof PublicPersonSchema>;

export const PublicLinkedMemberSchema = z.extend(PublicPersonSchema, {
  /** How many households of this unit the member serves. */
  households: zCount,
});
export type PublicLinkedMember = z.infer<typeof PublicLinkedMemberSchema>;

export const PublicFunctionHouseholdSchema = z.object({
  role: zHouseholdRole,
  /** Head of household, only with consent; the room is never shown. */
  name: z.nullable(zName),
  phone: z.nullable(zPhone),
});
export type PublicFunctionHousehold = z.infer<typeof PublicFunctionHouseholdSchema>;

export const PublicBoardUnitSchema = z.object({
  /** null: households of the building recorded without a unit. */
  unitId: z.nullable(zId),
  label: zLabel,
  householdCount: zCount,
  members: z.array(PublicLinkedMemberSchema).check(z.maxLength(MAX.list)),
  functionHouseholds: z.array(PublicFunctionHouseholdSchema).check(z.maxLength(MAX.list)),
});
export type PublicBoardUnit = z.infer<typeof PublicBoardUnitSchema>;

/** 服务牌: one per building, with a section per unit. */
export const PublicBoardSchema = z.object({
  buildingId: zId,
  /** Position in the committee's order (grid order, then building number); the page sorts by it. */
  order: z._default(zInt(0, 1_000_000), 0),
  label: zLabel.check(z.minLength(1)),
  compound: z.nullable(zLabel),
  grid: z.nullable(z.object({ label: zLabel, leader: z.nullable(PublicPersonSchema) })),
  cadre: z.nullable(PublicPersonSchema),
  householdCount: zCount,
  units: z.array(PublicBoardUnitSchema).check(z.maxLength(MAX.list)),
  publishedAt: zTime,
});
export type PublicBoard = z.infer<typeof PublicBoardSchema>;

const levelCounts = z.object({ member: zCount, grid: zCount, community: zCount, township: zCount });

/** 三率 and the rest of the board's numbers. Rates are 0..1, null when nothing to divide by. */
export const PublicStatisticsSchema = z.object({
  asOf: zDate,
  /** First day counted; null: since records began. */
  from: z.nullable(zDate),
  concerns: z.object({
    collected: zCount,
    responded: zCount,
    resolved: zCount,
    confirmed: zCount,
    satisfied: zCount,
    resolvedByLevel: levelCounts,
  }),
  rates: z.object({ response: z.nullable(zRate), resolution: z.nullable(zRate), satisfaction: z.nullable(zRate) }),
  medianDaysToResolve: z.nullable(z.number().check(z.minimum(0), z.maximum(100_000))),
  visits: z.object({
    linkedHouseholds: zCount,
    visitedWithinInterval: zCount,
    coverage: z.nullable(zRate),
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
