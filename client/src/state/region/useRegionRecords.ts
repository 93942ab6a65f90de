// The township's own document: meetings about concerns and cadres' pairings with members.
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { logContact, pairCadre, readRegion, type CommandResult, type RegionView } from '@lianxin/model';
import { recordMeeting, type MeetingInput } from './recordMeeting';
import { snapshotStore } from '../snapshotStore';
import { useSayResult } from './useSayResult';
import { useRegionClient } from './useRegion';

export type { MeetingInput } from './recordMeeting';

export const readView = (doc: Y.Doc): RegionView => readRegion(doc).view;

export function useRegionView(): RegionView {
  const { session } = useRegionClient();
  const store = snapshotStore(session.region, readView);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

export function useRegionActions() {
  const { session, account } = useRegionClient();
  const say = useSayResult();
  const ctx = useCallback(() => ({ actor: account.personId, name: account.name }), [account]);

  /** Records the meeting in the region document and, on each case discussed, a `discussed` action linking to it. */
  const record = useCallback(
    (input: MeetingInput): CommandResult<string> => {
      const result = recordMeeting(session, input, ctx());
      return say(result);
    },
    [session, ctx, say],
  );
  const pair = useCallback(
    (input: { cadre: string; communityId: string; memberId: string; memberName: string; since: string; perMonth?: number }) => say(pairCadre(session.region, input, ctx())),
    [session, ctx, say],
  );
  const contact = useCallback(
    (input: { pairingId: string; date: string; kind: 'visit' | 'call' | 'talk' | 'message'; note?: string }) => say(logContact(session.region, input, ctx())),
    [session, ctx, say],
  );
  return { recordMeeting: record, pair, contact };
}
