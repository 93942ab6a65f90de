import { useCallback, useSyncExternalStore } from 'react';
import type { Account } from './Account';
import { accountsStore } from './accountsStore';

export interface Accounts {
  readonly accounts: readonly Account[];
  /** the community opened last on this device, if it is still joined */
  readonly preferred: Account | null;
  add(account: Account): Promise<void>;
  remove(communityId: string): Promise<void>;
  markOpened(communityId: string): void;
}

export function useAccounts(): Accounts {
  const accounts = useSyncExternalStore(accountsStore.subscribe, accountsStore.getSnapshot);
  const last = accountsStore.last();
  const preferred = accounts.find((a) => a.communityId === last) ?? accounts[0] ?? null;
  const add = useCallback(async (account: Account) => accountsStore.put(account), []);
  const remove = useCallback(async (communityId: string) => accountsStore.remove(communityId), []);
  const markOpened = useCallback((communityId: string) => accountsStore.setLast(communityId), []);
  return { accounts, preferred, add, remove, markOpened };
}
