import type { RosterRead } from '@lianxin/model';
import { readRosterDoc } from './reads';
import { useDocView } from './useDocView';

/** The live roster (grids, buildings, units, households, members, points); null if not open. */
export function useRoster(): RosterRead | null {
  return useDocView('roster', readRosterDoc);
}
