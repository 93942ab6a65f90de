// Summaries for the region hooks' tests: a community's figures from a few counts.
import { SummarySchema, type Summary } from '@lianxin/model';

export function summaryOf(counts: { collected: number; resolved: number; inTime?: number; satisfied?: number; dissatisfied?: number; byLevel?: Partial<Summary['concerns']['resolvedByLevel']>; medianDays?: number | null; linked?: number; visited?: number; decided?: number; disclosed?: number }): Summary {
  const { collected, resolved } = counts;
  const rate = (a: number, b: number) => (b === 0 ? null : a / b);
  const byLevel = { member: 0, grid: 0, community: resolved, township: 0, ...counts.byLevel };
  const linked = counts.linked ?? 10;
  const visited = counts.visited ?? 8;
  const decided = counts.decided ?? 2;
  const disclosed = counts.disclosed ?? 3;
  return SummarySchema.parse({
    asOf: '2024-06-30',
    year: 2024,
    computedAt: 1_719_700_000_000,
    concerns: { collected, responded: collected, respondedInTime: counts.inTime ?? collected, resolved, confirmed: resolved, satisfied: counts.satisfied ?? resolved, dissatisfied: counts.dissatisfied ?? 0, escalatedToTownship: byLevel.township, resolvedByLevel: byLevel },
    rates: { response: rate(counts.inTime ?? collected, collected), resolution: rate(resolved, collected), satisfaction: rate(counts.satisfied ?? resolved, (counts.satisfied ?? resolved) + (counts.dissatisfied ?? 0)) },
    medianDaysToResolve: counts.medianDays === undefined ? 3 : counts.medianDays,
    visits: { linkedHouseholds: linked, visitedWithinInterval: visited, coverage: rate(visited, linked) },
    fourPlusTwo: { decided, resolutionsDisclosed: Math.min(decided, disclosed), resultsDisclosed: Math.max(0, disclosed - decided), compliance: rate(disclosed, 2 * decided) },
    threeMeetings: { held: { branchCommittee: 6, memberAssembly: 2, groupMeeting: 6, partyLecture: 2 }, expected: { branchCommittee: 6, memberAssembly: 2, groupMeeting: 6, partyLecture: 2 }, compliance: 1 },
    members: [{ id: 'm1', name: '王丽娜' }],
  });
}
