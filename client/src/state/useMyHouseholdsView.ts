// The "my households" page's data: from the live documents once they are loaded, and until
// then from the projection kept beside the work document (myHouseholdsView.ts). The documents
// open only after the kept view is on screen, so their load does not hold up the first rows.
import { useCallback, useContext, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { FixedDoc } from '@lianxin/protocol';
import type { MemberId } from '@lianxin/model';
import { AccountContext } from './AccountContext';
import { afterPaintIdle } from './afterPaintIdle';
import { firstPageDrawn } from './firstPageDrawn';
import { chosenMemberId, subscribeMyMember } from './myMember';
import { myHouseholdsKey } from './myHouseholdsKey';
import { parseMyHouseholdsView, type MyHouseholdsView } from './myHouseholdsView';
import { useDocsLoaded } from './useDocsLoaded';
import { useKeptStart } from './useKeptStart';
import { useLanguage } from './useLanguage';
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

export function useChosenId(communityId: string): string | null {
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
    if (kept === null) {
      // Nothing kept to draw: the page needs its documents, so the session's code loads now.
      firstPageDrawn();
      return open();
    }
    return afterPaintIdle(open);
  }, [opening, loaded, kept]);
  const report = useMemo(() => (next: MyHouseholdsLiveState) => setLive(next), []);
  if (loaded && live) return { source: 'live', view: live.view, loaded, setLive: report, choice: live.choice };
  return { source: kept ? 'kept' : 'loading', view: kept ?? null, loaded, setLive: report, choice: null };
}
