// The "my households" page's data: from the live documents once they are loaded, and until
// then from the projection kept beside the work document (myHouseholdsView.ts). The documents
// open only after the kept view is on screen, so their load does not hold up the first rows.
import { useContext, useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { FixedDoc } from '@lianxin/protocol';
import type { RosterView } from '@lianxin/model';
import { chosenMemberId, subscribeMyMember } from './myMember';
import { myHouseholdsKey, parseMyHouseholdsView, type MyHouseholdsView } from './myHouseholdsView';
import { SessionContext } from './SessionContext';
import { useDocsLoaded } from './useDocsLoaded';
import { useLanguage } from './useLanguage';
import { useMyHouseholds } from './useMyHouseholds';
import { useMyMember } from './useMyMember';
import { usePlaceLabels, type PlaceLabels } from './usePlaceLabels';
import { useRoster } from './useRoster';

export const MY_DOCS: readonly FixedDoc[] = ['roster', 'work'];

/** What the page shows: `view` null with `source` live means no member is known (WhoAmI asks). */
export interface MyHouseholdsState {
  /**
   * `kept`: from the projection (the documents are loading; actions that need them wait);
   * `live`: from the documents; `loading`: neither yet.
   */
  readonly source: 'kept' | 'live' | 'loading';
  readonly view: MyHouseholdsView | null;
  /** whether the roster and work documents are loaded (mount `MyHouseholdsLive` then) */
  readonly loaded: boolean;
  /** what `MyHouseholdsLive` reports */
  readonly setLive: (view: MyHouseholdsView | null) => void;
}

/** Runs `run` after the next frame is painted; returns the cancel. */
function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)));
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** The live rows as the projection keeps them. */
export function projectMyHouseholds(
  mine: NonNullable<ReturnType<typeof useMyHouseholds>>,
  member: { readonly id: string; readonly name: string },
  roster: RosterView,
  labels: PlaceLabels,
  who: { readonly chosenId: string | null; readonly personName: string },
): MyHouseholdsView {
  return {
    memberId: member.id,
    memberName: member.name,
    chosenId: who.chosenId,
    personName: who.personName,
    intervalDays: mine.intervalDays,
    timeZone: roster.settings.timeZone,
    rows: mine.rows.map((r) => ({
      id: r.household.id,
      label: labels.household(roster, r.household),
      head: r.household.head,
      phone: r.household.phone,
      since: r.since,
      lastVisit: r.lastVisit,
      openMustVisits: r.openMustVisits.map((m) => ({ id: m.id, reason: m.reason })),
    })),
  };
}

function useChosenId(communityId: string): string | null {
  return useSyncExternalStore(subscribeMyMember, () => chosenMemberId(communityId));
}

/** The kept projection, once read: undefined while reading, null when none fits this person. */
function useKeptView(wanted: boolean, language: string): MyHouseholdsView | null | undefined {
  const session = useContext(SessionContext);
  const [kept, setKept] = useState<MyHouseholdsView | null | undefined>(undefined);
  const chosenId = useChosenId(session?.account.communityId ?? '');
  useEffect(() => {
    if (!session || !wanted) return;
    let live = true;
    const me = { chosenId, personName: session.account.name };
    session.readView('work', myHouseholdsKey(language)).then(
      (value) => live && setKept(parseMyHouseholdsView(value, me)),
      () => live && setKept(null),
    );
    return () => {
      live = false;
    };
  }, [session, wanted, language, chosenId]);
  return kept;
}

/**
 * The page's state. Reads no document itself until they are loaded (a slice-by-slice load would
 * make every subscriber re-read 3,600 households per slice); `MyHouseholdsLive` does, then.
 */
export function useMyHouseholdsView(): MyHouseholdsState {
  const { language } = useLanguage();
  const [opening, setOpening] = useState(false);
  const loaded = useDocsLoaded(MY_DOCS, { open: opening });
  const kept = useKeptView(!loaded, language);
  const [live, setLive] = useState<{ view: MyHouseholdsView | null } | null>(null);
  // Open the documents once the kept view is painted (at once when there is none): their load
  // is the long work of the open, and the page is usable from the projection meanwhile.
  useLayoutEffect(() => {
    if (opening || loaded || kept === undefined) return;
    if (kept === null) return setOpening(true);
    return afterPaint(() => setOpening(true));
  }, [opening, loaded, kept]);
  const report = useMemo(() => (view: MyHouseholdsView | null) => setLive({ view }), []);
  if (loaded && live) return { source: 'live', view: live.view, loaded, setLive: report };
  return { source: kept ? 'kept' : 'loading', view: kept ?? null, loaded, setLive: report };
}

/**
 * Mounted once the roster and work are loaded: computes the live view, hands it to the page in
 * the same commit (a layout effect: the kept rows are never painted after the live ones), and
 * keeps the projection up to date beside the work document when the page is idle.
 */
export function MyHouseholdsLive({ onView }: { onView: (view: MyHouseholdsView | null) => void }): null {
  const session = useContext(SessionContext);
  const { language } = useLanguage();
  const labels = usePlaceLabels();
  const roster = useRoster()?.view ?? null;
  const me = useMyMember();
  const mine = useMyHouseholds(me.member?.id ?? null);
  const member = me.member;
  const chosenId = useChosenId(session?.account.communityId ?? '');
  const personName = session?.account.name ?? '';
  const view = useMemo(
    () => (mine && member && roster ? projectMyHouseholds(mine, member, roster, labels, { chosenId, personName }) : null),
    // `labels` is a new object each render; its functions change only with the language.
    [mine, member, roster, labels.household, chosenId, personName],
  );
  useLayoutEffect(() => onView(view), [onView, view]);

  const key = myHouseholdsKey(language);
  useEffect(() => {
    if (!session || !view) return;
    const save = () => session.writeView('work', key, view);
    if (typeof requestIdleCallback !== 'function') {
      const id = setTimeout(save, 1_000);
      return () => clearTimeout(id);
    }
    const id = requestIdleCallback(save, { timeout: 5_000 });
    return () => cancelIdleCallback(id);
  }, [session, view, key]);
  return null;
}
