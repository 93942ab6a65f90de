/** What `readWork` returns. */
import type { BuildingId, ConcernEventId, ConcernId, HouseholdId, MatterId, MemberId, MustVisitId, UnitId, VisitId } from '../core/ids';
import type { IsoDate } from '../core/schema';
import type { ConcernStatus, Level, MustVisitReason, VisitKind } from '../domain/vocabulary';
import type { ConcernEventRecord, Reporter } from './workSchema';

export type ConcernEvent = ConcernEventRecord & {
  readonly id: ConcernEventId;
  /** false: skipped because it no longer fit the concern's state after a merge (see problems). */
  readonly applied: boolean;
};

export interface Concern {
  readonly id: ConcernId;
  readonly title: string;
  readonly detail: string;
  readonly reporter: Reporter;
  /** 问题类别 as written; show with concernKindText. */
  readonly category: string | null;
  readonly place: { readonly buildingId: BuildingId | null; readonly unitId: UnitId | null; readonly text: string | null };
  readonly createdBy: string;
  readonly createdAt: number;
  /** Derived from the events. */
  readonly level: Level;
  readonly status: ConcernStatus;
  readonly assignee: MemberId | null;
  readonly matterId: MatterId | null;
  /** First action on it (accept, assign, escalate, hand back, resolve). */
  readonly respondedAt: number | null;
  readonly resolvedAt: number | null;
  readonly resolvedBy: string | null;
  readonly resolvedLevel: Level | null;
  /** Actors who escalated it before it was resolved. */
  readonly escalatedBy: readonly string[];
  /** The resident's latest confirmation. */
  readonly confirmation: { readonly satisfied: boolean; readonly at: number; readonly by: string } | null;
  /** Every event in causal order, applied or not. */
  readonly history: readonly ConcernEvent[];
}

export interface Visit {
  readonly id: VisitId;
  readonly memberId: MemberId;
  readonly householdId: HouseholdId;
  readonly date: IsoDate;
  readonly kind: VisitKind;
  readonly note: string;
  readonly by: string;
  readonly at: number;
}

export interface MustVisit {
  readonly id: MustVisitId;
  readonly householdId: HouseholdId;
  readonly reason: MustVisitReason;
  readonly date: IsoDate;
  readonly note: string;
  readonly by: string;
  readonly at: number;
  /** The visit that closed it (same household, kind = reason, on or after the date), or null while open. */
  readonly closedBy: VisitId | null;
}

export interface WorkView {
  readonly concerns: ReadonlyMap<ConcernId, Concern>;
  readonly visits: ReadonlyMap<VisitId, Visit>;
  readonly mustVisits: ReadonlyMap<MustVisitId, MustVisit>;
  /** Visits per household, newest first. */
  readonly visitsByHousehold: ReadonlyMap<HouseholdId, readonly Visit[]>;
}
