// Members of a community, for pairing a cadre with one: from the community's `summary` document,
// opened while the page that asks is shown (the desk never downloads it).
import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readSummary, type Summary } from '@lianxin/model';
import { snapshotStore } from '../snapshotStore';
import { useRegionClient } from './useRegion';

const readMembers = (doc: Y.Doc): Summary['members'] | null => readSummary(doc).summary?.members ?? null;
const none = { subscribe: () => () => undefined, getSnapshot: () => null };

/** null while the community's summary is not here (not yet synced, or never published). */
export function useCommunityMembers(communityId: string | null): Summary['members'] | null {
  const { session } = useRegionClient();
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  useEffect(() => {
    if (!communityId) return;
    const handle = session.openCommunityDoc(communityId, 'summary');
    setDoc(handle?.doc ?? null);
    return () => {
      setDoc(null);
      handle?.release();
    };
  }, [session, communityId]);
  const store = doc ? snapshotStore(doc, readMembers) : none;
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
