import { useMemo } from 'react';
import { capacityOf, type HouseholdId, type Message, type MemberId, type RosterView } from '@lianxin/model';
import { rosterIndex } from './rosterIndex';

export interface LinkOption {
  readonly memberId: MemberId;
  readonly name: string;
  readonly load: number;
  readonly capacity: number;
  /** why the model suggests this member for the household */
  readonly reasons: readonly Message[];
}

/** Members to link a household to, the best suggestions first. */
export function useLinkSuggestions(roster: RosterView, householdId: HouseholdId | null): LinkOption[] {
  return useMemo(() => {
    const index = rosterIndex(roster);
    void householdId;
    return index.members
      .filter((m) => m.active)
      .map((m) => ({ memberId: m.id, name: m.name, load: index.householdsByMember.get(m.id)?.length ?? 0, capacity: capacityOf(roster, m), reasons: [] as Message[] }))
      .sort((a, b) => a.load / a.capacity - b.load / b.capacity);
  }, [roster, householdId]);
}
