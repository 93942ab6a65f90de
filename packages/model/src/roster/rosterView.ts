/** What `readRoster` returns: validated records with branded ids and no dangling references. */
import type { BuildingId, GridId, GroupId, HouseholdId, MemberId, PointsId, RelationId, UnitId } from '../core/ids';
import type { BranchPost, Consent, DutyRole, HouseholdRole, MemberCategory, ResidentsPost } from '../domain/vocabulary';
import type { CommunitySettings } from './settings';
import type { PointsRef } from './rosterSchema';

export interface Grid {
  readonly id: GridId;
  readonly name: string;
  readonly leaderId: MemberId | null;
  readonly order: number;
}

export interface Building {
  readonly id: BuildingId;
  readonly gridId: GridId;
  readonly number: string;
  readonly name: string | null;
  readonly compound: string | null;
  readonly cadreId: MemberId | null;
}

export interface Unit {
  readonly id: UnitId;
  readonly buildingId: BuildingId;
  readonly number: string;
}

export interface Household {
  readonly id: HouseholdId;
  readonly buildingId: BuildingId;
  readonly unitId: UnitId | null;
  readonly room: string;
  readonly head: string;
  readonly phone: string | null;
  readonly size: number;
  readonly roles: readonly HouseholdRole[];
  readonly memberId: MemberId | null;
  readonly linkedAt: number | null;
  readonly representative: boolean;
  readonly consent: Consent;
  readonly createdAt: number;
}

export interface Member {
  readonly id: MemberId;
  readonly name: string;
  readonly phone: string | null;
  readonly category: MemberCategory;
  readonly duties: readonly DutyRole[];
  readonly groupId: GroupId | null;
  readonly branchPost: BranchPost | null;
  readonly residentsPost: ResidentsPost | null;
  readonly representative: boolean;
  readonly householdId: HouseholdId | null;
  readonly pledge: string | null;
  readonly consent: Consent;
  readonly capacity: number | null;
  readonly active: boolean;
  readonly createdAt: number;
}

export interface Group {
  readonly id: GroupId;
  readonly name: string;
  readonly gridId: GridId | null;
  readonly leaderId: MemberId | null;
}

export interface Relation {
  readonly id: RelationId;
  readonly memberId: MemberId;
  readonly householdId: HouseholdId;
  readonly relation: string;
}

export interface PointsEntry {
  readonly id: PointsId | string;
  readonly memberId: MemberId;
  readonly amount: number;
  readonly reason: string;
  readonly ref: PointsRef | null;
  readonly by: string;
  readonly at: number;
  /** 'manual' entries live in the roster; 'rule' entries are derived from work by the points rules. */
  readonly source: 'manual' | 'rule';
  /** For rule entries, which rule (a key of PointsRules; label it with POINTS_RULE_LABELS). */
  readonly rule: string | null;
}

export interface RosterView {
  readonly settings: CommunitySettings;
  readonly grids: ReadonlyMap<GridId, Grid>;
  readonly buildings: ReadonlyMap<BuildingId, Building>;
  readonly units: ReadonlyMap<UnitId, Unit>;
  readonly households: ReadonlyMap<HouseholdId, Household>;
  readonly members: ReadonlyMap<MemberId, Member>;
  readonly groups: ReadonlyMap<GroupId, Group>;
  readonly relations: ReadonlyMap<RelationId, Relation>;
  /** Manual points entries (see `pointsLedger` for rule-derived ones). */
  readonly points: ReadonlyMap<PointsId, PointsEntry>;
}
