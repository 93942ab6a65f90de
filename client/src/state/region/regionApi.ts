// What a county's (or a township's) administrator creates from the app: townships and
// communities, each answered with an invite for its first staff or its secretary.
import * as z from 'zod/mini';
import { call } from '../relayApi';

const invite = z.object({ code: z.string().check(z.minLength(1)), url: z.string().check(z.minLength(1)), expiresAt: z.nullable(z.string()) });
export type RegionInvite = z.infer<typeof invite>;

const townshipAnswer = z.object({ township: z.object({ id: z.string(), name: z.string(), parent: z.string() }), invite });
const communityAnswer = z.object({ community: z.object({ id: z.string(), name: z.string(), kind: z.string(), township: z.string() }), invite });

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A county adds a township; the invite is for the township's first staff. */
export function addTownship(token: string, input: { id: string; name: string }) {
  return call('/api/region/townships', { method: 'POST', body: JSON.stringify(input), headers: bearer(token) }, townshipAnswer);
}

/** A county adds a community to one of its townships (a township: to itself); the invite is for its secretary. */
export function addCommunity(token: string, input: { id: string; name: string; kind: 'urban' | 'village'; township?: string }) {
  return call('/api/region/communities', { method: 'POST', body: JSON.stringify(input), headers: bearer(token) }, communityAnswer);
}
