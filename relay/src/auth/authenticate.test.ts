import { beforeEach, describe, expect, it } from 'vitest';
import { COMMUNITY_DOCS, COMMUNITY_ROLES, DocKind, PERMISSIONS, type CommunityId, type Role } from '@lianxin/protocol';
import { createMemoryStore } from '../store/memoryStore';
import type { Store } from '../store/Store';
import { admitToRoom, type AuthDeps } from './authenticate';
import { issueToken } from './issueToken';
import { signToken } from './token';

const secret = 'k'.repeat(40);
let store: Store;
let clock = 1_900_000_000_000;
let deps: AuthDeps;
const c1 = 'c1' as CommunityId;

beforeEach(async () => {
  store = createMemoryStore();
  clock = 1_900_000_000_000;
  deps = { store, secret, now: () => clock };
  await store.createCommunity({ id: c1, name: 'c', kind: 'urban', createdAt: 0, township: null });
  await store.createCommunity({ id: 'c2' as CommunityId, name: 'd', kind: 'village', createdAt: 0, township: null });
});

const roomOf = (kind: DocKind) => (kind === 'minutes' ? 'c1/minutes/m1' : `c1/${kind}`);

describe('admitToRoom', () => {
  // Region roles (township, county) are checked against a real relay in server.regions.test.ts.
  it('follows PERMISSIONS for every community role and document', async () => {
    const tokens: Record<string, string | null> = { public: null };
    for (const role of COMMUNITY_ROLES) tokens[role] = (await issueToken(store, secret, { community: c1, role, name: role, ttlSeconds: 3600 }, clock)).token;
    for (const role of ['public', ...COMMUNITY_ROLES] as Role[]) {
      for (const kind of [...COMMUNITY_DOCS, DocKind.minutes]) {
        const result = await admitToRoom(roomOf(kind), tokens[role] ?? null, deps);
        const expected = PERMISSIONS[role][kind];
        if (expected === 'none') expect(result, `${role} ${kind}`).toMatchObject({ ok: false, status: role === 'public' ? 401 : 403 });
        else expect(result, `${role} ${kind}`).toMatchObject({ ok: true, access: expected });
      }
    }
  });

  it('refuses by reason', async () => {
    const member = await issueToken(store, secret, { community: c1, role: 'member', name: 'm', ttlSeconds: 60 }, clock);
    expect(await admitToRoom('c9/work', member.token, deps)).toMatchObject({ status: 404, reason: 'unknown-community' });
    expect(await admitToRoom('c1/nope', member.token, deps)).toMatchObject({ status: 404, reason: 'unknown-room', closeCode: true });
    expect(await admitToRoom('c2/work', member.token, deps)).toMatchObject({ status: 403, reason: 'wrong-community' });
    expect(await admitToRoom('c1/work', member.token.slice(0, -2) + 'xx', deps)).toMatchObject({ status: 401, reason: 'bad-signature' });
    expect(await admitToRoom('c1/work', 'garbage', deps)).toMatchObject({ status: 401, reason: 'malformed-token' });
    const unknown = signToken({ ...member.claims, jti: 'never-issued' }, secret);
    expect(await admitToRoom('c1/work', unknown, deps)).toMatchObject({ status: 401, reason: 'unknown-token' });
    await store.revokeToken(member.tokenId, clock);
    expect(await admitToRoom('c1/work', member.token, deps)).toMatchObject({ status: 403, reason: 'revoked' });
  });

  it('refuses a token once it expires', async () => {
    const t = await issueToken(store, secret, { community: c1, role: 'committee', name: 'c', ttlSeconds: 60 }, clock);
    expect(await admitToRoom('c1/care', t.token, deps)).toMatchObject({ ok: true });
    clock += 61_000;
    expect(await admitToRoom('c1/care', t.token, deps)).toMatchObject({ status: 401, reason: 'expired' });
  });

  it('gives the identity of the token', async () => {
    const t = await issueToken(store, secret, { community: c1, role: 'member', name: '王芳', person: 'p-7', ttlSeconds: 60 }, clock);
    expect(await admitToRoom('c1/work', t.token, deps)).toMatchObject({
      ok: true,
      identity: { role: 'member', person: 'p-7', name: '王芳', tokenId: t.tokenId, expiresAt: t.claims.exp },
    });
  });
});
