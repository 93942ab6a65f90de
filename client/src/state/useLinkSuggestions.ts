import { useMemo } from 'react';
import { capacityOf, suggestMembers, type HouseholdId, type Message, type MemberId, type RosterView } from '@lianxin/model';
import { rosterIndex } from './rosterIndex';
import { useWork } from './useWork';

export interface LinkOption {
  readonly memberId: MemberId;
  readonly name: string;
  readonly load: number;
  readonly capacity: number;
  /** why the model suggests this member (就近、就亲、就熟); empty for the rest */
  readonly reasons: readonly Message[];
  /** linking would put the member over their limit */
  readonly warning: Message | null;
}

/**
 * Members to link a household to: the model's suggestions first (nearness, kin, past visits;
 * members with room before those at their limit), then every other active member by name.
 */
export function useLinkSuggestions(roster: RosterView, householdId: HouseholdId | null): LinkOption[] {
  const work = useWork()?.view ?? null;
  return useMemo(() => {
    const index = rosterIndex(roster);
    const suggested = householdId ? suggestMembers(roster, work, householdId, { limit: 6 }) : [];
    const first = suggested.map((s): LinkOption => ({
      memberId: s.memberId,
      name: roster.members.get(s.memberId)?.name ?? '',
      load: s.load,
      capacity: s.capacity,
      reasons: s.reasons.map((r) => r.message),
      warning: s.warning,
    }));
    const seen = new Set(first.map((o) => o.memberId));
    const rest = index.members
      .filter((m) => m.active && !seen.has(m.id))
      .map((m): LinkOption => ({ memberId: m.id, name: m.name, load: index.householdsByMember.get(m.id)?.length ?? 0, capacity: capacityOf(roster, m), reasons: [], warning: null }));
    return [...first, ...rest];
  }, [roster, work, householdId]);
}
