// The relay's HTTP API as the client uses it. Responses are external input: validated with zod.
import * as z from 'zod/mini';
import { isCommunityId } from '@lianxin/protocol';

const communitySchema = z.object({
  id: z.string().check(z.refine(isCommunityId, 'bad community id')),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  kind: z.enum(['urban', 'village']),
});
export type CommunityInfo = z.infer<typeof communitySchema>;

const sessionSchema = z.object({
  community: communitySchema,
  token: z.string().check(z.minLength(10)),
  tokenId: z.string().check(z.minLength(1)),
});

const joinSchema = z.extend(sessionSchema, {
  role: z.enum(['secretary', 'committee', 'member']),
  name: z.string(),
  personId: z.optional(z.string()),
});
// A township's or county's invite answers with the region instead of a community.
const regionJoinSchema = z.object({
  region: z.object({ id: z.string().check(z.refine((v) => isCommunityId(v), 'bad region id')), name: z.string().check(z.minLength(1), z.maxLength(200)), level: z.enum(['county', 'township']), parent: z.nullable(z.string()) }),
  token: z.string().check(z.minLength(10)),
  tokenId: z.string().check(z.minLength(1)),
  role: z.enum(['township', 'county']),
  name: z.string(),
  personId: z.optional(z.string()),
});
export type JoinResult = z.infer<typeof joinSchema> | z.infer<typeof regionJoinSchema>;
export type SetupResult = z.infer<typeof sessionSchema>;

const inviteSchema = z.object({ code: z.string().check(z.minLength(1)), url: z.string().check(z.minLength(1)), expiresAt: z.nullable(z.string()) });
export type InviteResult = z.infer<typeof inviteSchema>;

// `GET /api/community/:id`: its township, if any (older relays do not say: none).
const communityInfoSchema = z.extend(communitySchema, {
  township: z.pipe(
    z.nullish(z.object({ id: z.string().check(z.refine((v): v is string => isCommunityId(v), 'bad township id')), name: z.string().check(z.minLength(1), z.maxLength(200)) })),
    z.transform((v) => v ?? null),
  ),
});
export type CommunityTownship = NonNullable<z.infer<typeof communityInfoSchema>['township']>;

/** The township that holds a community, or null (none, or an older relay). */
export async function fetchCommunityTownship(communityId: string): Promise<CommunityTownship | null> {
  return (await call(`/api/community/${encodeURIComponent(communityId)}`, { method: 'GET' }, communityInfoSchema)).township;
}

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** An API failure with the relay's message (shown to the person) and the HTTP status. */
export class RelayApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code = 'network',
  ) {
    super(message);
    this.name = 'RelayApiError';
  }
}

export async function call<T>(path: string, init: RequestInit, schema: z.ZodMiniType<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  } catch {
    throw new RelayApiError('network', 0);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorSchema.safeParse(body);
    const message = parsed.success ? parsed.data.error.message : response.statusText;
    throw new RelayApiError(message, response.status, parsed.success ? parsed.data.error.code : 'http-error');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new RelayApiError('bad response', response.status);
  return parsed.data;
}

export interface SetupInput {
  code: string;
  community: { id: string; name: string; kind: 'urban' | 'village' };
  secretary: { name: string };
}

export function setupCommunity(input: SetupInput): Promise<SetupResult> {
  return call('/api/setup', { method: 'POST', body: JSON.stringify(input) }, sessionSchema);
}

export function joinCommunity(code: string, name: string): Promise<JoinResult> {
  return call('/api/join', { method: 'POST', body: JSON.stringify({ code, name }) }, z.union([joinSchema, regionJoinSchema]));
}

export interface InviteInput {
  role: 'secretary' | 'committee' | 'member';
  name?: string;
  /** another device of a person already in the community */
  personId?: string;
  ttlDays?: number;
}

export function createInvite(token: string, input: InviteInput): Promise<InviteResult> {
  return call('/api/invites', { method: 'POST', body: JSON.stringify(input), headers: { authorization: `Bearer ${token}` } }, inviteSchema);
}

export function revokeToken(token: string, tokenId: string): Promise<unknown> {
  return call('/api/revoke', { method: 'POST', body: JSON.stringify({ tokenId }), headers: { authorization: `Bearer ${token}` } }, z.unknown());
}

const tokensSchema = z.object({
  tokens: z.array(
    z.object({
      tokenId: z.string(),
      personId: z.string(),
      name: z.string(),
      role: z.enum(['secretary', 'committee', 'member']),
      createdAt: z.nullable(z.string()),
      expiresAt: z.nullable(z.string()),
      revokedAt: z.nullable(z.string()),
    }),
  ),
});
export type TokenListing = z.infer<typeof tokensSchema>['tokens'][number];

/** Everyone who holds a token of the community (secretary only). */
export async function listTokens(token: string): Promise<TokenListing[]> {
  return (await call('/api/tokens', { method: 'GET', headers: { authorization: `Bearer ${token}` } }, tokensSchema)).tokens;
}
