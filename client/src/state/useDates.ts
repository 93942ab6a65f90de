// The one place the client turns times into dates: always in the community's time zone (roster
// setting, default Asia/Shanghai), never the browser's, so a phone in another zone, the
// secretary's laptop and the public page name the same day.
import { useMemo } from 'react';
import { dateTimeInZone, dayInZone, DEFAULT_TIME_ZONE, type IsoDate } from '@lianxin/model';
import { readRosterSettingsDoc } from './reads';
import { useDocView } from './useDocView';

export interface Dates {
  readonly timeZone: string;
  /** `YYYY-MM-DD` of an epoch-ms time, or of an ISO timestamp string (relay API). */
  day(time: number | string): string;
  /** `YYYY-MM-DD HH:mm` */
  dateTime(time: number | string): string;
  /** Today's date in the zone. */
  today(): IsoDate;
}

const ms = (time: number | string) => (typeof time === 'number' ? time : Date.parse(time));

export function datesIn(timeZone: string): Dates {
  return {
    timeZone,
    day: (time) => dayInZone(ms(time), timeZone),
    dateTime: (time) => dateTimeInZone(ms(time), timeZone),
    today: () => dayInZone(Date.now(), timeZone) as IsoDate,
  };
}

export function useDates(): Dates {
  // The settings alone: a page that shows dates does not re-read every household on each change.
  const timeZone = useDocView('roster', readRosterSettingsDoc)?.timeZone ?? DEFAULT_TIME_ZONE;
  return useMemo(() => datesIn(timeZone), [timeZone]);
}
