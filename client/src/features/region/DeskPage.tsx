// The township's desk: every concern its communities escalated, filtered by community, category
// and age; overdue assignments flagged (督办); a case opens in a drawer. On a warm open the rows
// kept on this device are listed (filters working) while the documents load.
import { lazy, memo, Suspense, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Alert, Empty, Select, Space, Spin, Tag, Typography } from 'antd';
import { daysWaiting, isOnDesk, isOverdue } from '@lianxin/model';
import type { DeskListRow } from '../../state/region/deskRows';
import { useDeskRows } from '../../state/region/useDeskRows';
import { useRegionDirectory, useRegionToday } from '../../state/region/useRegion';

// The drawer (forms, timeline) loads when a case is first opened: not on the inbox's first screen.
const CaseDrawer = lazy(() => import('./CaseDrawer').then((m) => ({ default: m.CaseDrawer })));
import { PlainItem, PlainList } from '../../shell/PlainList';
import { Button as LightButton } from '../../ui/Button';
import { Tag as LightTag } from '../../ui/Tag';
import { CaseStateTag } from './CaseStateTag';

const AGES = [3, 7, 30] as const;

export default function DeskPage() {
  const { t } = useTranslation();
  const directory = useRegionDirectory();
  const now = useDeskRows();
  // The first rows are drawn at once; later changes (documents loading one by one) render at a
  // lower priority than input, in slices, so a tap (a filter, a case) does not wait for them.
  const deferred = useDeferredValue(now);
  const { rows, cases, source, complete } = deferred.rows.length === 0 && now.rows.length > 0 ? now : deferred;
  const today = useRegionToday();
  const [community, setCommunity] = useState<string>('');
  const [category, setCategory] = useState<string>('');
  const [age, setAge] = useState<number>(0);
  const [scope, setScope] = useState<'desk' | 'all'>('desk');
  const [open, setOpen] = useState<{ communityId: string; caseId: string } | null>(null);

  const categories = useMemo(() => [...new Set(rows.map((r) => r.category).filter((c): c is string => Boolean(c)))].sort(), [rows]);
  const onDesk = rows.filter((r) => isOnDesk(r));
  const overdue = onDesk.filter((r) => isOverdue(r, today));
  const shown = useMemo(
    () =>
      rows.filter(
        (r) =>
          (scope === 'all' || isOnDesk(r)) &&
          (!community || r.communityId === community) &&
          (!category || r.category === category) &&
          (!age || daysWaiting(r, today) > age),
      ),
    [rows, scope, community, category, age, today],
  );
  const selected = open ? (cases.find((c) => c.communityId === open.communityId && c.case.id === open.caseId) ?? null) : null;
  const onOpen = useCallback((communityId: string, caseId: string) => setOpen({ communityId, caseId }), []);

  return (
    <div data-testid="desk-page" data-source={source}>
      <Typography.Title level={2} className="lx-page-title">
        {t('region.desk.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('region.desk.intro')}</Typography.Paragraph>
      {!directory ? <Alert type="info" showIcon title={t('region.notSynced')} style={{ marginBottom: 12 }} /> : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color="processing" data-testid="desk-open-count">
          {t('region.desk.onDesk', { count: onDesk.length })}
        </Tag>
        <Tag color={overdue.length > 0 ? 'error' : 'default'} data-testid="desk-overdue-count">
          {t('region.desk.overdueCount', { count: overdue.length })}
        </Tag>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('region.desk.filterCommunity')}
          data-testid="filter-community"
          value={community}
          onChange={setCommunity}
          style={{ minWidth: 140 }}
          options={[{ value: '', label: t('region.desk.allCommunities') }, ...(directory?.communities ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        />
        <Select
          aria-label={t('region.desk.filterCategory')}
          data-testid="filter-category"
          value={category}
          onChange={setCategory}
          style={{ minWidth: 120 }}
          options={[{ value: '', label: t('region.desk.allCategories') }, ...categories.map((c) => ({ value: c, label: c }))]}
        />
        <Select
          aria-label={t('region.desk.filterAge')}
          data-testid="filter-age"
          value={age}
          onChange={setAge}
          style={{ minWidth: 110 }}
          options={[{ value: 0, label: t('region.desk.anyAge') }, ...AGES.map((d) => ({ value: d, label: t('region.desk.olderThan', { count: d }) }))]}
        />
        <Select
          aria-label={t('region.desk.filterState')}
          data-testid="filter-state"
          value={scope}
          onChange={setScope}
          style={{ minWidth: 110 }}
          popupMatchSelectWidth={false}
          options={[
            { value: 'desk', label: t('region.desk.showOnDesk') },
            { value: 'all', label: t('region.desk.showAll') },
          ]}
        />
      </Space>
      {shown.length === 0 ? (
        complete ? (
          <Empty description={t('region.desk.empty')} />
        ) : (
          <Spin style={{ display: 'block', margin: '24px auto' }} aria-label={t('region.desk.loading')} />
        )
      ) : (
        <DeskList rows={shown} today={today} opening={open} onOpen={onOpen} />
      )}
      {open ? (
        <Suspense fallback={null}>
          <CaseDrawer item={selected} onClose={() => setOpen(null)} />
        </Suspense>
      ) : null}
    </div>
  );
}

// The rows are drawn with the app's light components (no antd List, Space, Button or Tag): the
// desk's first screen is sixty of them.
const DeskList = memo(function DeskList({ rows, today, opening, onOpen }: { rows: readonly DeskListRow[]; today: string; opening: { communityId: string; caseId: string } | null; onOpen: (communityId: string, caseId: string) => void }) {
  return (
    <PlainList
      data-testid="desk-list"
      items={rows}
      render={(r) => <DeskRow key={`${r.communityId}/${r.id}`} item={r} today={today} opening={r.kept && opening?.communityId === r.communityId && opening.caseId === r.id} onOpen={() => onOpen(r.communityId, r.id)} />}
    />
  );
});

/** A case's row; from the kept rows its button, once pressed, spins until the case's document is in and the drawer opens. */
function DeskRow({ item: c, today, opening, onOpen }: { item: DeskListRow; today: string; opening: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const waited = daysWaiting(c, today);
  const late = isOverdue(c, today);
  return (
    <PlainItem
      data-testid="desk-case"
      data-case={c.id}
      data-community={c.communityId}
      data-state={c.state}
      data-overdue={late ? 'true' : 'false'}
      data-kept={c.kept ? 'true' : 'false'}
      actions={[
        <LightButton key="open" loading={opening} onClick={onOpen} aria-label={`${t('region.desk.open')} ${c.title}`}>
          {t('region.desk.open')}
        </LightButton>,
      ]}
      title={
        <span className="lx-wrap">
          <span>{c.title}</span>
          <CaseStateTag state={c.state} />
          {late ? (
            <LightTag color="error" title={t('region.desk.overdueHelp')} data-testid="overdue-flag">
              {t('region.desk.overdue')}
            </LightTag>
          ) : null}
        </span>
      }
      description={
        <span className="lx-wrap lx-wrap--wide">
          <span>{c.communityName}</span>
          {c.place ? <span>{c.place}</span> : null}
          <span>{c.category ?? t('region.desk.noCategory')}</span>
          {isWaitingState(c.state) ? <span data-testid="waited">{waited > 0 ? t('region.desk.waited', { count: waited }) : t('region.desk.waitedToday')}</span> : null}
          {c.assignment ? (
            <span>
              {t('region.desk.assignedTo', { to: c.assignment.to.kind === 'community' ? t('region.desk.toCommunity') : c.assignment.to.name })} · {t('region.desk.deadline', { date: c.assignment.deadline })}
            </span>
          ) : null}
        </span>
      }
    />
  );
}

const isWaitingState = (state: string) => state !== 'resolved' && state !== 'handedBack';
