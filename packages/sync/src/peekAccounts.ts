// The device's accounts read with the bare IndexedDB API (no Dexie, no zod): the page's boot
// script starts this before the app's code loads, so a reopened community page knows its account
// (and token) without waiting for @lianxin/sync and Dexie to load and open the device database.
import { LAST_USED_SETTING, byLastUse, readAccountRow, type Account } from './accountRow';
import { request, readExisting } from './bareIndexedDb';
import { deviceDatabaseName } from './databaseNames';

export interface PeekedAccounts {
  /** every valid account, most recently used first (as DeviceStore.listAccounts) */
  readonly accounts: readonly Account[];
  /** the community used last, if still joined, else the most recent (as DeviceStore.lastUsed) */
  readonly lastUsed: string | null;
}

/** Null when this device has no device database yet (nothing is created). */
export async function peekAccounts(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<PeekedAccounts | null> {
  if (!factory) return null;
  const read = await readExisting(factory, deviceDatabaseName(), ['accounts', 'settings'], (tx) =>
    Promise.all([request(tx.objectStore('accounts').getAll()), request(tx.objectStore('settings').get(LAST_USED_SETTING))]),
  );
  if (!read) return null;
  const [rows, last] = read;
  const accounts = rows.flatMap((r) => readAccountRow(r) ?? []).sort(byLastUse);
  const named = typeof last === 'object' && last !== null ? (last as { value?: unknown }).value : undefined;
  const lastUsed = accounts.find((a) => a.communityId === named)?.communityId ?? accounts[0]?.communityId ?? null;
  return { accounts, lastUsed };
}
