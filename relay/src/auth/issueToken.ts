import type { CommunityId, TokenClaims, TokenRole } from '@lianxin/protocol';
import type { Store } from '../store/Store';
import { newId } from './ids';
import { signToken } from './token';

export interface IssueTokenInput {
  readonly community: CommunityId;
  readonly role: TokenRole;
  readonly name: string;
  /** an existing person (another device); a new person id when absent */
  readonly person?: string | null;
  readonly ttlSeconds: number;
}

export interface IssuedToken {
  readonly token: string;
  readonly tokenId: string;
  readonly claims: TokenClaims;
}

/** Records a new token in the store (so it can be listed and revoked) and signs it. */
export async function issueToken(store: Store, secret: string, input: IssueTokenInput, now = Date.now()): Promise<IssuedToken> {
  const jti = newId();
  const exp = Math.floor(now / 1000) + input.ttlSeconds;
  const claims: TokenClaims = { v: 1, cid: input.community, sub: input.person ?? newId(), name: input.name, role: input.role, exp, jti };
  const token = signToken(claims, secret);
  await store.recordToken({
    id: jti,
    community: input.community,
    person: claims.sub,
    name: input.name,
    role: input.role,
    createdAt: now,
    expiresAt: exp * 1000,
    revokedAt: null,
  });
  return { token, tokenId: jti, claims };
}
