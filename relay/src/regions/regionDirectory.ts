import type { CommunityRecord, RegionRecord, Store } from '../store/Store';

export interface RegionDirectory {
  readonly region: { id: string; name: string; level: string; parent: string | null };
  /** a county's townships (empty for a township) */
  readonly townships: readonly { id: string; name: string }[];
  /** every community in the region, with its township */
  readonly communities: readonly { id: string; name: string; kind: string; township: string | null }[];
}

const region = (r: RegionRecord) => ({ id: r.id, name: r.name, level: r.level, parent: r.parent });
const community = (c: CommunityRecord) => ({ id: c.id, name: c.name, kind: c.kind, township: c.township });

/** What a region's staff need to find their communities: the region, its townships, their communities. */
export async function regionDirectory(store: Store, id: string): Promise<RegionDirectory | null> {
  const own = await store.getRegion(id);
  if (!own) return null;
  if (own.level === 'township') {
    return { region: region(own), townships: [], communities: (await store.listCommunities(own.id)).map(community) };
  }
  const townships = await store.listRegions(own.id);
  const communities = (await Promise.all(townships.map((t) => store.listCommunities(t.id)))).flat().map(community);
  return { region: region(own), townships: townships.map((t) => ({ id: t.id, name: t.name })), communities };
}
