// The households of the selected place, searchable; virtual so 3,600 rows stay fast.
import { useMemo, type HTMLAttributes } from 'react';
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { LABELS, type Household, type RosterView } from '@lianxin/model';
import { usePlaceLabels } from '../../state/usePlaceLabels';
import { useText } from '../../state/useText';

export interface HouseholdRow {
  readonly key: string;
  readonly household: Household;
  readonly address: string;
  readonly member: string | null;
}

export function HouseholdTable({
  roster,
  households,
  onOpen,
  height,
}: {
  roster: RosterView;
  households: readonly Household[];
  onOpen: (h: Household) => void;
  height: number;
}) {
  const { t } = useTranslation();
  const labels = usePlaceLabels();
  const text = useText();
  const rows = useMemo<HouseholdRow[]>(
    () =>
      households.map((h) => ({
        key: h.id,
        household: h,
        address: labels.household(roster, h),
        member: h.memberId ? (roster.members.get(h.memberId)?.name ?? null) : null,
      })),
    [households, roster, labels],
  );
  const columns: ColumnsType<HouseholdRow> = [
    {
      title: t('roster.address'),
      dataIndex: 'address',
      width: 170,
      render: (v: string) => <span className="lx-clip" style={{ maxWidth: 160 }}>{v}</span>,
    },
    {
      title: t('roster.head'),
      key: 'head',
      width: 110,
      render: (_: unknown, r) => (
        <a
          href={`#household-${r.key}`}
          className="lx-clip"
          style={{ maxWidth: 100 }}
          data-testid="household-open"
          onClick={(e) => {
            e.preventDefault();
            onOpen(r.household);
          }}
        >
          {r.household.head}
        </a>
      ),
    },
    { title: t('roster.phone'), key: 'phone', width: 120, render: (_: unknown, r) => r.household.phone ?? '' },
    { title: t('roster.size'), key: 'size', width: 60, render: (_: unknown, r) => r.household.size },
    {
      title: t('roster.roles'),
      key: 'roles',
      width: 140,
      render: (_: unknown, r) => r.household.roles.map((role) => <Tag key={role}>{text(LABELS.householdRole[role])}</Tag>),
    },
    {
      title: t('roster.linkedMember'),
      dataIndex: 'member',
      width: 120,
      render: (v: string | null) => (v ? <span className="lx-clip" style={{ maxWidth: 110 }}>{v}</span> : <Tag color="warning">{t('roster.unlinked')}</Tag>),
    },
  ];
  return (
    <Table<HouseholdRow>
      data-testid="household-table"
      aria-label={t('roster.households')}
      virtual
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 720, y: height }}
      onRow={(r) => ({ 'data-household-id': r.key }) as HTMLAttributes<HTMLElement>}
    />
  );
}
