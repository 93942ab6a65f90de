// 民情: columns by status, filters by level, grid and member, fast creation.
import { useMemo, useState } from 'react';
import { Button, Card, Empty, FloatButton, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from '../../i18n/useTranslation';
import { ConcernStatus, LABELS, LEVELS, type Concern, type ConcernId, type Level } from '@lianxin/model';
import { concernPlace } from '../../state/concernPlace';
import { rosterIndex } from '../../state/rosterIndex';
import { useActorName } from '../../state/useActorName';
import { useRoster } from '../../state/useRoster';
import { useText } from '../../state/useText';
import { useWork } from '../../state/useWork';
import { Loading } from '../../shell/Loading';
import { ConcernCreateDialog } from './ConcernCreateDialog';
import { ConcernDrawer } from './ConcernDrawer';
import { useDates } from '../../state/useDates';
import { useEscalations } from '../../state/tier/useEscalations';
import { useToday } from '../../state/useToday';
import { TownshipCaseTags } from './TownshipCase';

const COLUMNS = [ConcernStatus.open, ConcernStatus.inProgress, ConcernStatus.resolved, ConcernStatus.confirmed] as const;
const LEVEL_COLOR: Record<Level, string> = { member: 'green', grid: 'blue', community: 'orange', township: 'red' };

export function ConcernBoardPage() {
  const { t } = useTranslation();
  const text = useText();
  const roster = useRoster()?.view ?? null;
  const work = useWork();
  const actorName = useActorName();
  const dates = useDates();
  const today = useToday();
  // What the township did with escalated concerns (opened once the board is shown).
  const escalations = useEscalations();
  const [level, setLevel] = useState<Level | null>(null);
  const [grid, setGrid] = useState<string | null>(null);
  const [member, setMember] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<ConcernId | null>(null);

  const byStatus = useMemo(() => {
    const out = new Map<string, Concern[]>(COLUMNS.map((s) => [s, []]));
    if (!work || !roster) return out;
    for (const c of work.view.concerns.values()) {
      if (level && c.level !== level) continue;
      if (member && c.assignee !== member) continue;
      if (grid && concernPlace(roster, c).gridId !== grid) continue;
      out.get(c.status)?.push(c);
    }
    for (const list of out.values()) list.sort((a, b) => b.createdAt - a.createdAt);
    return out;
  }, [work, roster, level, grid, member]);

  if (!work || !roster) return <Loading />;
  const index = rosterIndex(roster);

  return (
    <section aria-labelledby="concerns-title">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={1} className="lx-page-title" id="concerns-title">
          {t('nav.concerns')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="concern-new">
          {t('work.reportConcern')}
        </Button>
      </Space>
      <Space wrap style={{ marginBottom: 12 }} role="group" aria-label={t('work.filters')}>
        <Select allowClear placeholder={t('work.level')} aria-label={t('work.level')} style={{ minWidth: 120 }} value={level} onChange={(v) => setLevel(v ?? null)} options={LEVELS.map((l) => ({ value: l, label: text(LABELS.level[l]) }))} data-testid="filter-level" />
        <Select allowClear placeholder={t('roster.grid')} aria-label={t('roster.grid')} style={{ minWidth: 140 }} value={grid} onChange={(v) => setGrid(v ?? null)} options={index.grids.map((g) => ({ value: g.id, label: g.name }))} data-testid="filter-grid" />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('work.assignee')}
          aria-label={t('work.assignee')}
          style={{ minWidth: 140 }}
          value={member}
          onChange={(v) => setMember(v ?? null)}
          options={index.members.map((m) => ({ value: m.id, label: m.name }))}
          data-testid="filter-member"
        />
      </Space>
      <div className="lx-board-columns" data-testid="concern-board">
        {COLUMNS.map((status) => {
          const list = byStatus.get(status) ?? [];
          return (
            <section key={status} className="lx-board-column" aria-label={text(LABELS.concernStatus[status])} data-testid={`column-${status}`}>
              <h3>
                {text(LABELS.concernStatus[status])} <Tag>{list.length}</Tag>
              </h3>
              {list.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.noConcerns')} /> : null}
              <Space orientation="vertical" style={{ width: '100%' }}>
                {list.slice(0, 200).map((c) => (
                  <Card key={c.id} size="small" hoverable onClick={() => setOpen(c.id)} data-testid="concern-card" data-concern-id={c.id} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && setOpen(c.id)} role="button">
                    <Typography.Text strong className="lx-text" style={{ display: 'block' }}>
                      {c.title.length > 200 ? `${c.title.slice(0, 200)}…` : c.title}
                    </Typography.Text>
                    <Space wrap size={4} style={{ marginTop: 4 }}>
                      <Tag color={LEVEL_COLOR[c.level]}>{text(LABELS.level[c.level])}</Tag>
                      {c.assignee ? <Tag>{actorName(c.assignee)}</Tag> : null}
                      {escalations?.cases.get(c.id) ? <TownshipCaseTags c={escalations.cases.get(c.id)!} today={today} /> : null}
                      <Typography.Text type="secondary">{dates.day(c.createdAt)}</Typography.Text>
                    </Space>
                  </Card>
                ))}
                {list.length > 200 ? <Typography.Text type="secondary">{t('work.more', { count: list.length - 200 })}</Typography.Text> : null}
              </Space>
            </section>
          );
        })}
      </div>
      <FloatButton className="lx-fab" icon={<PlusOutlined />} type="primary" onClick={() => setCreating(true)} aria-label={t('work.reportConcern')} tooltip={t('work.reportConcern')} />
      <ConcernCreateDialog open={creating} householdId={null} onClose={() => setCreating(false)} />
      <ConcernDrawer concernId={open} onClose={() => setOpen(null)} />
    </section>
  );
}
