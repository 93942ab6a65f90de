import { useCallback } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { dayOf, exportRosterCsv, type RosterView } from '@lianxin/model';
import { download } from './download';
import { useNotice } from './notice';
import { useSession } from './useSession';

/** Downloads the household roster as CSV (UTF-8 with BOM, for Excel) or XLSX. */
export function useRosterExport(roster: RosterView | null): { download(format: 'csv' | 'xlsx'): Promise<void> } {
  const { account } = useSession();
  const notice = useNotice();
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
        notice.error(t('errors.generic', { message: e instanceof Error ? e.message : String(e) }));
      }
    },
    [roster, account.communityName, notice, t],
  );
  return { download: run };
}
