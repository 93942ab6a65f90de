/**
 * The points ledger: manual entries from the roster plus entries the community's rules derive
 * from work (resolved concern +2, …). Rule entries have stable ids (`rule:<rule>:<ref>`), so every
 * peer computes the same ledger and nothing is awarded twice after a merge.
 */
import { dayOf } from '../core/context';
import type { MemberId } from '../core/ids';
import type { IsoDate } from '../core/schema';
import type { Text } from '../core/text';
import type { PointsEntry, RosterView } from '../roster/rosterView';
import type { PointsRules } from './pointsRules';
import type { WorkView } from './workView';

export interface PointsStanding {
  readonly memberId: MemberId;
  readonly name: string;
  readonly total: number;
  /** Competition ranking: equal totals share a rank (1, 1, 3). */
  readonly rank: number;
}

export interface PointsLedger {
  /** Newest first. */
  readonly entries: readonly PointsEntry[];
  readonly totals: ReadonlyMap<MemberId, number>;
  /** Every active member, highest total first. */
  readonly ranking: readonly PointsStanding[];
}

export const POINTS_RULE_LABELS: Readonly<Record<keyof PointsRules, Text>> = {
  concernCollected: { zh: '收集民情', en: 'concern recorded' },
  concernResolved: { zh: '办结问题', en: 'concern resolved' },
  residentSatisfied: { zh: '群众满意', en: 'resident satisfied' },
  concernEscalated: { zh: '及时上报', en: 'concern escalated' },
  routineVisit: { zh: '日常走访', en: 'routine visit' },
  mustVisit: { zh: '完成必访', en: 'must-visit done' },
};

/** Rule-derived entries only. Actors that are not roster members earn nothing. */
export function rulePoints(roster: RosterView, work: WorkView): PointsEntry[] {
  const rules = roster.settings.pointsRules;
  const out: PointsEntry[] = [];
  const award = (rule: keyof PointsRules, memberId: string | null, ref: PointsEntry['ref'], at: number, key: string) => {
    const amount = rules[rule];
    if (amount === 0 || memberId === null || !roster.members.has(memberId as MemberId)) return;
    out.push({ id: `rule:${rule}:${key}`, memberId: memberId as MemberId, amount, reason: POINTS_RULE_LABELS[rule].zh, ref, by: 'rule', at, source: 'rule', rule });
  };
  for (const c of work.concerns.values()) {
    const ref = { type: 'concern' as const, id: c.id };
    award('concernCollected', c.createdBy, ref, c.createdAt, c.id);
    if ((c.status === 'resolved' || c.status === 'confirmed') && c.resolvedAt !== null) {
      award('concernResolved', c.resolvedBy, ref, c.resolvedAt, c.id);
      if (c.status === 'confirmed' && c.confirmation?.satisfied) award('residentSatisfied', c.resolvedBy, ref, c.confirmation.at, c.id);
      for (const by of new Set(c.escalatedBy)) award('concernEscalated', by, ref, c.resolvedAt, `${c.id}:${by}`);
    }
  }
  const closing = new Set<string>();
  for (const m of work.mustVisits.values()) if (m.closedBy) closing.add(m.closedBy);
  for (const v of work.visits.values()) {
    const ref = { type: 'visit' as const, id: v.id };
    if (closing.has(v.id)) award('mustVisit', v.memberId, ref, v.at, v.id);
    else if (v.kind === 'routine') award('routineVisit', v.memberId, ref, v.at, v.id);
  }
  return out;
}

export function pointsLedger(roster: RosterView, work: WorkView, options: { from?: IsoDate | null; to?: IsoDate | null } = {}): PointsLedger {
  const from = options.from ?? null;
  const to = options.to ?? null;
  const within = (at: number) => {
    const d = dayOf(at, roster.settings.timeZone);
    return (from === null || d >= from) && (to === null || d <= to);
  };
  const entries = [...roster.points.values(), ...rulePoints(roster, work)].filter((e) => within(e.at));
  entries.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
  const totals = new Map<MemberId, number>();
  for (const e of entries) totals.set(e.memberId, (totals.get(e.memberId) ?? 0) + e.amount);
  const standings = [...roster.members.values()]
    .filter((m) => m.active)
    .map((m) => ({ memberId: m.id, name: m.name, total: totals.get(m.id) ?? 0 }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN') || (a.memberId < b.memberId ? -1 : 1));
  const ranking: PointsStanding[] = [];
  standings.forEach((s, i) => {
    const prev = ranking[i - 1];
    ranking.push({ ...s, rank: prev && prev.total === s.total ? prev.rank : i + 1 });
  });
  return { entries, totals, ranking };
}
