/**
 * The view from above: per community, and rolled up per township and county, from the
 * communities' summaries. Rates are recomputed from the summed counts (a township's resolution
 * rate is its communities' resolved over their collected, not an average of rates).
 */
import { median, ratio } from '../core/days';
import type { Summary } from './summarySchema';
import { STAR_METRICS, type StarMetric } from './regionSchema';
import type { Criterion } from './readRegion';

export interface Row {
  readonly id: string;
  readonly name: string;
  readonly township: string | null;
  /** null: the community has published no summary yet */
  readonly summary: Summary | null;
}

export interface Figures {
  readonly communities: number;
  /** communities with a summary */
  readonly reporting: number;
  readonly collected: number;
  readonly resolved: number;
  readonly escalatedToTownship: number;
  readonly resolvedByLevel: { member: number; grid: number; community: number; township: number };
  readonly shareResolvedByLevel: { member: number | null; grid: number | null; community: number | null; township: number | null };
  readonly rates: { response: number | null; resolution: number | null; satisfaction: number | null };
  /** median of the communities' medians */
  readonly medianDaysToResolve: number | null;
  readonly visitCoverage: number | null;
  readonly fourPlusTwo: number | null;
  readonly threeMeetings: number | null;
}

export function figuresOf(rows: readonly Row[]): Figures {
  const s = rows.flatMap((r) => (r.summary ? [r.summary] : []));
  const sum = (f: (x: Summary) => number) => s.reduce((t, x) => t + f(x), 0);
  const collected = sum((x) => x.concerns.collected);
  const resolved = sum((x) => x.concerns.resolved);
  const byLevel = {
    member: sum((x) => x.concerns.resolvedByLevel.member),
    grid: sum((x) => x.concerns.resolvedByLevel.grid),
    community: sum((x) => x.concerns.resolvedByLevel.community),
    township: sum((x) => x.concerns.resolvedByLevel.township),
  };
  return {
    communities: rows.length,
    reporting: s.length,
    collected,
    resolved,
    escalatedToTownship: sum((x) => x.concerns.escalatedToTownship),
    resolvedByLevel: byLevel,
    shareResolvedByLevel: { member: ratio(byLevel.member, resolved), grid: ratio(byLevel.grid, resolved), community: ratio(byLevel.community, resolved), township: ratio(byLevel.township, resolved) },
    rates: {
      response: ratio(sum((x) => x.concerns.respondedInTime), collected),
      resolution: ratio(resolved, collected),
      satisfaction: ratio(sum((x) => x.concerns.satisfied), sum((x) => x.concerns.satisfied + x.concerns.dissatisfied)),
    },
    medianDaysToResolve: median(s.flatMap((x) => (x.medianDaysToResolve === null ? [] : [x.medianDaysToResolve]))),
    visitCoverage: ratio(sum((x) => x.visits.visitedWithinInterval), sum((x) => x.visits.linkedHouseholds)),
    fourPlusTwo: ratio(sum((x) => x.fourPlusTwo.resolutionsDisclosed + x.fourPlusTwo.resultsDisclosed), sum((x) => 2 * x.fourPlusTwo.decided)),
    threeMeetings: ratio(
      sum((x) => (Object.keys(x.threeMeetings.held) as (keyof Summary['threeMeetings']['held'])[]).reduce((t, k) => t + Math.min(x.threeMeetings.held[k], x.threeMeetings.expected[k]), 0)),
      sum((x) => Object.values(x.threeMeetings.expected).reduce((t, n) => t + n, 0)),
    ),
  };
}

/** Figures per township (communities grouped by their township), in the order of `townships`. */
export function byTownship(rows: readonly Row[], townships: readonly { id: string; name: string }[]): { id: string; name: string; figures: Figures }[] {
  return townships.map((t) => ({ ...t, figures: figuresOf(rows.filter((r) => r.township === t.id)) }));
}

/** A metric of one summary, for star criteria and sorting. */
export function metricOf(s: Summary, metric: StarMetric): number | null {
  switch (metric) {
    case 'rates.response':
      return s.rates.response;
    case 'rates.resolution':
      return s.rates.resolution;
    case 'rates.satisfaction':
      return s.rates.satisfaction;
    case 'visits.coverage':
      return s.visits.coverage;
    case 'fourPlusTwo.compliance':
      return s.fourPlusTwo.compliance;
    case 'threeMeetings.compliance':
      return s.threeMeetings.compliance;
  }
}

/** 支部争五星 evidence: each criterion's value from the summary and whether it is met; a suggested number of stars. */
export function starEvidence(summary: Summary | null, criteria: readonly Criterion[]): { items: { criterion: Criterion; value: number | null; met: boolean }[]; suggested: number } {
  const items = criteria.map((criterion) => {
    const value = summary ? metricOf(summary, criterion.metric) : null;
    return { criterion, value, met: value !== null && value >= criterion.threshold };
  });
  const met = items.filter((i) => i.met).length;
  const suggested = criteria.length === 0 ? 0 : Math.round((5 * met) / criteria.length);
  return { items, suggested };
}

/** Default criteria a township starts from (it edits them). */
export const DEFAULT_CRITERIA: readonly { title: string; metric: StarMetric; threshold: number; order: number }[] = [
  { title: '民情响应及时(响应率≥90%)', metric: 'rates.response', threshold: 0.9, order: 1 },
  { title: '问题解决有力(解决率≥85%)', metric: 'rates.resolution', threshold: 0.85, order: 2 },
  { title: '群众满意(满意率≥90%)', metric: 'rates.satisfaction', threshold: 0.9, order: 3 },
  { title: '联户走访到位(覆盖率≥90%)', metric: 'visits.coverage', threshold: 0.9, order: 4 },
  { title: '四议两公开规范(公开率≥90%)', metric: 'fourPlusTwo.compliance', threshold: 0.9, order: 5 },
  { title: '三会一课按时(≥90%)', metric: 'threeMeetings.compliance', threshold: 0.9, order: 6 },
];
export { STAR_METRICS };
