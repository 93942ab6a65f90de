import type { Role } from '@lianxin/protocol';

/** Who is on a connection, from the verified token (or anonymous: role `public`). */
export interface Identity {
  readonly role: Role;
  /** person id (claims `sub`), null when anonymous */
  readonly person: string | null;
  readonly name: string | null;
  /** token id (claims `jti`), null when anonymous */
  readonly tokenId: string | null;
  /** token expiry in seconds since the epoch, null when anonymous */
  readonly expiresAt: number | null;
}

export const ANONYMOUS: Identity = { role: 'public', person: null, name: null, tokenId: null, expiresAt: null };

/** Stored as the author of updates written by anonymous connections (which are read-only, so never). */
export const ANONYMOUS_AUTHOR = '-';
