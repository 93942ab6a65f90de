// One branch in 支部争五星: its evidence against each criterion (from its summary), the stars the
// criteria suggest, its rating for the year with the rater's notes, and rating it (again).
import { useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Button, Card, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { BranchStars } from '../../state/region/stars';
import { useStarsActions } from '../../state/region/useStars';

export function BranchCard({ branch: b, year }: { branch: BranchStars; year: number }) {
  const { t } = useTranslation();
  const { rate } = useStarsActions();
  const [rating, setRating] = useState(false);
  const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="branch"
      data-community={b.communityId}
      data-stars={b.rating ? String(b.rating.stars) : ''}
      title={b.name}
      extra={
        <Tag color={b.rating ? 'red' : 'default'} data-testid="branch-rating">
          {b.rating ? t('region.stars.rating', { count: b.rating.stars }) : t('region.stars.notRated')}
        </Tag>
      }
    >
      {b.rating ? (
        <Typography.Paragraph data-testid="branch-notes" className="lx-text" style={{ marginBottom: 8 }}>
          {b.rating.notes ? `${b.rating.notes} · ` : ''}
          <Typography.Text type="secondary">{t('region.stars.ratedBy', { name: b.rating.by })}</Typography.Text>
        </Typography.Paragraph>
      ) : null}
      <Typography.Text strong>{t('region.stars.evidence')}</Typography.Text>
      {b.summary ? (
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          {t('region.table.asOf', { date: b.summary.asOf })}
        </Typography.Text>
      ) : null}
      {!b.summary ? (
        <Typography.Paragraph type="secondary" data-testid="branch-no-evidence">
          {t('region.stars.noEvidence')}
        </Typography.Paragraph>
      ) : (
        <ul style={{ paddingInlineStart: 18, margin: '4px 0 8px' }} data-testid="evidence">
          {b.evidence.items.map((i) => (
            <li key={i.criterion.id} data-testid="evidence-item" data-met={i.met ? 'true' : 'false'}>
              <span className="lx-text">{i.criterion.title}</span>: {i.value === null ? '—' : pct(i.value)}{' '}
              <Tag color={i.met ? 'success' : 'default'} style={{ marginInlineStart: 4 }}>
                {i.met ? t('region.stars.met') : t('region.stars.notMet')}
              </Tag>
            </li>
          ))}
        </ul>
      )}
      {b.summary ? (
        <Typography.Paragraph data-testid="branch-suggested" style={{ marginBottom: 8 }}>
          {t('region.stars.suggested', { count: b.evidence.suggested })}
        </Typography.Paragraph>
      ) : null}
      {rating ? (
        <Form<{ stars: number; notes?: string }>
          layout="vertical"
          data-testid="rate-form"
          initialValues={{ stars: b.rating?.stars ?? (b.summary ? b.evidence.suggested : undefined), notes: '' }}
          onFinish={(v) => {
            if (rate({ communityId: b.communityId, year, stars: v.stars, notes: v.notes?.trim() ?? '' }).type === 'done') setRating(false);
          }}
        >
          <Form.Item name="stars" label={t('region.stars.starsLabel')} rules={[{ required: true, message: t('region.stars.starsRequired') }]}>
            <Select data-testid="rate-stars" style={{ width: 120 }} options={[5, 4, 3, 2, 1, 0].map((n) => ({ value: n, label: t('region.stars.rating', { count: n }) }))} />
          </Form.Item>
          <Form.Item name="notes" label={t('region.stars.notes')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="rate-notes" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="rate-submit">
              {t('app.save')}
            </Button>
            <Button onClick={() => setRating(false)}>{t('app.cancel')}</Button>
          </Space>
        </Form>
      ) : (
        <Button onClick={() => setRating(true)} data-testid="rate-open">
          {b.rating ? t('region.stars.rerate') : t('region.stars.rate')}
        </Button>
      )}
    </Card>
  );
}
