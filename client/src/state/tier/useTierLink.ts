import { useContext, useEffect } from 'react';
import { canWrite } from '@lianxin/protocol';
import { SessionContext } from '../SessionContext';
import { onceSynced } from '../onceSynced';
import { knownTownship } from './knownTownship';
import type { TierLink } from './tierLink';

function idle(): Promise<void> {
  const g = globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number };
  return new Promise((resolve) => (g.requestIdleCallback ? g.requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 0)));
}

/**
 * On a committee device of a community in a township: keeps the link with the township current
 * (`tierLink`). It starts after the page's own documents are in and the session has synced, at an
 * idle moment, and only then opens what it needs (`escalations`, `summary`, and the roster, work
 * and meetings if the page had not): it never delays the page being opened.
 */
export function useTierLink(): void {
  const session = useContext(SessionContext);
  useEffect(() => {
    if (!session?.openTierDoc || !canWrite(session.account.role, 'escalations')) return;
    let live = true;
    let link: TierLink | null = null;
    let unsubscribe: (() => void) | null = null;
    const synced = () =>
      new Promise<void>((resolve) => {
        unsubscribe?.();
        unsubscribe = onceSynced(session, resolve);
      });
    void (async () => {
      await session.whenLoaded;
      const township = await knownTownship(session.account.communityId);
      if (!live || !township) return;
      await synced();
      await idle();
      if (!live) return;
      session.ensureOpen?.(['roster', 'work', 'meetings']);
      const escalations = session.openTierDoc!('escalations');
      const summary = session.openTierDoc!('summary');
      if (!escalations) return;
      await Promise.all([session.whenDocLoaded('roster'), session.whenDocLoaded('work'), session.whenDocLoaded('meetings'), escalations.whenLoaded, summary?.whenLoaded]);
      // What the relay holds of them, before mirroring: not an old copy of this device's.
      await synced();
      const { roster, work, meetings } = session.docs;
      // Its code (the model's summary) loads only here, off the page's critical path.
      const { startTierLink } = await import('./tierLink');
      if (!live || !roster || !work) return;
      link = startTierLink({ docs: { roster, work, meetings, escalations: escalations.doc, summary: summary?.doc ?? null }, actor: session.account.personId, actorName: session.account.name, idle });
    })();
    return () => {
      live = false;
      unsubscribe?.();
      link?.stop();
    };
  }, [session]);
}

/** Mounted once inside a community's session. */
export function TierLinkRunner(): null {
  useTierLink();
  return null;
}
