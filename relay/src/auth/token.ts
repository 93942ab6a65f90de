import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseTokenClaims, type TokenClaims } from '@lianxin/protocol';

/** Why a token was not accepted, before any store lookup. */
export const TokenProblem = {
  malformed: 'malformed',
  badSignature: 'bad-signature',
  badClaims: 'bad-claims',
  expired: 'expired',
} as const;
export type TokenProblem = (typeof TokenProblem)[keyof typeof TokenProblem];

export type VerifiedToken = { ok: true; claims: TokenClaims } | { ok: false; problem: TokenProblem; detail: string };

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

/** `base64url(json(claims)) '.' base64url(hmacSha256(secret, first part))` (PROTOCOL.md). */
export function signToken(claims: TokenClaims, secret: string): string {
  const parsed = parseTokenClaims(claims);
  if (!parsed.ok) throw new Error(`refusing to sign invalid claims: ${parsed.error}`);
  const body = Buffer.from(JSON.stringify(parsed.claims)).toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Checks signature, claims and expiry. `nowSeconds` is seconds since the epoch. */
export function verifyToken(token: string, secret: string, nowSeconds: number): VerifiedToken {
  // A sane upper bound keeps hostile inputs from costing anything.
  if (token.length > 4096) return { ok: false, problem: TokenProblem.malformed, detail: 'token too long' };
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, problem: TokenProblem.malformed, detail: 'not two parts' };
  const body = token.slice(0, dot);
  const signature = token.slice(dot + 1);
  if (!BASE64URL.test(body) || !BASE64URL.test(signature)) return { ok: false, problem: TokenProblem.malformed, detail: 'not base64url' };
  const expected = mac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, problem: TokenProblem.badSignature, detail: 'signature does not match' };
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, problem: TokenProblem.badClaims, detail: 'claims are not JSON' };
  }
  const parsed = parseTokenClaims(json);
  if (!parsed.ok) return { ok: false, problem: TokenProblem.badClaims, detail: parsed.error };
  if (parsed.claims.exp <= nowSeconds) return { ok: false, problem: TokenProblem.expired, detail: 'token expired' };
  return { ok: true, claims: parsed.claims };
}
