import { RATE_COLUMNS, type Column } from '../../state/region/countyTable';

/** A figure as shown: rates as percentages with one decimal, days with one, counts as they are. */
export function formatCell(value: number, column: Column): string {
  if (RATE_COLUMNS.has(column)) return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
  if (column === 'medianDays') return String(Math.round(value * 10) / 10);
  return String(value);
}
