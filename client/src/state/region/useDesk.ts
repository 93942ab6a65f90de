// The township's desk: every escalated concern of its communities, and the township's actions on them.
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { actOnCase, readEscalations, type CaseActionInput, type CommandResult, type ConcernId, type EscalationsView } from '@lianxin/model';
import { deskCasesOf, type DeskCase } from './deskCases';
import { communityDocsStore } from './communityDocsStore';
import { useRegionClient } from './useRegion';
import { useSayResult } from './useSayResult';

export type { DeskCase } from './deskCases';

const readView = (doc: Y.Doc): EscalationsView => readEscalations(doc).view;

/** Every escalated case of every community, newest escalation first (resolved and handed-back ones too: the page filters). */
export function useDeskCases(): readonly DeskCase[] {
  const { session } = useRegionClient();
  const store = communityDocsStore(session, 'escalations', readView);
  const parts = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return deskCasesOf(parts);
}

const notOpen: CommandResult<never> = {
  type: 'rejected',
  code: 'wrong-state',
  message: { key: 'errors.notAllowed', params: {}, zh: '这个社区的事项还没有打开。', en: "This community's cases are not open." },
};

/** Runs a township action on a community's case, as the signed-in staff member, and says what happened. */
export function useCaseActions(): (communityId: string, caseId: string, input: CaseActionInput) => CommandResult<string> {
  const { session, account } = useRegionClient();
  const say = useSayResult();
  return useCallback(
    (communityId, caseId, input) => {
      const doc = session.communityDoc(communityId, 'escalations');
      return say(doc ? actOnCase(doc, caseId as ConcernId, input, { actor: account.personId, name: account.name }) : notOpen);
    },
    [session, account, say],
  );
}
