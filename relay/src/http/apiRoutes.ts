import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { TOKEN_ROLES, isCommunityId, isCommunityRole, isRegionRole, type CommunityId } from '@lianxin/protocol';
import type { AuthDeps } from '../auth/authenticate';
import { issueToken } from '../auth/issueToken';
import { createInvite, redeemInvite } from '../auth/invites';
import type { SetupCode } from '../auth/SetupCode';
import type { RelayConfig } from '../config';
import type { DocumentSource } from '../documentSource';
import type { Logger } from '../logger';
import type { RoomRegistry } from '../rooms/RoomRegistry';
import { COMMUNITY_KINDS, StoreConflictError, type CommunityRecord, type RegionRecord } from '../store/Store';
import { mountRegionRoutes } from './regionRoutes';
import { ApiError, readJson } from './ApiError';
import { requireBearer, requireSecretary } from './bearer';

export interface ApiDeps extends AuthDeps {
  readonly config: RelayConfig;
  readonly setup: SetupCode;
  readonly registry: RoomRegistry;
  readonly log: Logger;
  /** read-only documents (the batched summaries) */
  readonly documents: DocumentSource;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const displayName = z.string().trim().min(1).max(100);
const communityId = z.string().refine(isCommunityId, 'lowercase letters, digits and inner hyphens, at most 64');

const SetupBody = z.object({
  code: z.string().min(1).max(200),
  community: z.object({ id: communityId, name: displayName, kind: z.enum(COMMUNITY_KINDS) }),
  secretary: z.object({ name: displayName }),
});
const InviteBody = z.object({
  role: z.enum(TOKEN_ROLES),
  name: displayName.optional(),
  /** invite another device of an existing person */
  personId: z.string().regex(ID).optional(),
  ttlDays: z.number().int().min(1).max(90).optional(),
});
const JoinBody = z.object({ code: z.string().min(1).max(200), name: displayName });
const RevokeBody = z.object({ tokenId: z.string().regex(ID) });

const publicCommunity = (c: CommunityRecord) => ({ id: c.id, name: c.name, kind: c.kind });
const publicRegion = (r: RegionRecord) => ({ id: r.id, name: r.name, level: r.level, parent: r.parent });
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** `/api/*`: setup, invites, join, revoke, me, tokens, community info. */
export function apiRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  const { store, config, log } = deps;
  const tokenTtl = config.tokenTtlDays * 86_400;

  api.use(
    '*',
    bodyLimit({
      maxSize: 64 * 1024,
      onError: () => {
        throw new ApiError(413, 'too-large', 'the body is larger than 64 KiB');
      },
    }),
  );

  api.post('/setup', async (c) => {
    const body = await readJson(c, SetupBody);
    if (!(await deps.setup.consume(body.code))) throw new ApiError(403, 'bad-setup-code', 'the setup code is wrong or was already used');
    const id = body.community.id as CommunityId;
    const community: CommunityRecord = { id, name: body.community.name, kind: body.community.kind, createdAt: deps.now(), township: null };
    try {
      await store.createCommunity(community);
    } catch (error) {
      await deps.setup.restore(body.code);
      if (error instanceof StoreConflictError) throw new ApiError(409, 'community-exists', `community ${id} already exists`);
      throw error;
    }
    const issued = await issueToken(store, deps.secret, { community: id, role: 'secretary', name: body.secretary.name, ttlSeconds: tokenTtl }, deps.now());
    log.info({ community: id, tokenId: issued.tokenId }, 'setup: community created');
    return c.json({ community: publicCommunity(community), token: issued.token, tokenId: issued.tokenId }, 201);
  });

  api.post('/invites', async (c) => {
    const claims = await requireSecretary(c, deps);
    const body = await readJson(c, InviteBody);
    // A community invites its own roles; a township or county only its own staff.
    const fits = isRegionRole(claims.role) ? body.role === claims.role : isCommunityRole(body.role);
    if (!fits) throw new ApiError(403, 'forbidden', `a ${claims.role} may not invite a ${body.role}`);
    if (body.personId) {
      const known = (await store.listTokens(claims.cid)).some((t) => t.person === body.personId);
      if (!known) throw new ApiError(404, 'unknown-person', 'no token of this community belongs to that person');
    }
    const invite = await createInvite(
      store,
      { community: claims.cid, role: body.role, name: body.name ?? null, person: body.personId ?? null, createdBy: claims.jti, ttlDays: body.ttlDays ?? config.inviteTtlDays },
      deps.now(),
    );
    log.info({ community: claims.cid, role: body.role, by: claims.jti }, 'invite created');
    return c.json({ code: invite.code, url: `/join#code=${invite.code}`, expiresAt: iso(invite.expiresAt) }, 201);
  });

  api.post('/join', async (c) => {
    const body = await readJson(c, JoinBody);
    const redeemed = await redeemInvite(store, body.code, deps.now());
    if (!redeemed.ok) {
      const [status, message] =
        redeemed.reason === 'unknown' ? ([404, 'no such invite'] as const) : redeemed.reason === 'used' ? ([409, 'this invite was already used'] as const) : ([410, 'this invite has expired'] as const);
      throw new ApiError(status, `invite-${redeemed.reason}`, message);
    }
    const { invite } = redeemed;
    if (isRegionRole(invite.role)) {
      const region = await store.getRegion(invite.community);
      if (!region) throw new ApiError(404, 'unknown-region', 'the region of this invite no longer exists');
      const issued = await issueToken(store, deps.secret, { community: invite.community, role: invite.role, name: body.name, person: invite.person, ttlSeconds: tokenTtl }, deps.now());
      log.info({ region: invite.community, role: invite.role, tokenId: issued.tokenId }, 'joined a region with an invite');
      return c.json({ region: publicRegion(region), token: issued.token, tokenId: issued.tokenId, role: invite.role, name: body.name, personId: issued.claims.sub }, 201);
    }
    const community = await store.getCommunity(invite.community);
    if (!community) throw new ApiError(404, 'unknown-community', 'the community of this invite no longer exists');
    const issued = await issueToken(store, deps.secret, { community: invite.community, role: invite.role, name: body.name, person: invite.person, ttlSeconds: tokenTtl }, deps.now());
    log.info({ community: invite.community, role: invite.role, tokenId: issued.tokenId }, 'joined with an invite');
    return c.json({ community: publicCommunity(community), token: issued.token, tokenId: issued.tokenId, role: invite.role, name: body.name, personId: issued.claims.sub }, 201);
  });

  api.post('/revoke', async (c) => {
    const claims = await requireSecretary(c, deps);
    const body = await readJson(c, RevokeBody);
    const record = await store.getToken(body.tokenId);
    if (!record || record.community !== claims.cid) throw new ApiError(404, 'unknown-token', 'no such token in your community');
    await store.revokeToken(body.tokenId, deps.now());
    const closed = deps.registry.revokeToken(body.tokenId);
    log.info({ community: claims.cid, tokenId: body.tokenId, by: claims.jti, connectionsClosed: closed }, 'token revoked');
    return c.json({ revoked: true });
  });

  api.get('/me', async (c) => {
    const claims = await requireBearer(c, deps);
    return c.json({ v: claims.v, cid: claims.cid, sub: claims.sub, name: claims.name, role: claims.role, exp: claims.exp, jti: claims.jti });
  });

  api.get('/tokens', async (c) => {
    const claims = await requireSecretary(c, deps);
    const tokens = await store.listTokens(claims.cid);
    return c.json({
      tokens: tokens.map((t) => ({ tokenId: t.id, personId: t.person, name: t.name, role: t.role, createdAt: iso(t.createdAt), expiresAt: iso(t.expiresAt), revokedAt: iso(t.revokedAt) })),
    });
  });

  mountRegionRoutes(api, deps);

  api.get('/community/:id', async (c) => {
    const id = c.req.param('id');
    const community = isCommunityId(id) ? await store.getCommunity(id) : null;
    if (!community) throw new ApiError(404, 'unknown-community', 'no such community');
    // Its township (public: the community's page names it too), so that its committee's devices
    // know to keep the link with it (escalations, summary).
    const township = community.township ? await store.getRegion(community.township) : null;
    return c.json({ ...publicCommunity(community), township: township ? { id: township.id, name: township.name } : null });
  });

  api.all('*', () => {
    throw new ApiError(404, 'not-found', 'no such API route');
  });
  return api;
}
