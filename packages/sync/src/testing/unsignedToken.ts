import type { TokenClaims } from '@lianxin/protocol';

/**
 * A token with readable claims and a meaningless signature, for tests that never reach a relay
 * (the engine only peeks at claims; the relay is the one that verifies).
 */
export function unsignedToken(claims: Partial<Omit<TokenClaims, 'cid'>> & { cid?: string } = {}): string {
  const full = { v: 1, cid: 'c1', sub: 'p1', name: '王芳', role: 'secretary', exp: Math.floor(Date.now() / 1000) + 3600, jti: 't1', ...claims };
  return `${Buffer.from(JSON.stringify(full)).toString('base64url')}.unsigned`;
}
