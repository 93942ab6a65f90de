// The view from above: every community's figures from its summary, rolled up per township and for
// the region; a ranking sortable by any column (default: resolution rate), plain bar charts, and
// an XLSX export. A community that has not published a summary is shown as such, never as zeros.
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined } from '@ant-design/icons';
import { COLUMNS, columnValue, extremes, sortLines, type Column, type Line } from '../../state/region/countyTable';
import { useCountyExport, useCountyTable, useSummariesLoaded } from '../../state/region/useCountyTable';
import { useUsableMark } from '../../state/usableMark';
import { useRegionDirectory } from '../../state/region/useRegion';
import { formatCell } from './formatCell';
import { ScrollRegion } from './ScrollRegion';
import { TierBars } from './TierBars';

type Order = 'ascend' | 'descend';
const HEADLINE: readonly Column[] = ['collected', 'resolved', 'response', 'resolution', 'satisfaction'];

export default function TablePage() {
  const { t } = useTranslation();
  const directory = useRegionDirectory();
  const table = useCountyTable();
  const { run, progress } = useCountyExport();
  const [sort, setSort] = useState<{ column: Column; order: Order }>({ column: 'resolution', order: 'descend' });
  const [chart, setChart] = useState<Column>('resolution');
  const ranked = useMemo(() => (table ? sortLines(table.communities, sort.column, sort.order) : []), [table, sort]);
  const county = directory?.region.level === 'county';
  const loaded = useSummariesLoaded();
  useUsableMark('table', table !== null && loaded);

  const figureColumns = (sortable: boolean): ColumnsType<Line> =>
    COLUMNS.map((c) => ({
      key: c,
      dataIndex: c,
      title: t(`region.table.columns.${c}`),
      align: 'right' as const,
      ...(sortable ? { sorter: true, sortOrder: sort.column === c ? sort.order : null, sortDirections: ['descend', 'ascend'] as Order[] } : {}),
      render: (_: unknown, l: Line) => {
        const v = columnValue(l.figures, c);
        return v === null ? <span aria-label={t('region.table.noSummary')}>—</span> : formatCell(v, c);
      },
    }));

  if (!directory || !table) return <Alert type="info" showIcon title={t('region.notSynced')} />;
  const { top, bottom } = extremes(table.communities, chart, 5);
  const rankOf = new Map(ranked.filter((l) => columnValue(l.figures, sort.column) !== null).map((l, i) => [l.id, i + 1]));

  return (
    <div data-testid="county-table-page" data-loaded={loaded ? 'true' : 'false'} data-reporting={table.total.figures.reporting}>
      <Typography.Title level={2} className="lx-page-title">
        {t('region.table.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('region.table.intro')}</Typography.Paragraph>

      <section aria-label={t('region.table.total')} data-testid="table-total" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: 8, marginBottom: 16 }}>
        <Box label={directory.region.name} value={t('region.table.reporting', { reporting: table.total.figures.reporting, communities: table.total.figures.communities })} testId="total-reporting" />
        {HEADLINE.map((c) => {
          const v = columnValue(table.total.figures, c);
          return <Box key={c} label={t(`region.table.columns.${c}`)} value={v === null ? '—' : formatCell(v, c)} testId={`total-${c}`} />;
        })}
      </section>

      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} onClick={() => void run(table, ranked)} loading={progress !== null} data-testid="export-xlsx">
          {t('region.table.exportButton')}
        </Button>
        {progress ? (
          <span role="status" data-testid="export-progress">
            <progress max={progress.total || 1} value={progress.done} aria-label={t('region.table.exportButton')} style={{ verticalAlign: 'middle', marginInlineEnd: 8 }} />
            {progress.phase === 'rows' ? t('region.table.exporting', { done: progress.done, total: progress.total }) : t('region.table.writing')}
          </span>
        ) : null}
      </Space>

      <section aria-labelledby="charts-title" style={{ marginBottom: 16 }}>
        <Space wrap align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={3} id="charts-title" style={{ fontSize: 16, margin: 0 }}>
            {t('region.table.chartMetric')}
          </Typography.Title>
          <Select aria-label={t('region.table.chartMetric')} data-testid="chart-metric" value={chart} onChange={setChart} style={{ minWidth: 140 }} options={COLUMNS.map((c) => ({ value: c, label: t(`region.table.columns.${c}`) }))} />
        </Space>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: 16 }}>
          {county ? <TierBars title={t('region.table.chartTownships', { metric: t(`region.table.columns.${chart}`) })} lines={table.townships} column={chart} testId="chart-townships" /> : null}
          <TierBars title={t('region.table.chartTop', { metric: t(`region.table.columns.${chart}`) })} lines={top} column={chart} testId="chart-top" />
          <TierBars title={t('region.table.chartBottom', { metric: t(`region.table.columns.${chart}`) })} lines={bottom} column={chart} testId="chart-bottom" />
        </div>
      </section>

      {county ? (
        <section aria-labelledby="townships-title" style={{ marginBottom: 16 }}>
          <Typography.Title level={3} id="townships-title" style={{ fontSize: 16 }}>
            {t('region.table.byTownship')}
          </Typography.Title>
          <ScrollRegion label={t('region.table.byTownship')}>
          <Table<Line>
            data-testid="township-table"
            size="small"
            rowKey="id"
            pagination={false}
              dataSource={[...table.townships, table.total]}
            columns={[
              {
                key: 'name',
                title: t('region.table.township'),
                render: (_: unknown, l: Line) => (
                  <span>
                    {l.id === table.total.id ? <strong>{`${l.name} ${t('region.table.total')}`}</strong> : l.name}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('region.table.reporting', { reporting: l.figures.reporting, communities: l.figures.communities })}
                    </Typography.Text>
                  </span>
                ),
              },
              ...figureColumns(false),
            ]}
          />
          </ScrollRegion>
        </section>
      ) : null}

      <section aria-labelledby="ranking-title">
        <Typography.Title level={3} id="ranking-title" style={{ fontSize: 16 }}>
          {t('region.table.ranking')}
        </Typography.Title>
        <ScrollRegion label={t('region.table.ranking')}>
        <Table<Line>
          data-testid="ranking-table"
          size="small"
          rowKey="id"
          // One list, not pages: a county compares all its communities at once (and finds one with Ctrl+F).
          pagination={false}
          dataSource={ranked}
          onRow={(l) => ({ 'data-reporting': l.reporting ? 'true' : 'false' }) as HTMLAttributes<HTMLElement>}
          onChange={(_p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const column = (s?.columnKey as Column | undefined) ?? sort.column;
            setSort({ column, order: (s?.order as Order | undefined) ?? (column === sort.column && sort.order === 'descend' ? 'ascend' : 'descend') });
          }}
          columns={[
            { key: 'rank', title: t('region.table.rank'), width: 56, render: (_: unknown, l: Line) => rankOf.get(l.id) ?? '—' },
            {
              key: 'name',
              title: t('region.table.community'),
              render: (_: unknown, l: Line) => (
                <span data-testid="ranking-name">
                  {l.name}
                  {l.township ? (
                    <>
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {l.township.name}
                      </Typography.Text>
                    </>
                  ) : null}
                  {!l.reporting ? (
                    <>
                      <br />
                      <Tag data-testid="no-summary">{t('region.table.noSummary')}</Tag>
                    </>
                  ) : null}
                </span>
              ),
            },
            ...figureColumns(true),
          ]}
        />
        </ScrollRegion>
      </section>
    </div>
  );
}

function Box({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div style={{ border: '1px solid #e5e5e5', borderRadius: 6, padding: '8px 10px', minWidth: 0 }} data-testid={testId}>
      <div className="lx-clip" style={{ color: '#525252', fontSize: 13 }}>
        {label}
      </div>
      <div style={{ fontSize: 20, fontVariantNumeric: 'tabular-nums' }}>{value}</div>
    </div>
  );
}
