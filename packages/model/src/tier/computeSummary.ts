import { ratio } from '../core/days';
import type { IsoDate } from '../core/schema';
import type { MeetingsView } from '../meetings/meetingsView';
import type { RosterView } from '../roster/rosterView';
import { computeStatistics } from '../work/statistics';
import type { WorkView } from '../work/workView';
import type { Summary } from './summarySchema';

/**
 * 三会一课 cadence (the party's rules for a branch): 支委会 and 党小组会 monthly, 党员大会 and 党课
 * quarterly. Expected = months (or quarters) begun in the year up to `asOf`.
 */
export function expectedMeetings(asOf: IsoDate): Summary['threeMeetings']['expected'] {
  const month = Number(asOf.slice(5, 7));
  const quarter = Math.ceil(month / 3);
  return { branchCommittee: month, memberAssembly: quarter, groupMeeting: month, partyLecture: quarter };
}

/** The community's summary for its calendar year up to `asOf` (a pure function of its documents). */
export function computeSummary(roster: RosterView, work: WorkView, meetings: MeetingsView | null, asOf: IsoDate, computedAt: number): Summary {
  const year = Number(asOf.slice(0, 4));
  const from = `${year}-01-01`;
  const stats = computeStatistics(roster, work, { asOf, from });
  let escalatedToTownship = 0;
  for (const c of work.concerns.values()) if (c.history.some((e) => e.applied && e.type === 'escalate' && e.level === 'township')) escalatedToTownship++;

  let decided = 0, resolutionsDisclosed = 0, resultsDisclosed = 0;
  const held = { branchCommittee: 0, memberAssembly: 0, groupMeeting: 0, partyLecture: 0 };
  if (meetings) {
    for (const m of meetings.matters.values()) {
      const step = (s: string) => m.steps.find((x) => x.step === s);
      const resolve = step('resolve');
      if (resolve?.state !== 'passed' || !resolve.record || resolve.record.date < from || resolve.record.date > asOf) continue;
      decided++;
      if (step('discloseResolution')?.state === 'passed') resolutionsDisclosed++;
      if (step('discloseResult')?.state === 'passed') resultsDisclosed++;
    }
    for (const m of meetings.meetings.values()) {
      if (m.status !== 'held' || m.date < from || m.date > asOf) continue;
      if (m.kind in held) held[m.kind as keyof typeof held]++;
    }
  }
  const expected = expectedMeetings(asOf);
  const kinds = Object.keys(held) as (keyof typeof held)[];
  const met = kinds.reduce((sum, k) => sum + Math.min(held[k], expected[k]), 0);
  const due = kinds.reduce((sum, k) => sum + expected[k], 0);

  return {
    asOf,
    year,
    computedAt,
    concerns: {
      collected: stats.concerns.collected,
      responded: stats.concerns.responded,
      respondedInTime: stats.concerns.respondedInTime,
      resolved: stats.concerns.resolved,
      confirmed: stats.concerns.confirmed,
      satisfied: stats.concerns.satisfied,
      dissatisfied: stats.concerns.dissatisfied,
      escalatedToTownship,
      resolvedByLevel: { ...stats.concerns.resolvedByLevel },
    },
    rates: { ...stats.rates },
    medianDaysToResolve: stats.medianDaysToResolve,
    visits: { linkedHouseholds: stats.visits.linkedHouseholds, visitedWithinInterval: stats.visits.visitedWithinInterval, coverage: stats.visits.coverage },
    fourPlusTwo: { decided, resolutionsDisclosed, resultsDisclosed, compliance: ratio(resolutionsDisclosed + resultsDisclosed, 2 * decided) },
    threeMeetings: { held, expected, compliance: ratio(met, due) },
    members: [...roster.members.values()].filter((m) => m.active).map((m) => ({ id: m.id, name: m.name })),
  };
}
