import { accessFor, isRegionRole, parseRoom, regionAccess, type Access, type Room, type TokenClaims } from '@lianxin/protocol';
import { regionRelation } from '../regions/regionRelation';
import type { Store, TokenRecord } from '../store/Store';
import { ANONYMOUS, type Identity } from '../rooms/Identity';
import { TokenProblem, verifyToken } from './token';

/** Why a request or an upgrade was refused; also the `reason` label of the rejection metric. */
export const Rejection = {
  malformedToken: 'malformed-token',
  badSignature: 'bad-signature',
  badClaims: 'bad-claims',
  expired: 'expired',
  unknownToken: 'unknown-token',
  revoked: 'revoked',
  wrongCommunity: 'wrong-community',
  unknownCommunity: 'unknown-community',
  outsideRegion: 'outside-region',
  unknownRoom: 'unknown-room',
  tokenRequired: 'token-required',
  forbidden: 'forbidden',
} as const;
export type Rejection = (typeof Rejection)[keyof typeof Rejection];

export interface Refused {
  readonly ok: false;
  readonly status: 401 | 403 | 404;
  readonly reason: Rejection;
  readonly message: string;
}

export interface AuthDeps {
  readonly store: Store;
  readonly secret: string;
  /** ms since epoch */
  readonly now: () => number;
}

const TOKEN_PROBLEMS: Record<TokenProblem, Rejection> = {
  [TokenProblem.malformed]: Rejection.malformedToken,
  [TokenProblem.badSignature]: Rejection.badSignature,
  [TokenProblem.badClaims]: Rejection.badClaims,
  [TokenProblem.expired]: Rejection.expired,
};

/** Verifies a token and checks the store: issued here, not revoked. */
export async function authenticateToken(token: string, deps: AuthDeps): Promise<{ ok: true; claims: TokenClaims; record: TokenRecord } | Refused> {
  const verified = verifyToken(token, deps.secret, Math.floor(deps.now() / 1000));
  if (!verified.ok) return { ok: false, status: 401, reason: TOKEN_PROBLEMS[verified.problem], message: verified.detail };
  const record = await deps.store.getToken(verified.claims.jti);
  if (!record) return { ok: false, status: 401, reason: Rejection.unknownToken, message: 'token was not issued by this relay' };
  if (record.revokedAt !== null) return { ok: false, status: 403, reason: Rejection.revoked, message: 'token revoked' };
  return { ok: true, claims: verified.claims, record };
}

export type RoomAdmission =
  | { readonly ok: true; readonly room: Room; readonly identity: Identity; readonly access: Exclude<Access, 'none'> }
  /** Not a room at all: accept the socket and close it with 4404, so a client learns why. */
  | { readonly ok: false; readonly status: 404; readonly reason: typeof Rejection.unknownRoom; readonly message: string; readonly closeCode: true }
  | Refused;

/**
 * Decides an upgrade to `/sync/<room>`: the room must exist and the token (or its absence) must
 * allow reading it. PROTOCOL.md: no token opens only `public`, read-only.
 */
export async function admitToRoom(roomName: string, token: string | null, deps: AuthDeps): Promise<RoomAdmission> {
  const room = parseRoom(roomName);
  if (!room) return { ok: false, status: 404, reason: Rejection.unknownRoom, message: 'not a room name', closeCode: true };
  if (!(await ownerExists(room, deps.store))) return unknownOwner(room);
  if (token === null || token === '') {
    const access = accessFor('public', room.kind);
    if (access === 'none') return { ok: false, status: 401, reason: Rejection.tokenRequired, message: 'this document needs a token' };
    return { ok: true, room, identity: ANONYMOUS, access };
  }
  const auth = await authenticateToken(token, deps);
  if (!auth.ok) return auth;
  const { claims } = auth;
  const granted = await tableAccess(claims, room, deps.store);
  if (!granted.ok) return granted;
  return {
    ok: true,
    room,
    identity: { role: claims.role, person: claims.sub, name: claims.name, tokenId: claims.jti, expiresAt: claims.exp },
    access: granted.access,
  };
}

const ownerExists = async (room: Room, store: Store): Promise<boolean> =>
  (room.scope === 'community' ? await store.getCommunity(room.communityId) : await store.getRegion(room.communityId)) !== null;

const unknownOwner = (room: Room): Refused => ({ ok: false, status: 404, reason: Rejection.unknownCommunity, message: room.scope === 'community' ? 'unknown community' : 'unknown region' });

/**
 * What verified claims may do with a room: the permission table's cell, for a region role only
 * inside its region. The one decision behind a socket's admission and the batched summaries
 * endpoint alike. The room's owner must exist.
 */
export async function roomAccess(claims: TokenClaims, room: Room, store: Store): Promise<{ ok: true; access: Exclude<Access, 'none'> } | Refused> {
  if (!(await ownerExists(room, store))) return unknownOwner(room);
  return tableAccess(claims, room, store);
}

async function tableAccess(claims: TokenClaims, room: Room, store: Store): Promise<{ ok: true; access: Exclude<Access, 'none'> } | Refused> {
  let access: Access;
  if (isRegionRole(claims.role)) {
    // A township's or county's staff: what the table allows, only inside its own region.
    const relation = await regionRelation(store, claims.role, claims.cid, room);
    if (relation === 'none') return { ok: false, status: 403, reason: Rejection.outsideRegion, message: `outside this ${claims.role}'s region` };
    access = regionAccess(claims.role, room.kind, relation);
  } else {
    if (claims.cid !== room.communityId) return { ok: false, status: 403, reason: Rejection.wrongCommunity, message: 'token is for another community' };
    access = accessFor(claims.role, room.kind);
  }
  if (access === 'none') return { ok: false, status: 403, reason: Rejection.forbidden, message: `a ${claims.role} may not open ${room.kind}` };
  return { ok: true, access };
}
