import type { CommunityId, TokenRole } from '@lianxin/protocol';
import type { StoreKind } from './DocumentLog';

/** Community kinds (DESIGN.md): an urban neighbourhood or a village. */
export const CommunityKind = { urban: 'urban', village: 'village' } as const;
export type CommunityKind = (typeof CommunityKind)[keyof typeof CommunityKind];
export const COMMUNITY_KINDS = [CommunityKind.urban, CommunityKind.village] as const;

export interface CommunityRecord {
  readonly id: CommunityId;
  readonly name: string;
  readonly kind: CommunityKind;
  /** ms since epoch */
  readonly createdAt: number;
  /** the township (a region of level `township`) that holds it; null for a community on its own */
  readonly township: string | null;
}

/** A region's level: a county (县/区) holds townships; a township (乡镇/街道) holds communities. */
export const RegionLevel = { county: 'county', township: 'township' } as const;
export type RegionLevel = (typeof RegionLevel)[keyof typeof RegionLevel];

export interface RegionRecord {
  /** same namespace as community ids: a token's `cid` names one or the other */
  readonly id: string;
  readonly name: string;
  readonly level: RegionLevel;
  /** a township's county; null for a county, or a township with no county */
  readonly parent: string | null;
  /** ms since epoch */
  readonly createdAt: number;
}

/** A token the relay issued. The token string itself is never stored. */
export interface TokenRecord {
  readonly id: string;
  /** the community the token is for, or the region for a township or county token */
  readonly community: CommunityId;
  /** person id (claims `sub`) */
  readonly person: string;
  readonly name: string;
  readonly role: TokenRole;
  /** ms since epoch */
  readonly createdAt: number;
  /** ms since epoch */
  readonly expiresAt: number;
  /** ms since epoch, null while valid */
  readonly revokedAt: number | null;
}

/** A one-time invite; only the SHA-256 of its code is stored. */
export interface InviteRecord {
  readonly codeHash: string;
  readonly community: CommunityId;
  readonly role: TokenRole;
  /** name suggested by the secretary, if any */
  readonly name: string | null;
  /** existing person this invite adds a device for, if any */
  readonly person: string | null;
  /** token id of the secretary who created it */
  readonly createdBy: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly usedAt: number | null;
}

export interface RevocationsSince {
  /** pass back as `after` next time */
  readonly cursor: number;
  readonly tokenIds: readonly string[];
}

/** How long a first-run setup code stays good (a process that starts with no community issues one). */
export const SETUP_CODE_TTL_MS = 24 * 3600 * 1000;

/**
 * Who may do what: communities, regions, tokens and their revocations, invites, setup codes.
 * Shared by every relay process on one database, so nothing of it lives in a process's memory.
 * Implementations: memory, SQLite, Postgres; all pass `runDirectoryContractTests`.
 */
export interface Directory {
  readonly kind: StoreKind;

  // communities
  createCommunity(community: CommunityRecord): Promise<void>;
  getCommunity(id: string): Promise<CommunityRecord | null>;
  countCommunities(): Promise<number>;
  /** The communities a township holds, by id. */
  listCommunities(township: string): Promise<CommunityRecord[]>;
  /** Puts a community in a township (or none); false if the community is unknown. */
  setCommunityTownship(community: string, township: string | null): Promise<boolean>;

  // regions (ids shared with communities: creating either with a taken id is a conflict)
  createRegion(region: RegionRecord): Promise<void>;
  getRegion(id: string): Promise<RegionRecord | null>;
  /** The regions under `parent` (a county's townships), by id. */
  listRegions(parent: string): Promise<RegionRecord[]>;

  // tokens
  recordToken(token: TokenRecord): Promise<void>;
  getToken(id: string): Promise<TokenRecord | null>;
  listTokens(community: string): Promise<TokenRecord[]>;
  /** Marks a token revoked; false if unknown. Revoking twice keeps the first time. */
  revokeToken(id: string, at: number): Promise<boolean>;
  /** Token ids revoked after `cursor` (0 = from the beginning). */
  revocationsSince(cursor: number): Promise<RevocationsSince>;

  // invites
  createInvite(invite: InviteRecord): Promise<void>;
  /**
   * Marks the invite used if it exists, is unused and not expired at `now`; returns it, else a
   * reason. Atomic: two concurrent redemptions of one code cannot both succeed.
   */
  redeemInvite(codeHash: string, now: number): Promise<{ ok: true; invite: InviteRecord } | { ok: false; reason: 'unknown' | 'used' | 'expired' }>;

  // first-run setup codes (only their SHA-256): each relay process that starts with no community
  // issues one; the first consumed ends them all, whichever process it reaches
  /** Adds a code issued at `at` (and forgets codes older than SETUP_CODE_TTL_MS). */
  issueSetupCode(codeHash: string, at: number): Promise<void>;
  /**
   * If the code is known and not older than SETUP_CODE_TTL_MS at `now`, removes every setup code
   * and returns true. Atomic across processes: one code is consumed once.
   */
  consumeSetupCode(codeHash: string, now: number): Promise<boolean>;

  /** Cheap liveness probe for /healthz; rejects with the reason when the directory is unreachable. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Thrown for a duplicate key (community or region id, token id, invite code). */
export class StoreConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreConflictError';
  }
}
