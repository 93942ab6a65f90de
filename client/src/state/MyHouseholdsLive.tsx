// The live side of "my households" (useMyHouseholdsView.ts): mounted once the roster and work
// documents are loaded. Its own chunk, with the model's reads: the page draws its kept rows
// without loading them.
import { useContext, useEffect, useLayoutEffect, useMemo } from 'react';
import type { RosterView } from '@lianxin/model';
import { chooseMemberId } from './myMember';
import { householdsWorkRead, myRosterRead } from './myHouseholdsReads';
import { myHouseholdsKey } from './myHouseholdsKey';
import type { MyHouseholdsView } from './myHouseholdsView';
import { rosterIndex } from './rosterIndex';
import { SessionContext } from './SessionContext';
import { useDocView } from './useDocView';
import { useLanguage } from './useLanguage';
import { myHouseholdRows, type MyHousehold } from './useMyHouseholds';
import { useChosenId, type MemberChoice, type MyHouseholdsLiveState } from './useMyHouseholdsView';
import { usePlaceLabels, type PlaceLabels } from './usePlaceLabels';
import { useToday } from './useToday';

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

/**
 * Mounted once the roster and work are loaded: computes the live view, hands it to the page in
 * the same commit (a layout effect: the kept rows are never painted after the live ones), and
 * keeps the projection up to date beside the work document when the page is idle. It reads only
 * this member's households and their visits (myHouseholdsReads.ts): the first live read and
 * every one after a change cost her ten households, not the community's 3,600.
 */
export default function MyHouseholdsLive({ onView }: { onView: (live: MyHouseholdsLiveState) => void }): null {
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
