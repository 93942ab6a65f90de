import type { CommunityId, TokenRole } from '@lianxin/protocol';
import { isTokenRole } from '@lianxin/protocol';
import { COMMUNITY_KINDS } from './Store';
import type { CommunityKind, CommunityRecord, InviteRecord, RegionLevel, RegionRecord, TokenRecord } from './Store';

/** Rows of the SQLite store's access tables, and their records. */
export interface CommunityRow {
  id: string;
  name: string;
  kind: string;
  created_at: number;
  township: string | null;
}
export interface RegionRow {
  id: string;
  name: string;
  level: string;
  parent: string | null;
  created_at: number;
}
export interface TokenRow {
  id: string;
  community: string;
  person: string;
  name: string;
  role: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}
export interface InviteRow {
  code_hash: string;
  community: string;
  role: string;
  name: string | null;
  person: string | null;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export function toCommunity(row: CommunityRow): CommunityRecord {
  const kind = (COMMUNITY_KINDS as readonly string[]).includes(row.kind) ? (row.kind as CommunityKind) : 'urban';
  return { id: row.id as CommunityId, name: row.name, kind, createdAt: row.created_at, township: row.township };
}

export function toRegion(row: RegionRow): RegionRecord {
  if (row.level !== 'county' && row.level !== 'township') throw new Error(`corrupt store: unknown region level ${JSON.stringify(row.level)}`);
  return { id: row.id, name: row.name, level: row.level as RegionLevel, parent: row.parent, createdAt: row.created_at };
}

function toRole(role: string): TokenRole {
  if (!isTokenRole(role)) throw new Error(`corrupt store: unknown role ${JSON.stringify(role)}`);
  return role;
}

export function toToken(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    community: row.community as CommunityId,
    person: row.person,
    name: row.name,
    role: toRole(row.role),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

export function toInvite(row: InviteRow): InviteRecord {
  return {
    codeHash: row.code_hash,
    community: row.community as CommunityId,
    role: toRole(row.role),
    name: row.name,
    person: row.person,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}
