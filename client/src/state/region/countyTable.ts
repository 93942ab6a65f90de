/**
 * The view from above as plain data: one line per community (its figures from its summary alone),
 * per township and for the whole region (rolled up by the model's `figuresOf`, which recomputes
 * rates from summed counts). Sorting puts communities with no figure last in either direction, so
 * a community that has not published is never ranked as a zero.
 */
import { byTownship, compareZh, figuresOf, type Summary, type TierFigures, type TierRow } from '@lianxin/model';
import type { RegionDirectory } from '@lianxin/sync';

export const COLUMNS = [
  'collected',
  'resolved',
  'response',
  'resolution',
  'satisfaction',
  'shareMember',
  'shareGrid',
  'shareCommunity',
  'shareTownship',
  'medianDays',
  'visitCoverage',
  'fourPlusTwo',
  'threeMeetings',
] as const;
export type Column = (typeof COLUMNS)[number];

/** Columns that are rates (0–1), shown as percentages. */
export const RATE_COLUMNS: ReadonlySet<Column> = new Set(['response', 'resolution', 'satisfaction', 'shareMember', 'shareGrid', 'shareCommunity', 'shareTownship', 'visitCoverage', 'fourPlusTwo', 'threeMeetings']);

export interface Line {
  readonly id: string;
  readonly name: string;
  /** the township a community lies in (its name), null for a township or the region */
  readonly township: { readonly id: string; readonly name: string } | null;
  readonly figures: TierFigures;
  /** a community with no summary yet (or a township none of whose communities has one) */
  readonly reporting: boolean;
}

export interface CountyTable {
  readonly communities: readonly Line[];
  /** one per township for a county; empty for a township (its total is the region's) */
  readonly townships: readonly Line[];
  readonly total: Line;
}

export function columnValue(f: TierFigures, column: Column): number | null {
  if (f.reporting === 0) return null;
  switch (column) {
    case 'collected':
      return f.collected;
    case 'resolved':
      return f.resolved;
    case 'response':
      return f.rates.response;
    case 'resolution':
      return f.rates.resolution;
    case 'satisfaction':
      return f.rates.satisfaction;
    case 'shareMember':
      return f.shareResolvedByLevel.member;
    case 'shareGrid':
      return f.shareResolvedByLevel.grid;
    case 'shareCommunity':
      return f.shareResolvedByLevel.community;
    case 'shareTownship':
      return f.shareResolvedByLevel.township;
    case 'medianDays':
      return f.medianDaysToResolve;
    case 'visitCoverage':
      return f.visitCoverage;
    case 'fourPlusTwo':
      return f.fourPlusTwo;
    case 'threeMeetings':
      return f.threeMeetings;
  }
}

/** The table of a region from its directory and the summaries this device holds (missing: none yet). */
export function countyTable(directory: RegionDirectory, summaries: ReadonlyMap<string, Summary | null>): CountyTable {
  const townshipName = new Map<string, string>(directory.townships.map((t) => [t.id, t.name]));
  const rows: TierRow[] = directory.communities.map((c) => ({ id: c.id, name: c.name, township: c.township, summary: summaries.get(c.id) ?? null }));
  const communities = rows.map((r): Line => {
    const figures = figuresOf([r]);
    const tid = r.township;
    const township = tid && directory.region.level === 'county' ? { id: tid, name: townshipName.get(tid) ?? tid } : null;
    return { id: r.id, name: r.name, township, figures, reporting: figures.reporting > 0 };
  });
  const townships =
    directory.region.level === 'county' ? byTownship(rows, directory.townships).map((t): Line => ({ id: t.id, name: t.name, township: null, figures: t.figures, reporting: t.figures.reporting > 0 })) : [];
  const totalFigures = figuresOf(rows);
  return { communities, townships, total: { id: directory.region.id, name: directory.region.name, township: null, figures: totalFigures, reporting: totalFigures.reporting > 0 } };
}

/**
 * Lines sorted by a column; lines with no value go last whichever the direction; ties by name
 * (Chinese collation) so the order is stable.
 */
export function sortLines(lines: readonly Line[], column: Column, order: 'ascend' | 'descend'): Line[] {
  const sign = order === 'ascend' ? 1 : -1;
  return [...lines].sort((a, b) => {
    const x = columnValue(a.figures, column);
    const y = columnValue(b.figures, column);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return x !== y ? sign * (x - y) : byName(a, b);
  });
}

const byName = (a: Line, b: Line) => compareZh(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The best and the worst `n` communities by a column, among those with a value (for the chart). */
export function extremes(lines: readonly Line[], column: Column, n: number): { top: Line[]; bottom: Line[] } {
  const ranked = sortLines(lines, column, 'descend').filter((l) => columnValue(l.figures, column) !== null);
  const top = ranked.slice(0, n);
  const bottom = ranked.slice(Math.max(n, ranked.length - n)).reverse();
  return { top, bottom };
}

/** A cell as exported and shown: a rate as a percentage with one decimal, a count as is, nothing as ''. */
export function cellText(value: number | null, column: Column): string {
  if (value === null) return '';
  if (RATE_COLUMNS.has(column)) return (Math.round(value * 1000) / 10).toFixed(1);
  return column === 'medianDays' ? String(Math.round(value * 10) / 10) : String(value);
}

export interface ExportLabels {
  readonly level: string;
  readonly name: string;
  readonly township: string;
  readonly reporting: string;
  readonly columns: Readonly<Record<Column, string>>;
  readonly levels: { readonly community: string; readonly township: string; readonly total: string };
  readonly noSummary: string;
}

/**
 * The workbook's rows: a header, every community (in the table's order), then each township's
 * total and the region's. Built in slices that yield to the page, reporting progress, so 152
 * communities (or 1,500) never freeze the progress bar.
 */
export async function exportRows(table: CountyTable, order: readonly Line[], labels: ExportLabels, onProgress: (done: number, total: number) => void, slice = 25): Promise<string[][]> {
  const header = [labels.level, labels.name, labels.township, labels.reporting, ...COLUMNS.map((c) => labels.columns[c])];
  const line = (l: Line, level: string, community = false): string[] => [
    level,
    l.name,
    l.township?.name ?? '',
    community ? (l.reporting ? '' : labels.noSummary) : `${l.figures.reporting}/${l.figures.communities}`,
    ...COLUMNS.map((c) => cellText(columnValue(l.figures, c), c)),
  ];
  const rows: string[][] = [header];
  const total = order.length;
  for (let i = 0; i < total; i += slice) {
    for (const l of order.slice(i, i + slice)) rows.push(line(l, labels.levels.community, true));
    onProgress(Math.min(total, i + slice), total);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  for (const t of table.townships) rows.push(line(t, labels.levels.township));
  rows.push(line(table.total, labels.levels.total));
  return rows;
}
