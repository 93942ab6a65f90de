import { useCallback, useSyncExternalStore } from 'react';
import type { Member, MemberId } from '@lianxin/model';
import { chooseMemberId, chosenMemberId, findMyMember, subscribeMyMember } from './myMember';
import { useRoster } from './useRoster';
import { useSession } from './useSession';

export interface MyMember {
  /** the member I am, or null if not chosen and not found by name */
  readonly member: Member | null;
  /** how it was found */
  readonly how: 'chosen' | 'name' | 'none';
  choose(id: MemberId | null): void;
}

/** Which roster member the signed-in person is. */
export function useMyMember(): MyMember {
  const { account } = useSession();
  const roster = useRoster()?.view ?? null;
  const chosenId = useSyncExternalStore(subscribeMyMember, () => chosenMemberId(account.communityId));
  const choose = useCallback((id: MemberId | null) => chooseMemberId(account.communityId, id), [account.communityId]);
  if (!roster) return { member: null, how: 'none', choose };
  return { ...findMyMember(roster, chosenId, account.name), choose };
}
