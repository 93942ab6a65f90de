import * as z from 'zod/mini';
import { isCommunityId } from '@lianxin/protocol';
import type { RelayChoice } from './relayChoice';
import type { FetchFunction } from './tokenProbe';

const zId = z.string().check(z.refine((v) => isCommunityId(v), 'bad id'));

/** `GET /api/region`: the region, its townships (a county's) and every community in it. */
export const RegionDirectorySchema = z.object({
  region: z.object({ id: zId, name: z.string().check(z.minLength(1), z.maxLength(200)), level: z.enum(['county', 'township']), parent: z.nullable(zId) }),
  townships: z.array(z.object({ id: zId, name: z.string().check(z.minLength(1), z.maxLength(200)) })),
  communities: z.array(z.object({ id: zId, name: z.string().check(z.minLength(1), z.maxLength(200)), kind: z.string(), township: z.nullable(zId) })),
});
export type RegionDirectory = z.infer<typeof RegionDirectorySchema>;

/** What asking the relay for the directory gave: the directory, a refusal of the token (HTTP status), or no answer. */
export type DirectoryAnswer = { readonly type: 'ok'; readonly directory: RegionDirectory } | { readonly type: 'refused'; readonly status: number } | { readonly type: 'unknown' };

/** Asks the session's current relay for the token's region directory. Never throws. */
export async function fetchRegionDirectory(relays: RelayChoice, token: string, fetchFn: FetchFunction | undefined = globalThis.fetch?.bind(globalThis)): Promise<DirectoryAnswer> {
  if (!fetchFn) return { type: 'unknown' };
  try {
    const response = await relays.fetchApi('/region', { headers: { authorization: `Bearer ${token}` } }, fetchFn);
    if (response.status === 401 || response.status === 403 || response.status === 404) return { type: 'refused', status: response.status };
    if (!response.ok) return { type: 'unknown' };
    const parsed = RegionDirectorySchema.safeParse(await response.json());
    return parsed.success ? { type: 'ok', directory: parsed.data } : { type: 'unknown' };
  } catch {
    return { type: 'unknown' };
  }
}

/** Same content (the cached directory is replaced, and documents opened or closed, only on a change). */
export function sameDirectory(a: RegionDirectory | null, b: RegionDirectory | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
