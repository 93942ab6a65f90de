// The county table's logic: figures per community, rolled up per township and county from the
// summed counts, communities with no summary shown as such (never as zeros, never ranked), the
// sort, the chart's best and worst, and the workbook's rows built in slices with progress.
import { describe, expect, it } from 'vitest';
import type { Summary } from '@lianxin/model';
import type { RegionDirectory } from '@lianxin/sync';
import { cellText, columnValue, countyTable, exportRows, extremes, sortLines, COLUMNS, type Column } from './countyTable';
import { summaryOf } from './tierFixtures';

const DIRECTORY = {
  region: { id: 'jl-county', name: '将乐县', level: 'county', parent: null },
  townships: [
    { id: 'gy-town', name: '古镛镇' },
    { id: 'wa-town', name: '万安镇' },
  ],
  communities: [
    { id: 'sh-comm', name: '三华社区', kind: 'urban', township: 'gy-town' },
    { id: 'sn-vill', name: '水南村', kind: 'village', township: 'gy-town' },
    { id: 'wa-vill', name: '万安村', kind: 'village', township: 'wa-town' },
    { id: 'xp-vill', name: '西坪村', kind: 'village', township: 'wa-town' },
  ],
} as unknown as RegionDirectory;

const SUMMARIES = new Map<string, Summary | null>([
  ['sh-comm', summaryOf({ collected: 10, resolved: 9, byLevel: { member: 2, grid: 3, community: 3, township: 1 }, medianDays: 2 })],
  ['sn-vill', summaryOf({ collected: 10, resolved: 5, inTime: 5, medianDays: 6 })],
  ['wa-vill', summaryOf({ collected: 4, resolved: 4, medianDays: 1 })],
  // xp-vill: nothing published yet
]);

describe('the county table', () => {
  const table = countyTable(DIRECTORY, SUMMARIES);

  it('rolls up per township and county from summed counts, not an average of rates', () => {
    const gy = table.townships.find((t) => t.id === 'gy-town')!;
    expect(gy.figures).toMatchObject({ communities: 2, reporting: 2, collected: 20, resolved: 14 });
    expect(columnValue(gy.figures, 'resolution')).toBeCloseTo(0.7);
    expect(columnValue(gy.figures, 'response')).toBeCloseTo(0.75);
    expect(columnValue(gy.figures, 'medianDays')).toBe(4);
    expect(table.total.figures).toMatchObject({ communities: 4, reporting: 3, collected: 24, resolved: 18 });
    expect(columnValue(table.total.figures, 'resolution')).toBeCloseTo(0.75);
    expect(columnValue(table.total.figures, 'shareTownship')).toBeCloseTo(1 / 18);
    const sh = table.communities.find((c) => c.id === 'sh-comm')!;
    expect(sh.township).toEqual({ id: 'gy-town', name: '古镛镇' });
    expect(columnValue(sh.figures, 'shareMember')).toBeCloseTo(2 / 9);
  });

  it('shows a community with no summary as not reporting: every cell empty, not zero', () => {
    const xp = table.communities.find((c) => c.id === 'xp-vill')!;
    expect(xp.reporting).toBe(false);
    expect(COLUMNS.map((c) => columnValue(xp.figures, c))).toEqual(COLUMNS.map(() => null));
    const wa = table.townships.find((t) => t.id === 'wa-town')!;
    expect(wa.figures).toMatchObject({ communities: 2, reporting: 1, collected: 4 });
  });

  it('sorts by any column with the non-reporting last in both directions, ties by name', () => {
    expect(sortLines(table.communities, 'resolution', 'descend').map((l) => l.id)).toEqual(['wa-vill', 'sh-comm', 'sn-vill', 'xp-vill']);
    expect(sortLines(table.communities, 'resolution', 'ascend').map((l) => l.id)).toEqual(['sn-vill', 'sh-comm', 'wa-vill', 'xp-vill']);
    expect(sortLines(table.communities, 'collected', 'descend').map((l) => l.id)).toEqual(['sh-comm', 'sn-vill', 'wa-vill', 'xp-vill']);
    expect(sortLines(table.communities, 'medianDays', 'ascend').map((l) => l.id)).toEqual(['wa-vill', 'sh-comm', 'sn-vill', 'xp-vill']);
  });

  it('gives the best and worst communities without overlap, leaving out the non-reporting', () => {
    const { top, bottom } = extremes(table.communities, 'resolution', 2);
    expect(top.map((l) => l.id)).toEqual(['wa-vill', 'sh-comm']);
    expect(bottom.map((l) => l.id)).toEqual(['sn-vill']);
  });

  it("a township's table has its communities and its own total, no township lines", () => {
    const own = countyTable({ region: { id: 'gy-town', name: '古镛镇', level: 'township', parent: 'jl-county' }, townships: [], communities: DIRECTORY.communities.slice(0, 2) } as unknown as RegionDirectory, SUMMARIES);
    expect(own.townships).toEqual([]);
    expect(own.communities.map((c) => c.township)).toEqual([null, null]);
    expect(own.total.figures.collected).toBe(20);
  });

  it('writes the workbook rows in slices, reporting progress: header, communities in order, township and county totals', async () => {
    const columns = Object.fromEntries(COLUMNS.map((c) => [c, c])) as Record<Column, string>;
    const labels = { level: '层级', name: '名称', township: '乡镇', reporting: '上报', columns, levels: { community: '社区', township: '乡镇合计', total: '全县合计' }, noSummary: '尚未上报' };
    const progress: [number, number][] = [];
    const order = sortLines(table.communities, 'resolution', 'descend');
    const rows = await exportRows(table, order, labels, (d, t) => progress.push([d, t]), 3);
    expect(progress).toEqual([
      [3, 4],
      [4, 4],
    ]);
    expect(rows).toHaveLength(1 + 4 + 2 + 1);
    expect(rows[0]!.slice(0, 5)).toEqual(['层级', '名称', '乡镇', '上报', 'collected']);
    expect(rows[1]!.slice(0, 7)).toEqual(['社区', '万安村', '万安镇', '', '4', '4', '100.0']);
    expect(rows[4]!.slice(0, 6)).toEqual(['社区', '西坪村', '万安镇', '尚未上报', '', '']);
    expect(rows[5]!.slice(0, 5)).toEqual(['乡镇合计', '古镛镇', '', '2/2', '20']);
    expect(rows[7]!.slice(0, 5)).toEqual(['全县合计', '将乐县', '', '3/4', '24']);
    expect(cellText(0.755, 'resolution')).toBe('75.5');
    expect(cellText(null, 'collected')).toBe('');
  });
});
