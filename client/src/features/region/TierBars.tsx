// A plain bar chart (no chart library): one labelled bar per line, its width the value's share of
// the largest. Text carries the value, so the bars are decoration for screen readers.
import { useTranslation } from '../../i18n/useTranslation';
import { Typography } from 'antd';
import { columnValue, type Column, type Line } from '../../state/region/countyTable';
import { formatCell } from './formatCell';

export function TierBars({ title, lines, column, testId }: { title: string; lines: readonly Line[]; column: Column; testId: string }) {
  const { t } = useTranslation();
  const values = lines.map((l) => columnValue(l.figures, column));
  const max = Math.max(0, ...values.map((v) => v ?? 0)) || 1;
  return (
    <figure data-testid={testId} style={{ margin: '0 0 16px', minWidth: 0 }}>
      <Typography.Text strong>
        <figcaption>{title}</figcaption>
      </Typography.Text>
      {lines.length === 0 ? <Typography.Paragraph type="secondary">{t('region.table.noData')}</Typography.Paragraph> : null}
      <ol style={{ listStyle: 'none', padding: 0, margin: '6px 0 0' }}>
        {lines.map((l, i) => {
          const v = values[i] ?? null;
          return (
            <li key={l.id} data-testid="bar" data-id={l.id} style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 7em) minmax(0, 1fr) 4.5em', gap: 8, alignItems: 'center', marginBottom: 4 }}>
              <span className="lx-clip" title={l.name}>
                {l.name}
              </span>
              <span aria-hidden="true" style={{ background: '#f0f0f0', borderRadius: 3, height: 12, overflow: 'hidden' }}>
                <span style={{ display: 'block', height: '100%', width: `${v === null ? 0 : (100 * v) / max}%`, background: '#c62828' }} />
              </span>
              <span style={{ textAlign: 'end', fontVariantNumeric: 'tabular-nums' }}>{v === null ? t('region.table.noSummary') : formatCell(v, column)}</span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
