import { useCallback, useSyncExternalStore } from 'react';
import type { Account } from './Account';
import { accountsStore } from './accountsStore';

export interface Accounts {
  /** false until the device store has been read */
  readonly ready: boolean;
  readonly accounts: readonly Account[];
  /** the community opened last on this device, if it is still joined */
  readonly preferred: Account | null;
  /** saves the token from setup or join; throws if the token is unusable */
  add(input: { token: string; communityName: string; kind: 'urban' | 'village' }): Promise<Account>;
  remove(communityId: string): Promise<void>;
  markOpened(communityId: string): void;
}

/** The communities this device has joined (tokens kept in IndexedDB by @lianxin/sync). */
export function useAccounts(): Accounts {
  const snap = useSyncExternalStore(accountsStore.subscribe, accountsStore.getSnapshot);
  const preferred = snap.accounts.find((a) => a.communityId === snap.lastUsed) ?? snap.accounts[0] ?? null;
  const add = useCallback((input: { token: string; communityName: string; kind: 'urban' | 'village' }) => accountsStore.put(input), []);
  const remove = useCallback((communityId: string) => accountsStore.remove(communityId), []);
  const markOpened = useCallback((communityId: string) => void accountsStore.markOpened(communityId), []);
  return { ready: snap.ready, accounts: snap.accounts, preferred, add, remove, markOpened };
}
