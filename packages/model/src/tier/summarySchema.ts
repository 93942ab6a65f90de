/**
 * A community's `summary` document: one record of counts and rates for the township's and the
 * county's views, written by the community's committee devices (`computeSummary`), read above.
 * Small on purpose: a county of 152 communities reads 152 of these, not their documents.
 */
import { z } from 'zod';
import { MAX, zCount, zDate, zId, zRate, zTime } from '../core/schema';

export const SummaryLayout = { summary: 'summary' } as const;
/** The one key of the `summary` map. */
export const SUMMARY_KEY = 'current';

const zMaybeRate = zRate.nullable();
const perLevel = z.object({ member: zCount, grid: zCount, community: zCount, township: zCount });
const perKind = z.object({ branchCommittee: zCount, memberAssembly: zCount, groupMeeting: zCount, partyLecture: zCount });

export const SummarySchema = z.object({
  /** the day it describes, in the community's zone; figures cover its calendar year up to that day */
  asOf: zDate,
  year: z.number().int().min(2000).max(2200),
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
  medianDaysToResolve: z.number().min(0).max(100_000).nullable(),
  visits: z.object({ linkedHouseholds: zCount, visitedWithinInterval: zCount, coverage: zMaybeRate }),
  /** 四议两公开: matters decided this year, and how many disclosed their resolution and their result */
  fourPlusTwo: z.object({ decided: zCount, resolutionsDisclosed: zCount, resultsDisclosed: zCount, compliance: zMaybeRate }),
  /** 三会一课 held this year against the expected cadence up to asOf */
  threeMeetings: z.object({ held: perKind, expected: perKind, compliance: zMaybeRate }),
  /** the branch's members (id, name) so that township cadres can pair with them (干部联系党员) */
  members: z.array(z.object({ id: zId, name: z.string().max(MAX.name) })).max(5000),
});
export type Summary = z.infer<typeof SummarySchema>;
