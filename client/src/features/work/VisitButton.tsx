// Two taps: open the menu, pick the kind. Recorded for today, offline or not. Opened from the
// kept projection, before the work document is loaded, the menu opens at once; a kind picked
// then is recorded as soon as the documents are in (the button spins meanwhile): nothing is lost.
import { useContext, useState } from 'react';
import { Button, Dropdown } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LABELS, VisitKind, type HouseholdId, type MemberId, type MustVisitReason } from '@lianxin/model';
import { SessionContext } from '../../state/SessionContext';
import { useText } from '../../state/useText';
import { useWorkActions } from '../../state/useWorkActions';

export function VisitButton({
  memberId,
  householdId,
  first,
  today,
  ready,
}: {
  memberId: MemberId;
  householdId: HouseholdId;
  /** kinds listed first (the household's open must-visits) */
  first: readonly MustVisitReason[];
  today: string;
  /** whether the roster and work documents are loaded */
  ready: boolean;
}) {
  const { t } = useTranslation();
  const text = useText();
  const session = useContext(SessionContext);
  const actions = useWorkActions();
  const [waiting, setWaiting] = useState(false);
  const firstKinds = new Set<string>(first);
  const kinds = [...Object.values(VisitKind)].sort((a, b) => Number(firstKinds.has(b)) - Number(firstKinds.has(a)));
  const record = (kind: VisitKind) => {
    const input = { memberId, householdId, date: today, kind };
    if (ready || !session) return void actions.recordVisit(input);
    setWaiting(true);
    void Promise.all([session.whenDocLoaded('roster'), session.whenDocLoaded('work')]).then(() => {
      actions.recordVisit(input);
      setWaiting(false);
    });
  };
  return (
    <Dropdown
      trigger={['click']}
      disabled={waiting}
      popupRender={(menu) => <div data-testid="visit-form">{menu}</div>}
      menu={{
        items: kinds.map((kind) => ({
          key: kind,
          label: <span data-testid={`visit-kind-${kind}`}>{text(LABELS.visitKind[kind])}</span>,
          onClick: () => record(kind),
        })),
      }}
    >
      <Button type="primary" icon={<CheckCircleOutlined />} loading={waiting} data-testid="visit-button" aria-haspopup="menu">
        {t('work.recordVisit')}
      </Button>
    </Dropdown>
  );
}
