// Two taps: open the menu, pick the kind. Recorded for today, offline or not. Opened from the
// kept projection, before the work document is loaded, the menu opens at once; a kind picked
// then is recorded as soon as the documents are in (the button spins meanwhile): nothing is lost.
import { useContext, useEffect, useState } from 'react';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LABELS, VisitKind, type HouseholdId, type MemberId, type MustVisitReason } from '@lianxin/model';
import { SessionContext } from '../../state/SessionContext';
import { useText } from '../../state/useText';
import { useWorkActions } from '../../state/useWorkActions';
import type { RosterReader } from '../../state/useCommandRunner';
import { MenuButton } from '../../ui/MenuButton';

type VisitInput = { memberId: MemberId; householdId: HouseholdId; date: string; kind: VisitKind };

export function VisitButton({
  memberId,
  householdId,
  first,
  today,
  ready,
  readRoster,
}: {
  memberId: MemberId;
  householdId: HouseholdId;
  /** kinds listed first (the household's open must-visits) */
  first: readonly MustVisitReason[];
  today: string;
  /** whether the roster and work documents are loaded */
  ready: boolean;
  /** what the command checks against (the page's narrow read: her households, every member) */
  readRoster?: RosterReader;
}) {
  const { t } = useTranslation();
  const text = useText();
  const session = useContext(SessionContext);
  const actions = useWorkActions(readRoster);
  // A kind picked before the documents (or the session) are in: recorded once they are.
  const [pending, setPending] = useState<VisitInput | null>(null);
  const firstKinds = new Set<string>(first);
  const kinds = [...Object.values(VisitKind)].sort((a, b) => Number(firstKinds.has(b)) - Number(firstKinds.has(a)));
  const record = (kind: VisitKind) => {
    const input = { memberId, householdId, date: today, kind };
    if (ready && session) return void actions.recordVisit(input);
    setPending(input);
  };
  useEffect(() => {
    if (!pending || !session) return;
    let live = true;
    void Promise.all([session.whenDocLoaded('roster'), session.whenDocLoaded('work')]).then(() => {
      if (!live) return;
      actions.recordVisit(pending);
      setPending(null);
    });
    return () => {
      live = false;
    };
  }, [pending, session, actions]);
  const waiting = pending !== null;
  return (
    <MenuButton
      menuProps={{ 'data-testid': 'visit-form', 'aria-label': t('work.recordVisit') }}
      choices={kinds.map((kind) => ({ key: kind, label: text(LABELS.visitKind[kind]), testId: `visit-kind-${kind}`, onSelect: () => record(kind) }))}
      button={{ kind: 'primary', icon: <CheckCircleOutlined />, loading: waiting, disabled: waiting, 'data-testid': 'visit-button', children: t('work.recordVisit') }}
    />
  );
}
