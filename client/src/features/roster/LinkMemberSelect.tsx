// Picks the member who serves a household, the model's suggestions first (就近、就亲、就熟).
import { Select, Tag } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import type { HouseholdId, RosterView } from '@lianxin/model';
import { useLinkSuggestions } from '../../state/useLinkSuggestions';
import { useText } from '../../state/useText';

export function LinkMemberSelect({
  id,
  roster,
  householdId,
  value,
  onChange,
}: {
  /** From Form.Item, so its label names the picker. */
  id?: string;
  roster: RosterView;
  householdId: HouseholdId | null;
  value?: string | null;
  onChange?: (value: string | null) => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const options = useLinkSuggestions(roster, householdId);
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ optionFilterProp: 'search' }}
      value={value ?? null}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      placeholder={t('roster.chooseMember')}
      data-testid="link-member-select"
      options={options.map((o) => ({
        value: o.memberId,
        search: o.name,
        label: (
          <span>
            <span className="lx-clip" style={{ maxWidth: 140 }}>
              {o.name}
            </span>{' '}
            <Tag color={o.load >= o.capacity ? 'warning' : 'default'} data-testid="link-load">{t('roster.load', { load: o.load, capacity: o.capacity })}</Tag>
            {o.reasons.map((r, i) => (
              <Tag key={i} color="green">
                {text(r)}
              </Tag>
            ))}
            {o.warning ? <Tag color="warning">{text(o.warning)}</Tag> : null}
          </span>
        ),
      }))}
    />
  );
}
