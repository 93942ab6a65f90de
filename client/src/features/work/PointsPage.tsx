// 积分: the ranking for a period, each member's entries, manual entries by the committee.
import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import { useTranslation } from '../../i18n/useTranslation';
import { POINTS_RULE_LABELS, type IsoDate, type MemberId, type PointsEntry } from '@lianxin/model';
import { rosterIndex } from '../../state/rosterIndex';
import { usePointsLedger } from '../../state/usePointsLedger';
import { useRoster } from '../../state/useRoster';
import { useRosterActions } from '../../state/useRosterActions';
import { useSession } from '../../state/useSession';
import { useText } from '../../state/useText';
import { useToday } from '../../state/useToday';
import { Loading } from '../../shell/Loading';
import { useDates } from '../../state/useDates';

type Period = 'month' | 'year' | 'all';

export function PointsPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const text = useText();
  const today = useToday();
  const { canWrite } = useSession();
  const roster = useRoster()?.view ?? null;
  const actions = useRosterActions();
  const [period, setPeriod] = useState<Period>('year');
  const [selected, setSelected] = useState<MemberId | null>(null);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ memberId: MemberId; amount: number; reason: string }>();
  const from = period === 'all' ? null : ((period === 'month' ? `${today.slice(0, 7)}-01` : `${today.slice(0, 4)}-01-01`) as IsoDate);
  const ledger = usePointsLedger(from, today);
  if (!ledger || !roster) return <Loading />;

  const entries = selected ? ledger.entries.filter((e) => e.memberId === selected) : [];
  const reason = (e: PointsEntry) => ('rule' in e && typeof e.rule === 'string' && e.rule in POINTS_RULE_LABELS ? text(POINTS_RULE_LABELS[e.rule as keyof typeof POINTS_RULE_LABELS]) : e.reason);

  return (
    <section aria-labelledby="points-title">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={1} className="lx-page-title" id="points-title">
          {t('nav.points')}
        </Typography.Title>
        <Space wrap>
          <Segmented<Period>
            aria-label={t('points.period')}
            value={period}
            onChange={setPeriod}
            options={[
              { value: 'month', label: t('points.month') },
              { value: 'year', label: t('points.year') },
              { value: 'all', label: t('points.all') },
            ]}
          />
          {canWrite('roster') ? (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="points-add">
              {t('points.add')}
            </Button>
          ) : null}
        </Space>
      </Space>
      <Table
        data-testid="points-ranking"
        size="small"
        rowKey="memberId"
        dataSource={ledger.ranking as never[]}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(r: (typeof ledger.ranking)[number]) => ({ onClick: () => setSelected(r.memberId), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('points.rank'), dataIndex: 'rank', width: 70, render: (rank: number) => (rank <= 3 ? <Tag icon={<TrophyOutlined />} color={['gold', 'default', 'orange'][rank - 1]}>{rank}</Tag> : rank) },
          { title: t('roster.memberName'), dataIndex: 'name', render: (n: string) => <span className="lx-clip" style={{ maxWidth: 200 }}>{n}</span> },
          { title: t('points.total'), dataIndex: 'total', width: 100, align: 'right' as const },
        ]}
      />
      {selected ? (
        <Card size="small" title={<span className="lx-clip">{roster.members.get(selected)?.name ?? ''}</span>} style={{ marginTop: 12 }} extra={<Button onClick={() => setSelected(null)}>{t('app.close')}</Button>}>
          <Table
            size="small"
            rowKey="id"
            dataSource={entries as never[]}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('points.date'), dataIndex: 'at', width: 120, render: (at: number) => dates.day(at) },
              { title: t('points.reason'), key: 'reason', render: (_: unknown, e: PointsEntry) => <span className="lx-text">{reason(e)}</span> },
              { title: t('points.source'), dataIndex: 'source', width: 90, render: (s: string) => (s === 'rule' ? t('points.rule') : t('points.manual')) },
              { title: t('points.amount'), dataIndex: 'amount', width: 80, align: 'right' as const, render: (a: number) => (a > 0 ? `+${a}` : a) },
            ]}
          />
        </Card>
      ) : null}
      <Modal open={adding} title={t('points.add')} onCancel={() => setAdding(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => {
            if (actions.addPoints({ memberId: v.memberId, amount: v.amount, reason: v.reason }).type === 'done') {
              setAdding(false);
              form.resetFields();
            }
          }}
        >
          <Form.Item name="memberId" label={t('roster.memberName')} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={rosterIndex(roster).members.map((m) => ({ value: m.id, label: m.name }))} />
          </Form.Item>
          <Form.Item name="amount" label={t('points.amount')} rules={[{ required: true }]} extra={t('points.amountHelp')}>
            <InputNumber min={-1000} max={1000} />
          </Form.Item>
          <Form.Item name="reason" label={t('points.reason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
