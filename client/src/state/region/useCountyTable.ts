// The county table (or a township's over its own communities) and its XLSX export with progress.
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { App } from 'antd';
import { useTranslation } from '../../i18n/useTranslation';
import { download } from '../download';
import { COLUMNS, countyTable, exportRows, type Column, type CountyTable, type Line } from './countyTable';
import { useRegionClient, useRegionDirectory, useRegionToday } from './useRegion';
import { useRegionSummaries } from './useRegionSummaries';

/** null before the region's directory is on this device. */
export function useCountyTable(): CountyTable | null {
  const directory = useRegionDirectory();
  const summaries = useRegionSummaries();
  return useMemo(() => (directory ? countyTable(directory, summaries) : null), [directory, summaries]);
}

/** Whether every community's summary has loaded what this device stored (the table is complete, not still filling in). */
export function useSummariesLoaded(): boolean {
  const { session } = useRegionClient();
  const directory = useRegionDirectory();
  const get = () => directory !== null && directory.communities.every((c) => session.isCommunityDocLoaded(c.id, 'summary'));
  return useSyncExternalStore(session.subscribeDocs, get);
}

export interface ExportProgress {
  readonly phase: 'rows' | 'writing';
  readonly done: number;
  readonly total: number;
}

/** Writes the table (communities in the order shown, then the totals) to an .xlsx file. */
export function useCountyExport(): { run(table: CountyTable, order: readonly Line[]): Promise<void>; progress: ExportProgress | null } {
  const { account } = useRegionClient();
  const today = useRegionToday();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const run = useCallback(
    async (table: CountyTable, order: readonly Line[]) => {
      setProgress({ phase: 'rows', done: 0, total: order.length });
      try {
        const columns = Object.fromEntries(COLUMNS.map((c) => [c, t(`region.table.columns.${c}`) + (c === 'medianDays' || c === 'collected' || c === 'resolved' ? '' : ' (%)')])) as Record<Column, string>;
        const labels = {
          level: t('region.table.export.level'),
          name: t('region.table.export.name'),
          township: t('region.table.export.township'),
          reporting: t('region.table.export.reporting'),
          columns,
          levels: { community: t('region.table.export.community'), township: t('region.table.export.townshipTotal'), total: t('region.table.export.total') },
          noSummary: t('region.table.noSummary'),
        };
        const rows = await exportRows(table, order, labels, (done, total) => setProgress({ phase: 'rows', done, total }));
        setProgress({ phase: 'writing', done: order.length, total: order.length });
        const { writeXlsxRows } = await import('./regionXlsx');
        const bytes = await writeXlsxRows(rows, t('region.table.export.sheet'));
        download(`${account.communityName}-${t('region.table.export.file')}-${today}.xlsx`, new Uint8Array(bytes), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      } catch (e) {
        void message.error(t('errors.generic', { message: e instanceof Error ? e.message : String(e) }));
      } finally {
        setProgress(null);
      }
    },
    [account.communityName, today, t, message],
  );
  return { run, progress };
}
