import { createHash, randomBytes } from 'node:crypto';

/** A random id matching the claims' id pattern `[A-Za-z0-9_-]{1,64}` (96 bits). */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}

/** A one-time code (invite, setup): 128 random bits, URL-safe. */
export function newCode(): string {
  return randomBytes(16).toString('base64url');
}

/** Codes are stored only as their SHA-256, so a copy of the database cannot redeem them. */
export function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}
