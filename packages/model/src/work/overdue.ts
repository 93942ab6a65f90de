/**
 * 服务承诺: each linked household is visited at least every `visitIntervalDays` (14). A household
 * is overdue when its last visit (by anyone) — or its linking, if never visited — is more than
 * that many days before today. A must-visit stays open until a matching visit closes it.
 */
import { daysBetween } from '../core/days';
import { dayOf } from '../core/context';
import type { BuildingId, GridId, HouseholdId, MemberId } from '../core/ids';
import type { IsoDate } from '../core/schema';
import type { RosterView } from '../roster/rosterView';
import type { MustVisit, WorkView } from './workView';

export interface OverdueHousehold {
  readonly householdId: HouseholdId;
  readonly memberId: MemberId;
  readonly buildingId: BuildingId;
  readonly gridId: GridId;
  /** Day of the last visit, null if never visited since linking. */
  readonly lastVisit: IsoDate | null;
  /** Days since the last visit (or since linking). */
  readonly daysSince: number;
  readonly daysOverdue: number;
}

export interface OpenMustVisit {
  readonly mustVisit: MustVisit;
  /** The household's linked member, who should go. */
  readonly memberId: MemberId | null;
  readonly gridId: GridId;
  readonly daysOpen: number;
}

export interface OverdueReport {
  readonly today: IsoDate;
  readonly intervalDays: number;
  /** Most overdue first. */
  readonly households: readonly OverdueHousehold[];
  readonly byMember: ReadonlyMap<MemberId, readonly OverdueHousehold[]>;
  readonly byGrid: ReadonlyMap<GridId, readonly OverdueHousehold[]>;
  /** Oldest first. */
  readonly mustVisits: readonly OpenMustVisit[];
  readonly mustVisitsByMember: ReadonlyMap<MemberId, readonly OpenMustVisit[]>;
  readonly mustVisitsByGrid: ReadonlyMap<GridId, readonly OpenMustVisit[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Last visit day per household, ignoring visits dated after `today`. */
export function lastVisitDays(work: WorkView, today: IsoDate): Map<HouseholdId, IsoDate> {
  const last = new Map<HouseholdId, IsoDate>();
  for (const v of work.visits.values()) {
    if (v.date > today) continue;
    const prev = last.get(v.householdId);
    if (prev === undefined || v.date > prev) last.set(v.householdId, v.date);
  }
  return last;
}

export function overdueVisits(roster: RosterView, work: WorkView, options: { today: IsoDate }): OverdueReport {
  const { today } = options;
  const interval = roster.settings.visitIntervalDays;
  const last = lastVisitDays(work, today);
  const households: OverdueHousehold[] = [];
  for (const h of roster.households.values()) {
    if (h.memberId === null) continue;
    const building = roster.buildings.get(h.buildingId);
    if (!building) continue;
    const lastVisit = last.get(h.id) ?? null;
    const since = lastVisit ?? (h.linkedAt !== null ? dayOf(h.linkedAt, roster.settings.timeZone) : dayOf(h.createdAt, roster.settings.timeZone));
    const daysSince = daysBetween(since, today);
    if (daysSince > interval) households.push({ householdId: h.id, memberId: h.memberId, buildingId: h.buildingId, gridId: building.gridId, lastVisit, daysSince, daysOverdue: daysSince - interval });
  }
  households.sort((a, b) => b.daysSince - a.daysSince || (a.householdId < b.householdId ? -1 : 1));
  const byMember = new Map<MemberId, OverdueHousehold[]>();
  const byGrid = new Map<GridId, OverdueHousehold[]>();
  for (const o of households) {
    push(byMember, o.memberId, o);
    push(byGrid, o.gridId, o);
  }

  const mustVisits: OpenMustVisit[] = [];
  for (const m of work.mustVisits.values()) {
    if (m.closedBy !== null) continue;
    const h = roster.households.get(m.householdId);
    const building = h ? roster.buildings.get(h.buildingId) : undefined;
    if (!h || !building) continue;
    mustVisits.push({ mustVisit: m, memberId: h.memberId, gridId: building.gridId, daysOpen: Math.max(0, daysBetween(m.date, today)) });
  }
  mustVisits.sort((a, b) => b.daysOpen - a.daysOpen || (a.mustVisit.id < b.mustVisit.id ? -1 : 1));
  const mustVisitsByMember = new Map<MemberId, OpenMustVisit[]>();
  const mustVisitsByGrid = new Map<GridId, OpenMustVisit[]>();
  for (const o of mustVisits) {
    if (o.memberId) push(mustVisitsByMember, o.memberId, o);
    push(mustVisitsByGrid, o.gridId, o);
  }
  return { today, intervalDays: interval, households, byMember, byGrid, mustVisits, mustVisitsByMember, mustVisitsByGrid };
}
