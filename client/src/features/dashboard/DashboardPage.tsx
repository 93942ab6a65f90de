// 概览: 三率, where concerns were resolved (小事不出单元、不出楼,大事不出社区), visit coverage by grid.
import { useState } from 'react';
import { Card, Col, Row, Segmented, Space, Statistic, Typography } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import { LABELS, LEVELS, type IsoDate } from '@lianxin/model';
import { useStatistics } from '../../state/useStatistics';
import { useText } from '../../state/useText';
import { useToday } from '../../state/useToday';
import { Loading } from '../../shell/Loading';
import { Bar } from './Bar';

type Period = 'month' | 'year' | 'all';

export function DashboardPage() {
  const { t } = useTranslation();
  const text = useText();
  const today = useToday();
  const [period, setPeriod] = useState<Period>('year');
  const from = period === 'all' ? null : ((period === 'month' ? `${today.slice(0, 7)}-01` : `${today.slice(0, 4)}-01-01`) as IsoDate);
  const data = useStatistics(from);
  if (!data) return <Loading />;
  const { stats, grids } = data;
  const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
  // Member level is resolved within the unit, grid level within the building (DESIGN.md).
  const levelPlace: Record<(typeof LEVELS)[number], string> = { member: t('dashboard.atUnit'), grid: t('dashboard.atBuilding'), community: t('dashboard.atCommunity'), township: t('dashboard.atTownship') };

  return (
    <section aria-labelledby="dash-title">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={1} className="lx-page-title" id="dash-title">
          {t('nav.dashboard')}
        </Typography.Title>
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
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('dashboard.households')} value={stats.roster.households} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('dashboard.members')} value={stats.roster.members} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('dashboard.concerns')} value={stats.concerns.collected} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('dashboard.medianDays')} value={stats.medianDaysToResolve === null ? '—' : stats.medianDaysToResolve.toFixed(1)} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.rates')} data-testid="dashboard-rates">
            <Bar label={t('dashboard.response')} value={stats.rates.response} display={pct(stats.rates.response)} testId="rate-response" />
            <Bar label={t('dashboard.resolution')} value={stats.rates.resolution} display={pct(stats.rates.resolution)} testId="rate-resolution" />
            <Bar label={t('dashboard.satisfaction')} value={stats.rates.satisfaction} display={pct(stats.rates.satisfaction)} testId="rate-satisfaction" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.whereResolved')} data-testid="dashboard-levels">
            {LEVELS.map((l) => (
              <Bar
                key={l}
                label={`${levelPlace[l]} (${text(LABELS.level[l])})`}
                value={stats.concerns.shareResolvedByLevel[l]}
                display={`${stats.concerns.resolvedByLevel[l]} · ${pct(stats.concerns.shareResolvedByLevel[l])}`}
              />
            ))}
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('dashboard.coverage', { days: stats.visits.intervalDays })} data-testid="dashboard-coverage">
            <Bar label={t('dashboard.wholeCommunity')} value={stats.visits.coverage} display={pct(stats.visits.coverage)} />
            {grids.map((g) => (
              <Bar key={g.gridId} label={g.name} value={g.coverage} display={`${g.visited}/${g.linked}`} />
            ))}
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('dashboard.mustVisits', { open: stats.visits.mustVisitsOpen, closed: stats.visits.mustVisitsClosed })}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </section>
  );
}
