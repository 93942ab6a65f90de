// The roster page's first screen (counts, grids, the first households as the table shows them),
// kept beside the roster document so a cold open can show it while the document loads. It is a
// picture, never edited: the live page replaces it once the document is loaded.
import { useContext, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { z } from 'zod';
import type { RosterView } from '@lianxin/model';
import { rosterIndex } from './rosterIndex';
import type { PlaceLabels } from './usePlaceLabels';
import { SessionContext } from './SessionContext';

/** Rows kept: more than a phone or a laptop shows before scrolling. */
export const FIRST_SCREEN_ROWS = 30;

export const FirstScreenSchema = z.object({
  households: z.number().int().nonnegative(),
  members: z.number().int().nonnegative(),
  grids: z.array(z.object({ id: z.string(), name: z.string().max(200) })).max(500),
  rows: z
    .array(
      z.object({
        id: z.string(),
        address: z.string().max(200),
        head: z.string().max(200),
        phone: z.string().max(40).nullable(),
        size: z.number().int().nonnegative(),
        roles: z.array(z.string().max(40)).max(10),
        member: z.string().max(200).nullable(),
      }),
    )
    .max(FIRST_SCREEN_ROWS),
});
export type FirstScreen = z.infer<typeof FirstScreenSchema>;

/** Stored per language (the addresses are labelled) and per format. */
export const firstScreenKey = (language: string) => `roster-first-screen-v1-${language.replace(/[^\w-]/g, '')}`;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** What the roster page shows first: no filter, the first households in the table's order. */
export function projectFirstScreen(roster: RosterView, labels: PlaceLabels): FirstScreen {
  const index = rosterIndex(roster);
  return {
    households: index.households.length,
    members: roster.members.size,
    grids: index.grids.map((g) => ({ id: g.id, name: clip(g.name, 200) })),
    rows: index.households.slice(0, FIRST_SCREEN_ROWS).map((h) => ({
      id: h.id,
      address: clip(labels.household(roster, h), 200),
      head: clip(h.head, 200),
      phone: h.phone === null ? null : clip(h.phone, 40),
      size: h.size,
      roles: [...h.roles],
      member: h.memberId ? clip(roster.members.get(h.memberId)?.name ?? '', 200) || null : null,
    })),
  };
}

/** The kept first screen, once read (undefined while reading, null when there is none or it is unreadable). */
export function useCachedFirstScreen(language: string): FirstScreen | null | undefined {
  const session = useContext(SessionContext);
  const [screen, setScreen] = useState<FirstScreen | null | undefined>(undefined);
  useEffect(() => {
    if (!session) return;
    let live = true;
    session.readView('roster', firstScreenKey(language)).then(
      (value) => {
        const parsed = FirstScreenSchema.safeParse(value);
        // Committed at once: a render left to the scheduler would be overtaken by the document
        // finishing its load, and the kept screen would never show.
        if (live) flushSync(() => setScreen(parsed.success ? parsed.data : null));
      },
      () => live && setScreen(null),
    );
    return () => {
      live = false;
    };
  }, [session, language]);
  return screen;
}

/** Keeps the first screen of the live roster up to date beside the document, when the page is idle. */
export function useKeepFirstScreen(roster: RosterView | null, labels: PlaceLabels, language: string): void {
  const session = useContext(SessionContext);
  useEffect(() => {
    if (!session || !roster) return;
    const save = () => session.writeView('roster', firstScreenKey(language), projectFirstScreen(roster, labels));
    // `labels` is a new object each render; its functions change only with the language.
    if (typeof requestIdleCallback !== 'function') {
      const id = setTimeout(save, 1_000);
      return () => clearTimeout(id);
    }
    const id = requestIdleCallback(save, { timeout: 5_000 });
    return () => cancelIdleCallback(id);
  }, [session, roster, labels.household, language]);
}
