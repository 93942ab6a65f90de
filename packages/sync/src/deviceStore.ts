import { Dexie, type EntityTable } from 'dexie';
import { isCommunityId, isRegionRole, peekTokenClaims } from '@lianxin/protocol';
import { LAST_USED_SETTING, byLastUse, readAccountRow, type Account } from './accountRow';
import { deleteCommunityDatabase } from './communityDatabase';
import { DEVICE_SCHEMA_VERSION, deviceDatabaseName } from './databaseNames';
import { deleteRegionDatabase } from './regionDatabase';
import { dexieOptions, type StorageOptions } from './storageOptions';

export type { Account } from './accountRow';

export interface SaveAccountInput {
  readonly token: string;
  readonly communityName?: string;
  readonly kind?: 'urban' | 'village';
}

/** Why a token was not saved; the client translates the code. */
export const InvalidTokenCode = { unreadable: 'unreadable', expired: 'expired', badCommunityName: 'badCommunityName' } as const;
export type InvalidTokenCode = (typeof InvalidTokenCode)[keyof typeof InvalidTokenCode];

/** A token (or name) the device cannot use; nothing was saved. */
export class InvalidTokenError extends Error {
  constructor(
    readonly code: InvalidTokenCode,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

interface SettingRow {
  readonly key: string;
  readonly value: string;
}

type DeviceDatabase = Dexie & {
  accounts: EntityTable<Account, 'communityId'>;
  settings: EntityTable<SettingRow, 'key'>;
};

/**
 * The device's accounts (one token per community) and which one was used last, in IndexedDB.
 * `now` is injectable for tests.
 */
export class DeviceStore {
  private readonly db: DeviceDatabase;

  constructor(
    private readonly storage: StorageOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.db = new Dexie(deviceDatabaseName(), dexieOptions(storage)) as DeviceDatabase;
    this.db.version(DEVICE_SCHEMA_VERSION).stores({ accounts: 'communityId', settings: 'key' });
  }

  /**
   * Saves the token of a community (replacing that community's previous one) and makes it the
   * last used. Throws InvalidTokenError for a token that is not readable or already expired.
   */
  async saveAccount(input: SaveAccountInput): Promise<Account> {
    const claims = typeof input.token === 'string' ? peekTokenClaims(input.token) : null;
    if (!claims) throw new InvalidTokenError(InvalidTokenCode.unreadable, 'not a Lianxin token');
    const now = this.now();
    if (claims.exp * 1000 <= now) throw new InvalidTokenError(InvalidTokenCode.expired, 'the token has expired');
    if (input.communityName !== undefined && (input.communityName.length === 0 || input.communityName.length > 200)) {
      throw new InvalidTokenError(InvalidTokenCode.badCommunityName, 'the community name must be 1 to 200 characters');
    }
    const previous = await this.getAccount(claims.cid);
    const account: Account = {
      communityId: claims.cid,
      communityName: input.communityName ?? previous?.communityName ?? null,
      kind: input.kind ?? previous?.kind ?? null,
      token: input.token,
      tokenId: claims.jti,
      role: claims.role,
      name: claims.name,
      personId: claims.sub,
      expiresAt: claims.exp * 1000,
      addedAt: previous?.addedAt ?? now,
      lastUsedAt: now,
    };
    await this.db.transaction('rw', [this.db.accounts, this.db.settings], async () => {
      await this.db.accounts.put(account);
      await this.db.settings.put({ key: LAST_USED_SETTING, value: account.communityId });
    });
    return account;
  }

  /** Every valid account, most recently used first. */
  async listAccounts(): Promise<Account[]> {
    const rows = await this.db.accounts.toArray();
    return rows.flatMap((r) => readAccountRow(r) ?? []).sort(byLastUse);
  }

  async getAccount(communityId: string): Promise<Account | null> {
    if (!isCommunityId(communityId)) return null;
    return readAccountRow(await this.db.accounts.get(communityId));
  }

  /** Marks an account as the one in use; returns it, or null if there is none. */
  async useAccount(communityId: string): Promise<Account | null> {
    return this.db.transaction('rw', [this.db.accounts, this.db.settings], async () => {
      const account = await this.getAccount(communityId);
      if (!account) return null;
      const used = { ...account, lastUsedAt: Math.max(this.now(), account.lastUsedAt) };
      await this.db.accounts.put(used);
      await this.db.settings.put({ key: LAST_USED_SETTING, value: communityId });
      return used;
    });
  }

  /** The account used last, falling back to the most recently used one still saved. */
  async lastUsed(): Promise<Account | null> {
    const last = await this.db.settings.get(LAST_USED_SETTING);
    const account = last ? await this.getAccount(last.value) : null;
    return account ?? (await this.listAccounts())[0] ?? null;
  }

  /**
   * Forgets a community on this device; with `deleteLocalData` (the default) also deletes the
   * person's local copy of its documents.
   */
  async removeAccount(communityId: string, options: { deleteLocalData?: boolean } = {}): Promise<void> {
    const account = await this.getAccount(communityId);
    await this.db.transaction('rw', [this.db.accounts, this.db.settings], async () => {
      await this.db.accounts.delete(communityId);
      const last = await this.db.settings.get(LAST_USED_SETTING);
      if (last?.value === communityId) await this.db.settings.delete(LAST_USED_SETTING);
    });
    if (!account || options.deleteLocalData === false) return;
    // A township's or county's account (its id is the region's) keeps a region database.
    if (isRegionRole(account.role)) await deleteRegionDatabase(account.communityId, account.personId, this.storage);
    else await deleteCommunityDatabase(account.communityId, account.personId, this.storage);
  }

  close(): void {
    this.db.close();
  }
}
