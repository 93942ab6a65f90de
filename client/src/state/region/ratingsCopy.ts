// On a township's device: keeps each community's copy of the township's 支部争五星 ratings (in its
// `escalations`, which the community's members and public page read) equal to the region document.
import { copyRatings, readRegion } from '@lianxin/model';
import type { RegionSession } from '@lianxin/sync';

/** Copies every community's ratings once; returns how many entries it wrote or removed. */
export function copyRegionRatings(session: RegionSession): number {
  const directory = session.getDirectory();
  if (!directory || directory.region.level !== 'township' || session.role !== 'township') return 0;
  const region = readRegion(session.region).view;
  let written = 0;
  for (const c of directory.communities) {
    const doc = session.communityDoc(c.id, 'escalations');
    if (doc && session.isCommunityDocLoaded(c.id, 'escalations')) written += copyRatings(doc, region, c.id, directory.region.name);
  }
  return written;
}

/**
 * Runs the copy once the session has synced (so the region document is the relay's, not an old
 * copy of this device's), then after each change of the region document or of the open
 * documents, at an idle moment. Returns the stop.
 */
export function keepRatingsCopied(session: RegionSession, delayMs = 1000): () => void {
  if (session.role !== 'township') return () => undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let started = false;
  let stopped = false;
  const run = () => {
    if (stopped || !started) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const g = globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number };
      const go = () => void (!stopped && copyRegionRatings(session));
      if (g.requestIdleCallback) g.requestIdleCallback(go, { timeout: 2000 });
      else go();
    }, delayMs);
  };
  const onStatus = () => {
    if (started || session.getStatus().type !== 'synced') return;
    started = true;
    run();
  };
  const unsubscribeStatus = session.subscribe(onStatus);
  const unsubscribeDocs = session.subscribeDocs(run);
  const onRegion = () => run();
  session.region.on('update', onRegion);
  onStatus();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    unsubscribeStatus();
    unsubscribeDocs();
    session.region.off('update', onRegion);
  };
}
