// The "my households" page's data: from the live documents once they are loaded, and until
// then from the projection kept beside the work document (myHouseholdsView.ts). The documents
// open only after the kept view is on screen, so their load does not hold up the first rows.
import { useCallback, useContext, useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { FixedDoc } from '@lianxin/protocol';
import type { MemberId, RosterView } from '@lianxin/model';
import { AccountContext } from './AccountContext';
import { afterPaintIdle } from './afterPaintIdle';
import { chooseMemberId, chosenMemberId, subscribeMyMember } from './myMember';
import { householdsWorkRead, myRosterRead } from './myHouseholdsReads';
import { myHouseholdsKey, parseMyHouseholdsView, type MyHouseholdsView } from './myHouseholdsView';
import { rosterIndex } from './rosterIndex';
import { SessionContext } from './SessionContext';
import { useDocsLoaded } from './useDocsLoaded';
import { useDocView } from './useDocView';
import { useKeptStart } from './useKeptStart';
import { useLanguage } from './useLanguage';
import { myHouseholdRows, type MyHousehold } from './useMyHouseholds';
import { usePlaceLabels, type PlaceLabels } from './usePlaceLabels';
import { useToday } from './useToday';
import { markOnce } from './usableMark';

export const MY_DOCS: readonly FixedDoc[] = ['roster', 'work'];

/** Who the person may say they are (the roster's members, by name), and how to say it. */
export interface MemberChoice {
  readonly members: readonly { readonly id: string; readonly name: string }[];
  readonly chosen: string | null;
  choose(id: MemberId | null): void;
}

/** What the page shows: `view` null with `source` live means no member is known (the page asks). */
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
  readonly setLive: (live: MyHouseholdsLiveState) => void;
  /** once live: the members to choose from */
  readonly choice: MemberChoice | null;
}

/** What `MyHouseholdsLive` computes from the documents. */
export interface MyHouseholdsLiveState {
  readonly view: MyHouseholdsView | null;
  readonly choice: MemberChoice;
}

/** The live rows as the projection keeps them. */
export function projectMyHouseholds(
  mine: { readonly rows: readonly MyHousehold[]; readonly intervalDays: number },
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

function keptView(value: unknown, chosenId: string | null, personName: string): MyHouseholdsView | null {
  markOnce('lianxin:kept:my');
  return parseMyHouseholdsView(value, { chosenId, personName });
}

/** The kept projection, once read: undefined while reading, null when none fits this person. */
function useKeptView(wanted: boolean, language: string): MyHouseholdsView | null | undefined {
  const account = useContext(AccountContext);
  const chosenId = useChosenId(account?.communityId ?? '');
  const personName = account?.name ?? '';
  const parse = useCallback((value: unknown) => keptView(value, chosenId, personName), [chosenId, personName]);
  return useKeptStart('work', myHouseholdsKey(language), wanted, parse);
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
  const [live, setLive] = useState<MyHouseholdsLiveState | null>(null);
  // Open the documents once the kept view is painted and the page is idle (at once when there is
  // none): their load is the long work of the open, and the page is usable from the projection
  // meanwhile — a first tap on it is handled before the load starts.
  useLayoutEffect(() => {
    if (opening || loaded || kept === undefined) return;
    const open = () => {
      markOnce('lianxin:open:my');
      setOpening(true);
    };
    if (kept === null) return open();
    return afterPaintIdle(open);
  }, [opening, loaded, kept]);
  const report = useMemo(() => (next: MyHouseholdsLiveState) => setLive(next), []);
  if (loaded && live) return { source: 'live', view: live.view, loaded, setLive: report, choice: live.choice };
  return { source: kept ? 'kept' : 'loading', view: kept ?? null, loaded, setLive: report, choice: null };
}

/**
 * Mounted once the roster and work are loaded: computes the live view, hands it to the page in
 * the same commit (a layout effect: the kept rows are never painted after the live ones), and
 * keeps the projection up to date beside the work document when the page is idle. It reads only
 * this member's households and their visits (myHouseholdsReads.ts): the first live read and
 * every one after a change cost her ten households, not the community's 3,600.
 */
export function MyHouseholdsLive({ onView }: { onView: (live: MyHouseholdsLiveState) => void }): null {
  const session = useContext(SessionContext);
  const { language } = useLanguage();
  const labels = usePlaceLabels();
  const communityId = session?.account.communityId ?? '';
  const chosenId = useChosenId(communityId);
  const personName = session?.account.name ?? '';
  const rosterRead = useDocView('roster', myRosterRead(chosenId, personName));
  const roster = rosterRead?.view ?? null;
  const memberId = rosterRead?.memberId ?? null;
  const householdIds = useMemo(() => (roster ? [...roster.households.keys()] : []), [roster]);
  const work = useDocView('work', householdsWorkRead(householdIds))?.view ?? null;
  const today = useToday();
  const mine = useMemo(() => (roster && work && memberId ? myHouseholdRows(roster, work, memberId, today) : null), [roster, work, memberId, today]);
  const member = memberId && roster ? (roster.members.get(memberId) ?? null) : null;
  const view = useMemo(
    () => (mine && member && roster ? projectMyHouseholds(mine, member, roster, labels, { chosenId, personName }) : null),
    // `labels` is a new object each render; its functions change only with the language.
    [mine, member, roster, labels.household, chosenId, personName],
  );
  const choice = useMemo<MemberChoice>(
    () => ({
      members: roster ? rosterIndex(roster).members.map((m) => ({ id: m.id, name: m.name })) : [],
      chosen: memberId,
      choose: (id) => chooseMemberId(communityId, id),
    }),
    [roster, memberId, communityId],
  );
  useLayoutEffect(() => onView({ view, choice }), [onView, view, choice]);

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
