// The roster page's first screen (words, grids, the first households as the table shows them),
// kept beside the roster document so a cold open can show it while the document loads. It is a
// picture, never edited: the live page replaces it once the document is loaded.
import { useContext, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../i18n/useTranslation';
import { LABELS, type HouseholdRole, type RosterView } from '@lianxin/model';
import { FIRST_SCREEN_LIMITS as L, FIRST_SCREEN_ROWS, firstScreenKey, parseFirstScreen, type FirstScreen } from './firstScreen';
import { rosterIndex } from './rosterIndex';
import { householdRow, keptRosterKey, projectKeptRoster } from './rosterRows';
import type { PlaceLabels } from './usePlaceLabels';
import { SessionContext } from './SessionContext';
import { useText } from './useText';

/** Where the page's words come from, in the language being kept. */
export interface FirstScreenText {
  readonly t: (key: string, options?: { count: number }) => string;
  readonly role: (role: HouseholdRole) => string;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** What the roster page shows first: no filter, the first households in the table's order. */
export function projectFirstScreen(roster: RosterView, labels: PlaceLabels, words: FirstScreenText): FirstScreen {
  const index = rosterIndex(roster);
  const t = (key: string, options?: { count: number }) => clip(words.t(key, options), L.word);
  return {
    words: {
      appName: t('app.name'),
      title: t('nav.roster'),
      status: t('roster.preview'),
      tree: t('roster.tree'),
      allHouseholds: t('roster.allHouseholds', { count: index.households.length }),
      householdsCount: t('roster.householdsCount', { count: index.households.length }),
      membersCount: t('roster.membersCount', { count: roster.members.size }),
      table: t('roster.households'),
      headers: [t('roster.address'), t('roster.head'), t('roster.phone'), t('roster.size'), t('roster.roles'), t('roster.linkedMember')],
      unlinked: t('roster.unlinked'),
    },
    grids: index.grids.slice(0, L.grids).map((g) => ({ id: clip(g.id, L.id), name: clip(g.name, L.name) })),
    rows: index.households.slice(0, FIRST_SCREEN_ROWS).map((h) => householdRow(roster, h, labels, words.role)),
  };
}

/**
 * The kept first screen, once read (undefined while reading, null when there is none or it is
 * unreadable); `language` null: not wanted, nothing is read.
 */
export function useCachedFirstScreen(language: string | null): FirstScreen | null | undefined {
  const session = useContext(SessionContext);
  const [screen, setScreen] = useState<FirstScreen | null | undefined>(undefined);
  useEffect(() => {
    if (!session || language === null) return;
    let live = true;
    session.readView('roster', firstScreenKey(language)).then(
      // Committed at once: a render left to the scheduler would be overtaken by the document
      // finishing its load, and the kept screen would never show.
      (value) => live && flushSync(() => setScreen(parseFirstScreen(value))),
      () => live && setScreen(null),
    );
    return () => {
      live = false;
    };
  }, [session, language]);
  return screen;
}

/** Keeps the first screen and the rows of the live roster up to date beside the document, when the page is idle. */
export function useKeepFirstScreen(roster: RosterView | null, labels: PlaceLabels, language: string): void {
  const session = useContext(SessionContext);
  const { t } = useTranslation();
  const text = useText();
  useEffect(() => {
    if (!session || !roster) return;
    const words: FirstScreenText = { t: (key, options) => t(key, options ?? {}), role: (r) => text(LABELS.householdRole[r]) };
    const save = () => {
      session.writeView('roster', firstScreenKey(language), projectFirstScreen(roster, labels, words));
      // The live page's starting state (rosterRows.ts), kept in the same idle moment.
      const kept = projectKeptRoster(roster, labels, words.role);
      if (kept) session.writeView('roster', keptRosterKey(language), kept);
    };
    // `labels` is a new object each render; its functions change only with the language.
    if (typeof requestIdleCallback !== 'function') {
      const id = setTimeout(save, 1_000);
      return () => clearTimeout(id);
    }
    const id = requestIdleCallback(save, { timeout: 5_000 });
    return () => cancelIdleCallback(id);
  }, [session, roster, labels.household, language, t, text]);
}
