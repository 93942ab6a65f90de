// The open township or county: its account, directory, sync status and today's date.
import { useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { DEFAULT_TIME_ZONE, dayInZone, type IsoDate } from '@lianxin/model';
import type { RegionDirectory } from '@lianxin/sync';
import type { SyncStatus } from '../ClientSession';
import { toStatus } from '../openSession';
import { RegionContext, type RegionClient } from './RegionContext';

export function useRegionClient(): RegionClient {
  const client = useContext(RegionContext);
  if (!client) throw new Error('useRegionClient: outside a RegionProvider');
  return client;
}

/** The region's directory (its communities), as kept on this device; null before the first answer. */
export function useRegionDirectory(): RegionDirectory | null {
  const { session } = useRegionClient();
  return useSyncExternalStore(session.subscribeDocs, session.getDirectory);
}

/** Offline / syncing / all saved, over every document the region session has open (same shape as a community's). */
export function useRegionStatus(): SyncStatus {
  const { session } = useRegionClient();
  const [cache] = useState(() => ({ last: session.getStatus(), mapped: toStatus(session.getStatus()) }));
  const get = () => {
    const now = session.getStatus();
    if (now !== cache.last) {
      cache.last = now;
      cache.mapped = toStatus(now);
    }
    return cache.mapped;
  };
  return useSyncExternalStore(session.subscribe, get);
}

/** Lets the communities' documents load now (every page but the desk, which first shows its kept rows). */
export function useCommunityDocsLoading(now: boolean): void {
  const { session } = useRegionClient();
  useEffect(() => {
    if (now) session.loadCommunityDocs();
  }, [session, now]);
}

/** Today in China's zone (the communities' default), updated when the day changes. */
export function useRegionToday(): IsoDate {
  const [today, setToday] = useState(() => dayInZone(Date.now(), DEFAULT_TIME_ZONE) as IsoDate);
  useEffect(() => {
    const timer = setInterval(() => setToday(dayInZone(Date.now(), DEFAULT_TIME_ZONE) as IsoDate), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}
