import { useMemo } from 'react';
import { pointsLedger, type IsoDate, type PointsLedger } from '@lianxin/model';
import { useRoster } from './useRoster';
import { useWork } from './useWork';

/** Manual and rule-derived points with totals and ranking for a period (both ends optional). */
export function usePointsLedger(from: IsoDate | null, to: IsoDate | null): PointsLedger | null {
  const roster = useRoster()?.view ?? null;
  const work = useWork()?.view ?? null;
  return useMemo(() => (roster && work ? pointsLedger(roster, work, { from, to }) : null), [roster, work, from, to]);
}
