/**
 * Board statistics: 三率 (response, resolution, satisfaction), where concerns were resolved, how
 * long it took, and visit coverage. Definitions (shown on the board, so kept simple):
 * - collected: concerns recorded in [from, asOf];
 * - responded in time: acted on within `responseDays` of being recorded; response rate = that / collected;
 * - resolved: status resolved or confirmed; resolution rate = resolved / collected;
 * - satisfaction rate = concerns whose latest confirmation is satisfied / concerns with a confirmation;
 * - share resolved per level = resolved at that level / resolved;
 * - coverage = linked households visited within `visitIntervalDays` before asOf / linked households.
 */
import { daysBetween, median, ratio } from '../core/days';
import { dayOf } from '../core/context';
import type { IsoDate } from '../core/schema';
import { LEVELS, type Level } from '../domain/vocabulary';
import type { RosterView } from '../roster/rosterView';
import { lastVisitDays } from './overdue';
import type { WorkView } from './workView';

export interface WorkStatistics {
  readonly asOf: IsoDate;
  readonly from: IsoDate | null;
  readonly concerns: {
    readonly collected: number;
    readonly responded: number;
    readonly respondedInTime: number;
    readonly resolved: number;
    readonly confirmed: number;
    readonly satisfied: number;
    readonly dissatisfied: number;
    readonly open: number;
    readonly inProgress: number;
    readonly resolvedByLevel: Readonly<Record<Level, number>>;
    readonly shareResolvedByLevel: Readonly<Record<Level, number | null>>;
  };
  readonly rates: { readonly response: number | null; readonly resolution: number | null; readonly satisfaction: number | null };
  readonly medianDaysToResolve: number | null;
  readonly visits: {
    readonly intervalDays: number;
    readonly linkedHouseholds: number;
    readonly visitedWithinInterval: number;
    readonly coverage: number | null;
    readonly visitsInPeriod: number;
    readonly mustVisitsOpen: number;
    readonly mustVisitsClosed: number;
  };
  readonly roster: { readonly households: number; readonly residents: number; readonly members: number; readonly linkedHouseholds: number };
}

const DAY = 86_400_000;

export function computeStatistics(roster: RosterView, work: WorkView, options: { asOf: IsoDate; from?: IsoDate | null }): WorkStatistics {
  const { asOf } = options;
  const from = options.from ?? null;
  const inPeriod = (day: IsoDate) => day <= asOf && (from === null || day >= from);
  const responseMs = roster.settings.responseDays * DAY;

  let collected = 0, responded = 0, respondedInTime = 0, resolved = 0, confirmed = 0, satisfied = 0, dissatisfied = 0, open = 0, inProgress = 0;
  const resolvedByLevel: Record<Level, number> = { member: 0, grid: 0, community: 0, township: 0 };
  const durations: number[] = [];
  for (const c of work.concerns.values()) {
    if (!inPeriod(dayOf(c.createdAt, roster.settings.timeZone))) continue;
    collected++;
    if (c.respondedAt !== null) {
      responded++;
      if (c.respondedAt - c.createdAt <= responseMs) respondedInTime++;
    }
    if (c.status === 'open') open++;
    if (c.status === 'inProgress') inProgress++;
    if (c.status === 'resolved' || c.status === 'confirmed') {
      resolved++;
      resolvedByLevel[c.resolvedLevel ?? c.level]++;
      if (c.resolvedAt !== null) durations.push(Math.max(0, (c.resolvedAt - c.createdAt) / DAY));
    }
    if (c.status === 'confirmed') confirmed++;
    if (c.confirmation) {
      if (c.confirmation.satisfied) satisfied++;
      else dissatisfied++;
    }
  }
  const shareResolvedByLevel = Object.fromEntries(LEVELS.map((l) => [l, ratio(resolvedByLevel[l], resolved)])) as Record<Level, number | null>;
  const med = median(durations);

  const interval = roster.settings.visitIntervalDays;
  const last = lastVisitDays(work, asOf);
  let linked = 0, covered = 0, residents = 0;
  for (const h of roster.households.values()) {
    residents += h.size;
    if (h.memberId === null) continue;
    linked++;
    const day = last.get(h.id);
    if (day !== undefined && daysBetween(day, asOf) <= interval) covered++;
  }
  let visitsInPeriod = 0;
  for (const v of work.visits.values()) if (inPeriod(v.date)) visitsInPeriod++;
  let mustOpen = 0, mustClosed = 0;
  const closers = new Set<string>();
  for (const m of work.mustVisits.values()) {
    if (m.closedBy === null) mustOpen++;
    else {
      mustClosed++;
      closers.add(m.closedBy);
    }
  }
  // A 困难/意外/矛盾必访 visit is a must-visit done even when nobody raised one first (the app
  // records such visits straight from the visit menu); counted once, not again for a raised one.
  for (const v of work.visits.values()) if (v.kind !== 'routine' && !closers.has(v.id)) mustClosed++;
  let activeMembers = 0;
  for (const m of roster.members.values()) if (m.active) activeMembers++;

  return {
    asOf,
    from,
    concerns: { collected, responded, respondedInTime, resolved, confirmed, satisfied, dissatisfied, open, inProgress, resolvedByLevel, shareResolvedByLevel },
    rates: { response: ratio(respondedInTime, collected), resolution: ratio(resolved, collected), satisfaction: ratio(satisfied, satisfied + dissatisfied) },
    medianDaysToResolve: med === null ? null : Math.round(med * 10) / 10,
    visits: { intervalDays: interval, linkedHouseholds: linked, visitedWithinInterval: covered, coverage: ratio(covered, linked), visitsInPeriod, mustVisitsOpen: mustOpen, mustVisitsClosed: mustClosed },
    roster: { households: roster.households.size, residents, members: activeMembers, linkedHouseholds: linked },
  };
}
