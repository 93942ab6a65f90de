// Dates in one time zone (useDates.ts says why always the community's). Without the roster's
// read, so a page drawn from a kept view can name today before the model's reads load.
import { dateTimeInZone, dayInZone, type IsoDate } from '@lianxin/model';

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

