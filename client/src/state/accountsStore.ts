// The communities this device has joined, with their tokens. Kept in localStorage so the app can
// pick a community before any database opens; validated on read (storage is external input).
import { z } from 'zod';
import { isCommunityId } from '@lianxin/protocol';
import type { Account } from './Account';

const KEY = 'lianxin.accounts.v1';
const LAST = 'lianxin.lastCommunity';

const accountSchema = z.object({
  communityId: z.string().refine(isCommunityId),
  communityName: z.string(),
  kind: z.enum(['urban', 'village']),
  token: z.string(),
  tokenId: z.string(),
  role: z.enum(['secretary', 'committee', 'member']),
  name: z.string(),
  personId: z.string(),
  addedAt: z.number(),
});

type Listener = () => void;
const listeners = new Set<Listener>();
let cache: readonly Account[] | null = null;

function load(): readonly Account[] {
  try {
    const parsed = z.array(z.unknown()).safeParse(JSON.parse(localStorage.getItem(KEY) ?? '[]'));
    if (!parsed.success) return [];
    return parsed.data.flatMap((entry) => {
      const account = accountSchema.safeParse(entry);
      return account.success ? [account.data] : [];
    });
  } catch {
    return [];
  }
}

function save(accounts: readonly Account[]): void {
  localStorage.setItem(KEY, JSON.stringify(accounts));
  cache = accounts;
  for (const listener of listeners) listener();
}

export const accountsStore = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    // Another tab joined or left a community.
    const onStorage = (e: StorageEvent) => {
      if (e.key === KEY) {
        cache = null;
        listener();
      }
    };
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('storage', onStorage);
    };
  },
  getSnapshot(): readonly Account[] {
    cache ??= load();
    return cache;
  },
  /** Adds or replaces the account for that community (joining again refreshes the token). */
  put(account: Account): void {
    const rest = accountsStore.getSnapshot().filter((a) => a.communityId !== account.communityId);
    save([...rest, account]);
    accountsStore.setLast(account.communityId);
  },
  remove(communityId: string): void {
    save(accountsStore.getSnapshot().filter((a) => a.communityId !== communityId));
  },
  last(): string | null {
    try {
      return localStorage.getItem(LAST);
    } catch {
      return null;
    }
  },
  setLast(communityId: string): void {
    try {
      localStorage.setItem(LAST, communityId);
    } catch {
      // not remembered: the first account is used next time
    }
  },
};
