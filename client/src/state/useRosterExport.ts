import { useCallback } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayOf, exportRosterCsv } from '@lianxin/model';
import { download } from './download';
import { useRoster } from './useRoster';
import { useSession } from './useSession';

/** Downloads the household roster as CSV (UTF-8 with BOM, for Excel) or XLSX. */
export function useRosterExport(): { download(format: 'csv' | 'xlsx'): Promise<void> } {
  const roster = useRoster()?.view ?? null;
  const { account } = useSession();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const run = useCallback(
    async (format: 'csv' | 'xlsx') => {
      if (!roster) return;
      const base = `${account.communityName}-${t('roster.exportFile')}-${dayOf(Date.now(), roster.settings.timeZone)}`;
      try {
        if (format === 'csv') download(`${base}.csv`, exportRosterCsv(roster), 'text/csv;charset=utf-8');
        else {
          const { exportRosterXlsx } = await import('./xlsxCodec');
          download(`${base}.xlsx`, new Uint8Array(await exportRosterXlsx(roster)), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        }
      } catch (e) {
        void message.error(t('errors.generic', { message: e instanceof Error ? e.message : String(e) }));
      }
    },
    [roster, account.communityName, message, t],
  );
  return { download: run };
}
