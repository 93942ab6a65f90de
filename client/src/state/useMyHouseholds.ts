import { useMemo } from 'react';
import { dayOf, lastVisitDays, type Household, type IsoDate, type MemberId, type MustVisit, type RosterView, type WorkView } from '@lianxin/model';
import { rosterIndex } from './rosterIndex';
import { useRoster } from './useRoster';
import { useToday } from './useToday';
import { useWork } from './useWork';

export interface MyHousehold {
  readonly household: Household;
  readonly lastVisit: IsoDate | null;
  /** the day counted from: the last visit, or the day the household was linked */
  readonly since: string;
  /** days since the last visit, or since linking if never visited */
  readonly daysSince: number;
  readonly overdue: boolean;
  readonly openMustVisits: readonly MustVisit[];
}

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/**
 * The households a member serves: must-visits and overdue ones first (服务承诺: a visit every
 * `visitIntervalDays`), then the longest unvisited.
 */
export function useMyHouseholds(memberId: MemberId | null): { rows: readonly MyHousehold[]; intervalDays: number } | null {
  const roster = useRoster()?.view ?? null;
  const work = useWork()?.view ?? null;
  const today = useToday();
  return useMemo(() => (roster && work && memberId ? myHouseholdRows(roster, work, memberId, today) : null), [roster, work, memberId, today]);
}

/**
 * The rows from a roster and work view (whole, or a member's narrow reads: only her households
 * and their visits are looked at).
 */
export function myHouseholdRows(roster: RosterView, work: WorkView, memberId: MemberId, today: IsoDate): { rows: readonly MyHousehold[]; intervalDays: number } {
  const interval = roster.settings.visitIntervalDays;
  const last = lastVisitDays(work, today);
  const mustByHousehold = new Map<string, MustVisit[]>();
  for (const m of work.mustVisits.values()) {
    if (m.closedBy !== null) continue;
    const list = mustByHousehold.get(m.householdId) ?? [];
    list.push(m);
    mustByHousehold.set(m.householdId, list);
  }
  const rows = (rosterIndex(roster).householdsByMember.get(memberId) ?? []).map((household): MyHousehold => {
    const lastVisit = last.get(household.id) ?? null;
    const since = lastVisit ?? dayOf(household.linkedAt ?? household.createdAt, roster.settings.timeZone);
    const daysSince = days(since, today);
    return { household, lastVisit, since, daysSince, overdue: daysSince > interval, openMustVisits: mustByHousehold.get(household.id) ?? [] };
  });
  rows.sort((a, b) => b.openMustVisits.length - a.openMustVisits.length || Number(b.overdue) - Number(a.overdue) || b.daysSince - a.daysSince);
  return { rows, intervalDays: interval };
}
