// Two taps: open the menu, pick the kind. Recorded for today, offline or not.
import { Button, Dropdown } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LABELS, VisitKind, type HouseholdId, type MemberId, type MustVisit } from '@lianxin/model';
import { useText } from '../../state/useText';
import { useToday } from '../../state/useToday';
import { useWorkActions } from '../../state/useWorkActions';

export function VisitButton({ memberId, householdId, open }: { memberId: MemberId; householdId: HouseholdId; open: readonly MustVisit[] }) {
  const { t } = useTranslation();
  const text = useText();
  const today = useToday();
  const actions = useWorkActions();
  const first = new Set(open.map((m) => m.reason));
  const kinds = [...Object.values(VisitKind)].sort((a, b) => Number(first.has(b as never)) - Number(first.has(a as never)));
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: kinds.map((kind) => ({
          key: kind,
          label: <span data-testid={`visit-kind-${kind}`}>{text(LABELS.visitKind[kind])}</span>,
          onClick: () => actions.recordVisit({ memberId, householdId, date: today, kind }),
        })),
      }}
    >
      <Button type="primary" icon={<CheckCircleOutlined />} data-testid="visit-button" aria-haspopup="menu">
        {t('work.recordVisit')}
      </Button>
    </Dropdown>
  );
}
