// The one place the client turns times into dates: always in the community's time zone (roster
// setting, default Asia/Shanghai), never the browser's, so a phone in another zone, the
// secretary's laptop and the public page name the same day.
import { useMemo } from 'react';
import { DEFAULT_TIME_ZONE } from '@lianxin/model';
import { datesIn, type Dates } from './datesIn';
import { readRosterSettingsDoc } from './reads';
import { useDocView } from './useDocView';

export { datesIn, type Dates };

export function useDates(): Dates {
  // The settings alone: a page that shows dates does not re-read every household on each change.
  const timeZone = useDocView('roster', readRosterSettingsDoc)?.timeZone ?? DEFAULT_TIME_ZONE;
  return useMemo(() => datesIn(timeZone), [timeZone]);
}
