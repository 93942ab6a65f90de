import { peekTokenClaims } from '@lianxin/protocol';
import type { Account } from './Account';
import type { CommunityInfo } from './relayApi';

/** Builds the stored account from what setup/join returned; null if the token is unreadable. */
export function accountFromToken(community: CommunityInfo, token: string, tokenId: string, now = Date.now()): Account | null {
  const claims = peekTokenClaims(token);
  if (!claims || claims.cid !== community.id) return null;
  return {
    communityId: community.id,
    communityName: community.name,
    kind: community.kind,
    token,
    tokenId,
    role: claims.role,
    name: claims.name,
    personId: claims.sub,
    addedAt: now,
  };
}
