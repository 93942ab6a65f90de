// How long since a household was visited, in words a member reads at a glance: 今天, 昨天,
// N 天前; a household never visited is not shown in the "all is well" green.
export type VisitTone = 'overdue' | 'never' | 'recent';

export interface VisitRecency {
  readonly tone: VisitTone;
  /** i18n key under `work.` and its count. */
  readonly key: 'overdueDays' | 'notVisitedYet' | 'visitedToday' | 'visitedYesterday' | 'visitedDaysAgo';
  readonly count: number;
}

/** antd Badge status / Tag colour for each tone. */
export const VISIT_TONE_STATUS = { overdue: 'error', never: 'warning', recent: 'success' } as const;

export function visitRecency(row: { readonly lastVisit: string | null; readonly daysSince: number; readonly overdue: boolean }): VisitRecency {
  const count = row.daysSince;
  if (row.overdue) return { tone: 'overdue', key: 'overdueDays', count };
  if (row.lastVisit === null) return { tone: 'never', key: 'notVisitedYet', count };
  return { tone: 'recent', key: count <= 0 ? 'visitedToday' : count === 1 ? 'visitedYesterday' : 'visitedDaysAgo', count };
}
