import type { CommunityId, TokenRole } from '@lianxin/protocol';
import type { InviteRecord, Store } from '../store/Store';
import { hashCode, newCode } from './ids';

export interface CreateInviteInput {
  readonly community: CommunityId;
  readonly role: TokenRole;
  readonly name?: string | null;
  readonly person?: string | null;
  /** token id of the secretary creating it */
  readonly createdBy: string;
  readonly ttlDays: number;
}

/** Creates a one-time invite; the returned code is shown once and stored only as a hash. */
export async function createInvite(store: Store, input: CreateInviteInput, now = Date.now()): Promise<{ code: string; expiresAt: number }> {
  const code = newCode();
  const expiresAt = now + input.ttlDays * 86_400_000;
  await store.createInvite({
    codeHash: hashCode(code),
    community: input.community,
    role: input.role,
    name: input.name ?? null,
    person: input.person ?? null,
    createdBy: input.createdBy,
    createdAt: now,
    expiresAt,
    usedAt: null,
  });
  return { code, expiresAt };
}

/** Redeems an invite code once. */
export function redeemInvite(
  store: Store,
  code: string,
  now = Date.now(),
): Promise<{ ok: true; invite: InviteRecord } | { ok: false; reason: 'unknown' | 'used' | 'expired' }> {
  return store.redeemInvite(hashCode(code), now);
}
