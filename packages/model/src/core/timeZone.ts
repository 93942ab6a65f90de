/**
 * A community counts its days in its own time zone (IANA name, default China Standard Time):
 * "today", a visit's date, the day a matter was published. Intl knows the zones, so a name is
 * valid exactly when Intl.DateTimeFormat accepts it.
 */
import { z } from 'zod';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'gregory', numberingSystem: 'latn' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(name: string): boolean {
  try {
    dayFormatter(name);
    return true;
  } catch {
    return false;
  }
}

export const zTimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'an IANA time zone such as Asia/Shanghai' });

/** `YYYY-MM-DD` of an epoch-ms time in `timeZone`. */
export function dayInZone(time: number, timeZone: string): string {
  let year = '';
  let month = '';
  let day = '';
  for (const p of dayFormatter(timeZone).formatToParts(time)) {
    if (p.type === 'year') year = p.value;
    else if (p.type === 'month') month = p.value;
    else if (p.type === 'day') day = p.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}
