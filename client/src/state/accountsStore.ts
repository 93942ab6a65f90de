// The communities this device has joined, with their tokens: @lianxin/sync's DeviceStore in
// IndexedDB, mirrored in memory so React can read it synchronously. @lianxin/sync (Dexie, Yjs,
// the providers) is imported when the store is first read, so the setup and join pages paint
// without parsing it.
import type { DeviceStore, Account as StoredAccount } from '@lianxin/sync';
import type { PeekedAccounts } from '@lianxin/sync/peek';
import type { Account } from './Account';
import { bootAccounts } from './bootPeek';
import { markOnce } from './usableMark';

type Listener = () => void;
const listeners = new Set<Listener>();
let device: Promise<DeviceStore> | null = null;
let accounts: readonly Account[] = [];
let lastUsed: string | null = null;
let ready = false;
let loading: Promise<void> | null = null;

function store(): Promise<DeviceStore> {
  device ??= import('@lianxin/sync').then((m) => new m.DeviceStore());
  return device;
}

function toAccount(a: StoredAccount): Account {
  return {
    communityId: a.communityId,
    communityName: a.communityName ?? a.communityId,
    kind: a.kind ?? 'urban',
    token: a.token,
    tokenId: a.tokenId,
    role: a.role,
    name: a.name,
    personId: a.personId,
    addedAt: a.addedAt,
  };
}

function emit(): void {
  for (const l of listeners) l();
}

function adopt(list: readonly StoredAccount[], last: string | null): void {
  accounts = list.map(toAccount);
  lastUsed = last;
  ready = true;
  markOnce('lianxin:accounts');
  emit();
}

async function reload(): Promise<void> {
  const list = await (await store()).listAccounts();
  const last = await (await store()).lastUsed();
  adopt(list, last?.communityId ?? null);
}

/**
 * The first read: the boot script's bare read of the same rows when it found the device store
 * (no wait for @lianxin/sync and Dexie), else through Dexie (which creates the store).
 */
async function firstRead(): Promise<void> {
  const peeked: PeekedAccounts | null = (await bootAccounts()?.read) ?? null;
  if (peeked) adopt(peeked.accounts, peeked.lastUsed);
  else await reload();
}

export interface AccountsSnapshot {
  readonly ready: boolean;
  readonly accounts: readonly Account[];
  readonly lastUsed: string | null;
}
let snapshot: AccountsSnapshot = { ready, accounts, lastUsed };

export const accountsStore = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    accountsStore.preload();
    return () => listeners.delete(listener);
  },
  /** Starts reading the device store (once); a page opened directly calls it before React renders. */
  preload(): void {
    loading ??= firstRead().catch((error: unknown) => {
      // No IndexedDB (private mode in some browsers): the device cannot keep a token.
      console.error('accounts: cannot open the device store', error);
      ready = true;
      emit();
    });
  },
  getSnapshot(): AccountsSnapshot {
    if (snapshot.ready !== ready || snapshot.accounts !== accounts || snapshot.lastUsed !== lastUsed) snapshot = { ready, accounts, lastUsed };
    return snapshot;
  },
  /** Saves (or replaces) the token of a community (or region: no kind) and makes it the one used last. */
  async put(input: { token: string; communityName: string; kind?: 'urban' | 'village' }): Promise<Account> {
    const saved = await (await store()).saveAccount(input);
    await reload();
    return toAccount(saved);
  },
  /** Forgets a community and deletes this device's copy of its documents. */
  async remove(communityId: string): Promise<void> {
    await (await store()).removeAccount(communityId);
    await reload();
  },
  async markOpened(communityId: string): Promise<void> {
    if (lastUsed === communityId) return;
    await (await store()).useAccount(communityId);
    await reload();
  },
};
