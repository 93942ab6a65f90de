import type { RegionRelation, RegionRole, Room } from '@lianxin/protocol';
import type { Store } from '../store/Store';

/**
 * How a region token (its region `scope`) stands to a room: a community's document is `own` when
 * the community lies in the region (a township's community, or one of a county's townships'); a
 * region document is `own` for the region itself, `above` for a township's county, `below` for a
 * county's township. Read from the store on each admission, so moving a community or a township
 * takes effect at the next connection.
 */
export async function regionRelation(store: Store, role: RegionRole, scope: string, room: Room): Promise<RegionRelation> {
  if (room.scope === 'community') {
    const community = await store.getCommunity(room.communityId);
    if (!community?.township) return 'none';
    if (role === 'township') return community.township === scope ? 'own' : 'none';
    const township = await store.getRegion(community.township);
    return township?.parent === scope ? 'own' : 'none';
  }
  if (room.communityId === scope) return 'own';
  const target = await store.getRegion(room.communityId);
  if (!target) return 'none';
  if (role === 'county') return target.parent === scope ? 'below' : 'none';
  const own = await store.getRegion(scope);
  return own?.parent === room.communityId ? 'above' : 'none';
}
