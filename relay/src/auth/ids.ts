import { createHash, randomBytes } from 'node:crypto';

/**
 * A random id matching the claims' id pattern `[A-Za-z0-9_-]{1,64}` (96 bits), never starting
 * with `-` or `_`, so that `revoke <tokenId>` is never read as an option.
 */
export function newId(): string {
  for (;;) {
    const id = randomBytes(12).toString('base64url');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}

/** A one-time code (invite, setup): 128 random bits, URL-safe. */
export function newCode(): string {
  return randomBytes(16).toString('base64url');
}

/** Codes are stored only as their SHA-256, so a copy of the database cannot redeem them. */
export function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}
