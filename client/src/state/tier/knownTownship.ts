// Which township holds this community, as the relay last said (kept on the device, so the link
// with the township keeps running offline), refreshed from the relay each time it is asked.
import { fetchCommunityTownship, type CommunityTownship } from '../relayApi';

const key = (communityId: string) => `lianxin.township.${communityId}`;

function kept(communityId: string): CommunityTownship | null | undefined {
  try {
    const raw = localStorage.getItem(key(communityId));
    if (raw === null) return undefined;
    const value = JSON.parse(raw) as unknown;
    if (value === null) return null;
    const t = value as { id?: unknown; name?: unknown };
    return typeof t.id === 'string' && typeof t.name === 'string' ? { id: t.id, name: t.name } : undefined;
  } catch {
    return undefined;
  }
}

/** The township (or null for none): the relay's answer, else what this device kept; undefined when neither is known. */
export async function knownTownship(communityId: string): Promise<CommunityTownship | null | undefined> {
  try {
    const township = await fetchCommunityTownship(communityId);
    try {
      localStorage.setItem(key(communityId), JSON.stringify(township));
    } catch {
      // Storage full or blocked: asked again next time.
    }
    return township;
  } catch {
    return kept(communityId);
  }
}
