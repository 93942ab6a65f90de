import { isTokenRole, type TokenRole } from './role';
import { isCommunityId, type CommunityId } from './room';

/** What a signed token says. Times are seconds since the epoch. */
export interface TokenClaims {
  readonly v: 1;
  /** community id */
  readonly cid: CommunityId;
  /** person id, stable across that person's devices */
  readonly sub: string;
  /** display name (shown to collaborators) */
  readonly name: string;
  readonly role: TokenRole;
  /** expiry, seconds since epoch */
  readonly exp: number;
  /** token id, used to revoke */
  readonly jti: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Validates untrusted claims; returns an error message or the claims. */
export function parseTokenClaims(value: unknown): { ok: true; claims: TokenClaims } | { ok: false; error: string } {
  if (typeof value !== 'object' || value === null) return { ok: false, error: 'claims are not an object' };
  const c = value as Record<string, unknown>;
  if (c.v !== 1) return { ok: false, error: 'unknown claims version' };
  if (!isCommunityId(c.cid)) return { ok: false, error: 'bad community id' };
  if (typeof c.sub !== 'string' || !ID.test(c.sub)) return { ok: false, error: 'bad person id' };
  if (typeof c.name !== 'string' || c.name.length === 0 || c.name.length > 100) return { ok: false, error: 'bad name' };
  if (!isTokenRole(c.role)) return { ok: false, error: 'bad role' };
  if (typeof c.exp !== 'number' || !Number.isInteger(c.exp) || c.exp <= 0) return { ok: false, error: 'bad expiry' };
  if (typeof c.jti !== 'string' || !ID.test(c.jti)) return { ok: false, error: 'bad token id' };
  return { ok: true, claims: { v: 1, cid: c.cid, sub: c.sub, name: c.name, role: c.role, exp: c.exp, jti: c.jti } };
}

/**
 * Reads claims from a token without verifying the signature. For clients only (to show who
 * they are); the relay always verifies. Token format: `<base64url(json)>.<base64url(hmac)>`.
 */
export function peekTokenClaims(token: string): TokenClaims | null {
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  try {
    const b64 = token.slice(0, dot).replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0)));
    const parsed = parseTokenClaims(JSON.parse(json));
    return parsed.ok ? parsed.claims : null;
  } catch {
    return null;
  }
}
