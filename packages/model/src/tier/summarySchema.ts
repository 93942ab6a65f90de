/**
 * A community's `summary` document: one record of counts and rates for the township's and the
 * county's views, written by the community's committee devices (`computeSummary`), read above.
 * Small on purpose: a county of 152 communities reads 152 of these, not their documents.
 */
import * as z from 'zod/mini';
import { MAX, zCount, zDate, zId, zInt, zRate, zTime } from '../core/schema';

export const SummaryLayout = { summary: 'summary' } as const;
/** The one key of the `summary` map. */
export const SUMMARY_KEY = 'current';

const zMaybeRate = z.nullable(zRate);
const perLevel = z.object({ member: zCount, grid: zCount, community: zCount, township: zCount });
const perKind = z.object({ branchCommittee: zCount, memberAssembly: zCount, groupMeeting: zCount, partyLecture: zCount });

export const SummarySchema = z.object({
  /** the day it describes, in the community's zone; figures cover its calendar year up to that day */
  asOf: zDate,
  year: zInt(2000, 2200),
  computedAt: zTime,
  concerns: z.object({
    collected: zCount,
    responded: zCount,
    respondedInTime: zCount,
    resolved: zCount,
    confirmed: zCount,
    satisfied: zCount,
    dissatisfied: zCount,
    escalatedToTownship: zCount,
    resolvedByLevel: perLevel,
  }),
  rates: z.object({ response: zMaybeRate, resolution: zMaybeRate, satisfaction: zMaybeRate }),
  medianDaysToResolve: z.nullable(z.number().check(z.minimum(0), z.maximum(100_000))),
  visits: z.object({ linkedHouseholds: zCount, visitedWithinInterval: zCount, coverage: zMaybeRate }),
  /** 四议两公开: matters decided this year, and how many disclosed their resolution and their result */
  fourPlusTwo: z.object({ decided: zCount, resolutionsDisclosed: zCount, resultsDisclosed: zCount, compliance: zMaybeRate }),
  /** 三会一课 held this year against the expected cadence up to asOf */
  threeMeetings: z.object({ held: perKind, expected: perKind, compliance: zMaybeRate }),
  /** the branch's members (id, name) so that township cadres can pair with them (干部联系党员) */
  members: z.array(z.object({ id: zId, name: z.string().check(z.maxLength(MAX.name)) })).check(z.maxLength(5000)),
});
export type Summary = z.infer<typeof SummarySchema>;
