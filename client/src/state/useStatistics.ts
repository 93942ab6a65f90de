import { useMemo } from 'react';
import { computeStatistics, lastVisitDays, type GridId, type IsoDate, type WorkStatistics } from '@lianxin/model';
import { rosterIndex } from './rosterIndex';
import { useRoster } from './useRoster';
import { useToday } from './useToday';
import { useWork } from './useWork';

export interface GridCoverage {
  readonly gridId: GridId;
  readonly name: string;
  readonly linked: number;
  readonly visited: number;
  readonly coverage: number | null;
}

const DAY = 86_400_000;

/** The board's statistics (三率, where resolved, coverage) and visit coverage per grid. */
export function useStatistics(from: IsoDate | null): { stats: WorkStatistics; grids: readonly GridCoverage[] } | null {
  const roster = useRoster()?.view ?? null;
  const work = useWork()?.view ?? null;
  const today = useToday();
  return useMemo(() => {
    if (!roster || !work) return null;
    const stats = computeStatistics(roster, work, { asOf: today, from });
    // Same definition as the model's coverage, split by grid.
    const last = lastVisitDays(work, today);
    const horizon = Date.parse(today) - roster.settings.visitIntervalDays * DAY;
    const index = rosterIndex(roster);
    const grids = index.grids.map((g): GridCoverage => {
      let linked = 0;
      let visited = 0;
      for (const b of index.buildingsByGrid.get(g.id) ?? []) {
        for (const h of index.householdsByBuilding.get(b.id) ?? []) {
          if (!h.memberId) continue;
          linked++;
          const day = last.get(h.id);
          if (day && Date.parse(day) >= horizon) visited++;
        }
      }
      return { gridId: g.id, name: g.name, linked, visited, coverage: linked === 0 ? null : visited / linked };
    });
    return { stats, grids };
  }, [roster, work, today, from]);
}
