// Records one visit picked on the "my households" page, once the roster and work documents are
// in, then reports back. Its own chunk (the model's commands and the member's narrow read): the
// page's buttons are drawn, and a kind is picked, before it loads.
import { useContext, useEffect } from 'react';
import type { HouseholdId, MemberId, VisitKind } from '@lianxin/model';
import { myRosterRead } from '../../state/myHouseholdsReads';
import { SessionContext } from '../../state/SessionContext';
import { useChosenId } from '../../state/useMyHouseholdsView';
import { useSession } from '../../state/useSession';
import { useWorkActions } from '../../state/useWorkActions';

export interface VisitInput {
  readonly memberId: MemberId;
  readonly householdId: HouseholdId;
  readonly date: string;
  readonly kind: VisitKind;
}

export default function RecordVisit({ input, onDone }: { input: VisitInput; onDone: () => void }): null {
  const session = useContext(SessionContext);
  const { account } = useSession();
  const chosenId = useChosenId(account.communityId);
  // Commands check against the page's narrow read (every member, her households): a tap reads ten households.
  const actions = useWorkActions(myRosterRead(chosenId, account.name));
  useEffect(() => {
    if (!session) return;
    let live = true;
    void Promise.all([session.whenDocLoaded('roster'), session.whenDocLoaded('work')]).then(() => {
      if (!live) return;
      live = false;
      actions.recordVisit(input);
      onDone();
    });
    return () => {
      live = false;
    };
  }, [session, input, actions, onDone]);
  return null;
}
