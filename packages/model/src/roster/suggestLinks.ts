/**
 * 双向互选 (two-way selection): ranks members for a household and households for a member by
 * nearness (same unit > building > grid), kin (a recorded relation) and familiarity (past visits).
 * Members at their limit are still shown, after the others, with a warning: never a silent cap.
 */
import type { BuildingId, GridId, HouseholdId, MemberId, UnitId } from '../core/ids';
import { message, type Message } from '../core/text';
import type { WorkView } from '../work/workView';
import { capacityOf, overCapacityWarning } from './householdCommands';
import type { Household, Member, RosterView } from './rosterView';

export const LinkReasonType = { sameUnit: 'sameUnit', sameBuilding: 'sameBuilding', sameGrid: 'sameGrid', kin: 'kin', familiar: 'familiar' } as const;
export type LinkReasonType = (typeof LinkReasonType)[keyof typeof LinkReasonType];

export interface LinkReason {
  readonly type: LinkReasonType;
  readonly message: Message;
}

export interface LinkSuggestion {
  readonly householdId: HouseholdId;
  readonly memberId: MemberId;
  readonly score: number;
  readonly reasons: readonly LinkReason[];
  /** Households the member serves now. */
  readonly load: number;
  readonly capacity: number;
  /** Linking would put the member above capacity (warning says so). */
  readonly wouldExceed: boolean;
  readonly warning: Message | null;
}

const SCORE = { sameUnit: 100, sameBuilding: 60, sameGrid: 30, kin: 80, perVisit: 15, maxFamiliar: 45 } as const;

interface Where {
  readonly unitId: UnitId | null;
  readonly buildingId: BuildingId | null;
  readonly gridId: GridId | null;
}

/** Where a member lives (own household), else the grid of their party group. */
function memberWhere(roster: RosterView, m: Member): Where {
  const home = m.householdId ? roster.households.get(m.householdId) : undefined;
  if (home) return { unitId: home.unitId, buildingId: home.buildingId, gridId: roster.buildings.get(home.buildingId)?.gridId ?? null };
  const group = m.groupId ? roster.groups.get(m.groupId) : undefined;
  return { unitId: null, buildingId: null, gridId: group?.gridId ?? null };
}

/** Precomputed lookups shared by the suggestion functions. */
export class LinkIndex {
  readonly load = new Map<MemberId, number>();
  readonly where = new Map<MemberId, Where>();
  readonly kin = new Map<string, string>();
  readonly visits = new Map<string, number>();

  constructor(readonly roster: RosterView, work: WorkView | null) {
    for (const h of roster.households.values()) if (h.memberId) this.load.set(h.memberId, (this.load.get(h.memberId) ?? 0) + 1);
    for (const m of roster.members.values()) this.where.set(m.id, memberWhere(roster, m));
    for (const r of roster.relations.values()) this.kin.set(`${r.memberId}/${r.householdId}`, r.relation);
    if (work) for (const v of work.visits.values()) {
      const key = `${v.memberId}/${v.householdId}`;
      this.visits.set(key, (this.visits.get(key) ?? 0) + 1);
    }
  }

  score(member: Member, h: Household): { score: number; reasons: LinkReason[] } {
    const reasons: LinkReason[] = [];
    let score = 0;
    const w = this.where.get(member.id);
    const gridId = this.roster.buildings.get(h.buildingId)?.gridId ?? null;
    if (w) {
      if (w.unitId !== null && w.unitId === h.unitId) {
        score += SCORE.sameUnit;
        reasons.push({ type: 'sameUnit', message: message('link.reason.sameUnit', {}, '同单元', 'same unit') });
      } else if (w.buildingId !== null && w.buildingId === h.buildingId) {
        score += SCORE.sameBuilding;
        reasons.push({ type: 'sameBuilding', message: message('link.reason.sameBuilding', {}, '同楼', 'same building') });
      } else if (w.gridId !== null && w.gridId === gridId) {
        score += SCORE.sameGrid;
        reasons.push({ type: 'sameGrid', message: message('link.reason.sameGrid', {}, '同网格', 'same grid') });
      }
    }
    const relation = this.kin.get(`${member.id}/${h.id}`);
    if (relation !== undefined) {
      score += SCORE.kin;
      reasons.push({ type: 'kin', message: message('link.reason.kin', { relation }, `亲友(${relation})`, `kin (${relation})`) });
    }
    const visits = this.visits.get(`${member.id}/${h.id}`) ?? 0;
    if (visits > 0) {
      score += Math.min(SCORE.maxFamiliar, visits * SCORE.perVisit);
      reasons.push({ type: 'familiar', message: message('link.reason.familiar', { visits }, `走访过 ${visits} 次`, `visited ${visits} times`) });
    }
    return { score, reasons };
  }

  suggestion(member: Member, h: Household): LinkSuggestion {
    const { score, reasons } = this.score(member, h);
    const load = this.load.get(member.id) ?? 0;
    const capacity = capacityOf(this.roster, member);
    const after = h.memberId === member.id ? load : load + 1;
    const wouldExceed = after > capacity;
    return { householdId: h.id, memberId: member.id, score, reasons, load, capacity, wouldExceed, warning: wouldExceed ? overCapacityWarning(member, after, capacity) : null };
  }
}

const bySuggestion = (a: LinkSuggestion, b: LinkSuggestion) =>
  Number(a.wouldExceed) - Number(b.wouldExceed) || b.score - a.score || a.load - b.load || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : a.householdId < b.householdId ? -1 : 1);

/** Members for a household, best first (members with room before members at their limit). */
export function suggestMembers(roster: RosterView, work: WorkView | null, householdId: HouseholdId, options: { limit?: number } = {}): LinkSuggestion[] {
  const h = roster.households.get(householdId);
  if (!h) return [];
  const index = new LinkIndex(roster, work);
  const out: LinkSuggestion[] = [];
  for (const m of roster.members.values()) {
    if (!m.active) continue;
    const s = index.suggestion(m, h);
    if (s.score > 0) out.push(s);
  }
  return out.sort(bySuggestion).slice(0, options.limit ?? 5);
}

/** Households for a member (the other direction of 双向互选): unlinked ones unless asked. */
export function suggestHouseholds(roster: RosterView, work: WorkView | null, memberId: MemberId, options: { limit?: number; includeLinked?: boolean } = {}): LinkSuggestion[] {
  const m = roster.members.get(memberId);
  if (!m || !m.active) return [];
  const index = new LinkIndex(roster, work);
  const out: LinkSuggestion[] = [];
  for (const h of roster.households.values()) {
    if (h.memberId === memberId || (h.memberId !== null && !options.includeLinked)) continue;
    const s = index.suggestion(m, h);
    if (s.score > 0) out.push(s);
  }
  return out.sort((a, b) => b.score - a.score || (a.householdId < b.householdId ? -1 : 1)).slice(0, options.limit ?? 10);
}

export interface MemberLoad {
  readonly memberId: MemberId;
  readonly name: string;
  readonly load: number;
  readonly min: number;
  readonly max: number;
  readonly state: 'under' | 'ok' | 'over';
  readonly message: Message | null;
}

/** Every active member's load against the community's 5–10 (or own) limits. */
export function capacityReport(roster: RosterView): MemberLoad[] {
  const index = new LinkIndex(roster, null);
  const out: MemberLoad[] = [];
  for (const m of roster.members.values()) {
    if (!m.active) continue;
    const load = index.load.get(m.id) ?? 0;
    const max = capacityOf(roster, m);
    const min = Math.min(roster.settings.linkMin, max);
    const state = load > max ? 'over' : load < min ? 'under' : 'ok';
    const msg =
      state === 'over'
        ? overCapacityWarning(m, load, max)
        : state === 'under'
          ? message('link.underCapacity', { member: m.name, load, min }, `${m.name} 仅联系 ${load} 户,少于 ${min} 户`, `${m.name} serves only ${load} households, fewer than ${min}`)
          : null;
    out.push({ memberId: m.id, name: m.name, load, min, max, state, message: msg });
  }
  return out.sort((a, b) => b.load - a.load || (a.memberId < b.memberId ? -1 : 1));
}

export interface LinkProposal {
  readonly proposals: readonly LinkSuggestion[];
  /** Unlinked households no member near, kin or familiar could take within capacity. */
  readonly unplaced: readonly HouseholdId[];
}

/**
 * A first draft of 双向互选 for every unlinked household, for the committee to adjust
 * (党组织适当调整) before applying with `linkHousehold`. Greedy by best score, within capacity.
 */
export function proposeLinks(roster: RosterView, work: WorkView | null): LinkProposal {
  const index = new LinkIndex(roster, work);
  const unlinked = [...roster.households.values()].filter((h) => h.memberId === null);
  const candidates: Array<{ h: Household; m: Member; score: number }> = [];
  const activeByGrid = new Map<GridId | null, Member[]>();
  const kinByHousehold = new Map<string, Member[]>();
  for (const m of roster.members.values()) {
    if (!m.active) continue;
    const g = index.where.get(m.id)?.gridId ?? null;
    activeByGrid.set(g, [...(activeByGrid.get(g) ?? []), m]);
  }
  for (const r of roster.relations.values()) {
    const m = roster.members.get(r.memberId);
    if (m?.active) kinByHousehold.set(r.householdId, [...(kinByHousehold.get(r.householdId) ?? []), m]);
  }
  for (const h of unlinked) {
    const gridId = roster.buildings.get(h.buildingId)?.gridId ?? null;
    const pool = new Set([...(activeByGrid.get(gridId) ?? []), ...(kinByHousehold.get(h.id) ?? [])]);
    for (const m of pool) {
      const { score } = index.score(m, h);
      if (score > 0) candidates.push({ h, m, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || (a.h.id < b.h.id ? -1 : a.h.id > b.h.id ? 1 : a.m.id < b.m.id ? -1 : 1));
  const placed = new Map<HouseholdId, LinkSuggestion>();
  for (const c of candidates) {
    if (placed.has(c.h.id)) continue;
    const load = index.load.get(c.m.id) ?? 0;
    if (load >= capacityOf(roster, c.m)) continue;
    placed.set(c.h.id, index.suggestion(c.m, c.h));
    index.load.set(c.m.id, load + 1);
  }
  return { proposals: [...placed.values()], unplaced: unlinked.filter((h) => !placed.has(h.id)).map((h) => h.id) };
}
