// One row of the device's `accounts` table, checked by hand (no zod): the page's boot script
// reads it before the app's code loads (peekAccounts.ts), and DeviceStore reads it through Dexie.
// Both accept exactly the same rows.
import { isCommunityId, isTokenRole, type TokenRole } from '@lianxin/protocol';

/**
 * One community (or region: a township's or county's token, whose `cid` is the region) this device
 * has joined, with the token it joined with. One per community or region.
 */
export interface Account {
  readonly communityId: string;
  /** From setup/join, if the caller passed it (the token does not carry it). */
  readonly communityName: string | null;
  readonly kind: 'urban' | 'village' | null;
  readonly token: string;
  readonly tokenId: string;
  readonly role: TokenRole;
  /** display name, from the token */
  readonly name: string;
  /** person id, from the token */
  readonly personId: string;
  /** ms since epoch */
  readonly expiresAt: number;
  readonly addedAt: number;
  readonly lastUsedAt: number;
}

/** The device `settings` row naming the community used last. */
export const LAST_USED_SETTING = 'lastUsedCommunity';

const isText = (v: unknown, min = 0, max = Infinity): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

// Rows come back from storage another version of the app (or a person with devtools) may have
// written: validate them like any external input.
export function readAccountRow(row: unknown): Account | null {
  if (typeof row !== 'object' || row === null) return null;
  const r = row as Record<string, unknown>;
  if (!isCommunityId(r.communityId)) return null;
  if (r.communityName !== null && !isText(r.communityName, 0, 200)) return null;
  if (r.kind !== null && r.kind !== 'urban' && r.kind !== 'village') return null;
  if (!isText(r.token, 1) || !isText(r.tokenId, 1) || !isTokenRole(r.role) || !isText(r.name) || !isText(r.personId, 1)) return null;
  if (!isTime(r.expiresAt) || !isTime(r.addedAt) || !isTime(r.lastUsedAt)) return null;
  return {
    communityId: r.communityId,
    communityName: r.communityName,
    kind: r.kind,
    token: r.token,
    tokenId: r.tokenId,
    role: r.role,
    name: r.name,
    personId: r.personId,
    expiresAt: r.expiresAt,
    addedAt: r.addedAt,
    lastUsedAt: r.lastUsedAt,
  };
}

/** Most recently used first (the order the app lists them in). */
export function byLastUse(a: Account, b: Account): number {
  return b.lastUsedAt - a.lastUsedAt;
}
