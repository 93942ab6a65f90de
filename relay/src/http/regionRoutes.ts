import type { Hono } from 'hono';
import { z } from 'zod';
import { isCommunityId, isRegionRole, type CommunityId } from '@lianxin/protocol';
import { createInvite } from '../auth/invites';
import { regionDirectory } from '../regions/regionDirectory';
import { COMMUNITY_KINDS, StoreConflictError } from '../store/Store';
import type { ApiDeps } from './apiRoutes';
import { ApiError, readJson } from './ApiError';
import { requireBearer } from './bearer';
import { mountSummariesRoute } from './summariesRoute';

const id = z.string().refine(isCommunityId, 'lowercase letters, digits and inner hyphens, at most 64');
const displayName = z.string().trim().min(1).max(100);
const TownshipBody = z.object({ id, name: displayName });
const CommunityBody = z.object({ id, name: displayName, kind: z.enum(COMMUNITY_KINDS), township: id.optional() });

/**
 * `/api/region*`: what a region's staff see of their region, and what its administrators create
 * from the app: a county adds townships (with an invite for the township's first staff), a county
 * or a township adds communities to a township (with an invite for the community's secretary).
 */
export function mountRegionRoutes(api: Hono, deps: ApiDeps): void {
  const { store, config, log } = deps;

  const regionClaims = async (c: Parameters<typeof requireBearer>[0]) => {
    const claims = await requireBearer(c, deps);
    if (!isRegionRole(claims.role)) throw new ApiError(403, 'forbidden', 'only township and county staff have a region');
    return claims;
  };

  api.get('/region', async (c) => {
    const claims = await regionClaims(c);
    const directory = await regionDirectory(store, claims.cid);
    if (!directory) throw new ApiError(404, 'unknown-region', 'the region of this token no longer exists');
    return c.json(directory);
  });

  mountSummariesRoute(api, deps);

  api.post('/region/townships', async (c) => {
    const claims = await regionClaims(c);
    if (claims.role !== 'county') throw new ApiError(403, 'forbidden', 'only a county adds townships');
    const body = await readJson(c, TownshipBody);
    try {
      await store.createRegion({ id: body.id, name: body.name, level: 'township', parent: claims.cid, createdAt: deps.now() });
    } catch (error) {
      if (error instanceof StoreConflictError) throw new ApiError(409, 'id-taken', `${body.id} is already a region or a community`);
      throw error;
    }
    const invite = await createInvite(store, { community: body.id as CommunityId, role: 'township', createdBy: claims.jti, ttlDays: config.inviteTtlDays }, deps.now());
    log.info({ county: claims.cid, township: body.id, by: claims.jti }, 'township created');
    return c.json({ township: { id: body.id, name: body.name, parent: claims.cid }, invite: { code: invite.code, url: `/join#code=${invite.code}`, expiresAt: new Date(invite.expiresAt).toISOString() } }, 201);
  });

  api.post('/region/communities', async (c) => {
    const claims = await regionClaims(c);
    const body = await readJson(c, CommunityBody);
    const township = claims.role === 'township' ? claims.cid : body.township;
    if (!township) throw new ApiError(400, 'bad-request', 'say which township the community belongs to');
    const region = await store.getRegion(township);
    const inRegion = region?.level === 'township' && (claims.role === 'township' ? region.id === claims.cid : region.parent === claims.cid);
    if (!inRegion) throw new ApiError(403, 'forbidden', `${township} is not a township of this region`);
    try {
      await store.createCommunity({ id: body.id as CommunityId, name: body.name, kind: body.kind, createdAt: deps.now(), township });
    } catch (error) {
      if (error instanceof StoreConflictError) throw new ApiError(409, 'id-taken', `${body.id} is already a community or a region`);
      throw error;
    }
    const invite = await createInvite(store, { community: body.id as CommunityId, role: 'secretary', createdBy: claims.jti, ttlDays: config.inviteTtlDays }, deps.now());
    log.info({ region: claims.cid, community: body.id, township, by: claims.jti }, 'community created in a township');
    return c.json({ community: { id: body.id, name: body.name, kind: body.kind, township }, invite: { code: invite.code, url: `/join#code=${invite.code}`, expiresAt: new Date(invite.expiresAt).toISOString() } }, 201);
  });
}
