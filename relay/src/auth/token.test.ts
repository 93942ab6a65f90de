import { describe, expect, it } from 'vitest';
import type { TokenClaims } from '@lianxin/protocol';
import { peekTokenClaims } from '@lianxin/protocol';
import { signToken, verifyToken } from './token';
import { createHmac } from 'node:crypto';

const secret = 's'.repeat(40);
const claims = { v: 1, cid: 'c1', sub: 'p1', name: '王芳', role: 'member', exp: 2_000_000_000, jti: 't1' } as TokenClaims;
const now = 1_900_000_000;

describe('tokens', () => {
  it('signs in the PROTOCOL.md format and verifies', () => {
    const token = signToken(claims, secret);
    const [body, sig] = token.split('.');
    expect(JSON.parse(Buffer.from(body as string, 'base64url').toString())).toEqual(claims);
    expect(sig).toBe(createHmac('sha256', secret).update(body as string).digest('base64url'));
    expect(verifyToken(token, secret, now)).toEqual({ ok: true, claims });
    expect(peekTokenClaims(token)).toEqual(claims);
  });

  it('refuses another secret', () => {
    expect(verifyToken(signToken(claims, secret), 'x'.repeat(40), now)).toMatchObject({ ok: false, problem: 'bad-signature' });
  });

  it('refuses changed claims (a member making itself secretary)', () => {
    const [, sig] = signToken(claims, secret).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'secretary' })).toString('base64url');
    expect(verifyToken(`${forged}.${sig}`, secret, now)).toMatchObject({ ok: false, problem: 'bad-signature' });
  });

  it('refuses an expired token', () => {
    expect(verifyToken(signToken(claims, secret), secret, claims.exp)).toMatchObject({ ok: false, problem: 'expired' });
  });

  it.each([['', 'malformed'], ['abc', 'malformed'], ['a.b.c', 'malformed'], ['a b.c', 'malformed'], ['x'.repeat(5000) + '.y', 'malformed']])(
    'refuses %j as %s',
    (token, problem) => {
      expect(verifyToken(token, secret, now)).toMatchObject({ ok: false, problem });
    },
  );

  it('refuses correctly signed but invalid claims', () => {
    const body = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    const sig = createHmac('sha256', secret).update(body).digest('base64url');
    expect(verifyToken(`${body}.${sig}`, secret, now)).toMatchObject({ ok: false, problem: 'bad-claims' });
    const notJson = Buffer.from('{nope').toString('base64url');
    expect(verifyToken(`${notJson}.${createHmac('sha256', secret).update(notJson).digest('base64url')}`, secret, now)).toMatchObject({ ok: false, problem: 'bad-claims' });
  });

  it('will not sign invalid claims', () => {
    expect(() => signToken({ ...claims, sub: 'has space' }, secret)).toThrow(/invalid claims/);
  });
});
