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
  // Labels are made when a row is drawn: the table is virtual, so only the rows on screen.
  const rows = useMemo<HouseholdRow[]>(() => households.map((h) => ({ key: h.id, household: h })), [households]);
  const columns: ColumnsType<HouseholdRow> = [
    {
      title: t('roster.address'),
      key: 'address',
      width: 170,
      render: (_: unknown, r) => (
        <span className="lx-clip" style={{ maxWidth: 160 }}>
          {labels.household(roster, r.household)}
        </span>
      ),
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
      key: 'member',
      width: 120,
      render: (_: unknown, r) => {
        const name = r.household.memberId ? (roster.members.get(r.household.memberId)?.name ?? null) : null;
        return name ? (
          <span className="lx-clip" style={{ maxWidth: 110 }}>
            {name}
          </span>
        ) : (
          <Tag color="warning">{t('roster.unlinked')}</Tag>
        );
      },
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
