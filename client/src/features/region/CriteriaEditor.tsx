// The township's star criteria: each a title, the summary figure it is measured by and the line
// from which it is met; edited as data (the defaults until the first change).
import { useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Alert, Button, Card, Form, Input, InputNumber, List, Popconfirm, Select, Space } from 'antd';
import { STAR_METRICS, type Criterion } from '@lianxin/model';
import { useStarsActions } from '../../state/region/useStars';

interface Values {
  title: string;
  metric: string;
  threshold: number;
  order: number;
}

export function CriteriaEditor({ criteria, defaults }: { criteria: readonly Criterion[]; defaults: boolean }) {
  const { t } = useTranslation();
  const actions = useStarsActions();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
  return (
    <Card size="small" title={t('region.stars.criteria')} data-testid="criteria" extra={editing === null ? <Button onClick={() => setEditing('new')} data-testid="criterion-add">{t('region.stars.addCriterion')}</Button> : null}>
      {defaults ? <Alert type="info" showIcon title={t('region.stars.defaults')} style={{ marginBottom: 8 }} data-testid="criteria-defaults" /> : null}
      {editing === 'new' ? (
        <CriterionForm
          initial={{ title: '', metric: 'rates.resolution', threshold: 90, order: (criteria.at(-1)?.order ?? 0) + 1 }}
          onSave={(v) => actions.saveCriterion(null, v).type === 'done' && setEditing(null)}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <List
        dataSource={[...criteria]}
        rowKey="id"
        renderItem={(c) =>
          editing === c.id ? (
            <List.Item>
              <CriterionForm initial={{ title: c.title, metric: c.metric, threshold: Math.round(c.threshold * 1000) / 10, order: c.order }} onSave={(v) => actions.saveCriterion(c.id, v).type === 'done' && setEditing(null)} onCancel={() => setEditing(null)} />
            </List.Item>
          ) : (
            <List.Item
              data-testid="criterion"
              data-id={c.id}
              actions={[
                <Button key="edit" size="small" onClick={() => setEditing(c.id)} data-testid="criterion-edit" aria-label={`${t('region.stars.edit')} ${c.title}`}>
                  {t('region.stars.edit')}
                </Button>,
                <Popconfirm key="remove" title={t('region.stars.removeConfirm')} onConfirm={() => actions.removeCriterion(c.id)} okText={t('region.stars.remove')} cancelText={t('app.cancel')}>
                  <Button size="small" aria-label={`${t('region.stars.remove')} ${c.title}`}>
                    {t('region.stars.remove')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta title={<span className="lx-text">{c.title}</span>} description={`${t(`region.stars.metrics.${c.metric}`)} ≥ ${pct(c.threshold)}`} />
            </List.Item>
          )
        }
      />
    </Card>
  );
}

function CriterionForm({ initial, onSave, onCancel }: { initial: Values; onSave: (v: { title: string; metric: string; threshold: number; order: number }) => unknown; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Form<Values> layout="vertical" initialValues={initial} style={{ width: '100%' }} data-testid="criterion-form" onFinish={(v) => onSave({ title: v.title.trim(), metric: v.metric, threshold: v.threshold / 100, order: v.order })}>
      <Form.Item name="title" label={t('region.stars.criterionTitle')} rules={[{ required: true, whitespace: true, message: t('region.stars.criterionTitleRequired') }, { max: 100 }]}>
        <Input data-testid="criterion-title" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="metric" label={t('region.stars.metric')}>
          <Select data-testid="criterion-metric" style={{ minWidth: 150 }} options={STAR_METRICS.map((m) => ({ value: m, label: t(`region.stars.metrics.${m}`) }))} />
        </Form.Item>
        <Form.Item name="threshold" label={t('region.stars.threshold')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} step={5} data-testid="criterion-threshold" />
        </Form.Item>
        <Form.Item name="order" label={t('region.stars.order')}>
          <InputNumber min={0} max={1000} />
        </Form.Item>
      </Space>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="criterion-save">
          {t('app.save')}
        </Button>
        <Button onClick={onCancel}>{t('app.cancel')}</Button>
      </Space>
    </Form>
  );
}
