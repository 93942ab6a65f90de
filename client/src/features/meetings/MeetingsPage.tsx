// 会议: meetings as a list or a calendar (主题党日 on the 20th), and the matters under 4+2.
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Badge, Button, Calendar, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from '../../i18n/useTranslation';
import { LABELS, type Matter, type Meeting } from '@lianxin/model';
import { useMeetings } from '../../state/useMeetings';
import { useSession } from '../../state/useSession';
import { useText } from '../../state/useText';
import { Loading } from '../../shell/Loading';
import { MeetingCreateDialog } from './MeetingCreateDialog';
import { MatterCreateDialog } from './MatterCreateDialog';
import { StepStateTag } from './StepStateTag';

export function MeetingsPage() {
  const { t } = useTranslation();
  const text = useText();
  const navigate = useNavigate();
  const { communityId, canWrite } = useSession();
  const read = useMeetings();
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const [tab, setTab] = useState('meetings');
  const [creating, setCreating] = useState<'meeting' | 'matter' | null>(null);
  const editable = canWrite('meetings');
  const meetings = useMemo(() => (read ? [...read.view.meetings.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)) : []), [read]);
  const byDay = useMemo(() => {
    const map = new Map<string, Meeting[]>();
    for (const m of meetings) map.set(m.date, [...(map.get(m.date) ?? []), m]);
    return map;
  }, [meetings]);
  const matters = useMemo(() => (read ? [...read.view.matters.values()].sort((a, b) => b.createdAt - a.createdAt) : []), [read]);
  if (!read) return <Loading />;
  const base = `/c/${communityId}`;

  return (
    <section aria-labelledby="meetings-title">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={1} className="lx-page-title" id="meetings-title">
          {t('nav.meetings')}
        </Typography.Title>
        {editable ? (
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating('meeting')} data-testid="meeting-new">
              {t('meetings.new')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setCreating('matter')} data-testid="matter-new">
              {t('meetings.newMatter')}
            </Button>
          </Space>
        ) : null}
      </Space>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'meetings',
            label: t('meetings.meetingsCount', { count: meetings.length }),
            children: (
              <>
                <Segmented
                  aria-label={t('meetings.view')}
                  value={view}
                  onChange={(v) => setView(v as 'list' | 'calendar')}
                  options={[
                    { value: 'list', label: t('meetings.list') },
                    { value: 'calendar', label: t('meetings.calendar') },
                  ]}
                  style={{ marginBottom: 12 }}
                />
                {view === 'list' ? (
                  <Table<Meeting>
                    data-testid="meeting-list"
                    size="small"
                    rowKey="id"
                    dataSource={meetings}
                    pagination={{ pageSize: 20, hideOnSinglePage: true }}
                    scroll={{ x: 560 }}
                    columns={[
                      { title: t('meetings.date'), dataIndex: 'date', width: 110 },
                      {
                        title: t('meetings.title'),
                        key: 'title',
                        render: (_: unknown, m) => (
                          <Link to={`${base}/meetings/${m.id}`} className="lx-clip" style={{ maxWidth: 320 }} data-testid="meeting-link">
                            {m.title}
                          </Link>
                        ),
                      },
                      { title: t('meetings.kind'), key: 'kind', width: 150, render: (_: unknown, m) => text(LABELS.meetingKind[m.kind]) },
                      { title: t('meetings.status'), key: 'status', width: 90, render: (_: unknown, m) => <Tag>{t(`meetings.statusValue.${m.status}`)}</Tag> },
                    ]}
                  />
                ) : (
                  <Calendar
                    fullscreen={false}
                    cellRender={(date: Dayjs, info) => {
                      if (info.type !== 'date') return info.originNode;
                      const list = byDay.get(date.format('YYYY-MM-DD')) ?? [];
                      // 主题党日 is the 20th of every month.
                      const activityDay = date.date() === 20;
                      return (
                        <div>
                          {activityDay ? <Badge status="warning" title={t('meetings.activityDay')} /> : null}
                          {list.map((m) => (
                            <Badge key={m.id} status="processing" title={m.title} />
                          ))}
                        </div>
                      );
                    }}
                    onSelect={(date, info) => {
                      if (info.source !== 'date') return;
                      const first = byDay.get(date.format('YYYY-MM-DD'))?.[0];
                      if (first) navigate(`${base}/meetings/${first.id}`);
                    }}
                  />
                )}
              </>
            ),
          },
          {
            key: 'matters',
            label: t('meetings.mattersCount', { count: matters.length }),
            children: (
              <Table<Matter>
                data-testid="matter-list"
                size="small"
                rowKey="id"
                dataSource={matters}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 560 }}
                columns={[
                  {
                    title: t('meetings.matter'),
                    key: 'title',
                    render: (_: unknown, m) => (
                      <Link to={`${base}/matters/${m.id}`} className="lx-clip" style={{ maxWidth: 320 }} data-testid="matter-link">
                        {m.title}
                      </Link>
                    ),
                  },
                  { title: t('meetings.origin'), key: 'origin', width: 150, render: (_: unknown, m) => text(LABELS.matterOrigin[m.origin.type]) },
                  {
                    title: t('meetings.progress'),
                    key: 'progress',
                    width: 200,
                    render: (_: unknown, m) => (m.next ? <StepStateTag label={text(LABELS.matterStep[m.next])} state="pending" /> : <StepStateTag label={t('meetings.allDone')} state="passed" />),
                  },
                ]}
              />
            ),
          },
        ]}
      />
      <MeetingCreateDialog open={creating === 'meeting'} onClose={() => setCreating(null)} />
      <MatterCreateDialog open={creating === 'matter'} onClose={() => setCreating(null)} />
    </section>
  );
}
