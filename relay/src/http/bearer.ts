import type { Context } from 'hono';
import { canManagePeople, type TokenClaims } from '@lianxin/protocol';
import { authenticateToken, type AuthDeps } from '../auth/authenticate';
import { ApiError } from './ApiError';

/** The verified claims of `Authorization: Bearer <token>`, or a 401/403 ApiError. */
export async function requireBearer(c: Context, deps: AuthDeps): Promise<TokenClaims> {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new ApiError(401, 'token-required', 'send Authorization: Bearer <token>');
  const auth = await authenticateToken(match[1], deps);
  if (!auth.ok) throw new ApiError(auth.status, auth.reason, auth.message);
  return auth.claims;
}

/** As requireBearer, and the token must be a secretary's. */
export async function requireSecretary(c: Context, deps: AuthDeps): Promise<TokenClaims> {
  const claims = await requireBearer(c, deps);
  if (!canManagePeople(claims.role)) throw new ApiError(403, 'forbidden', 'only the secretary, or a township or county for its own staff, may do this');
  return claims;
}
