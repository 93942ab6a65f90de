/**
 * A community counts its days in its own time zone (IANA name, default China Standard Time):
 * "today", a visit's date, the day a matter was published. Intl knows the zones, so a name is
 * valid exactly when Intl.DateTimeFormat accepts it.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per zone giving the parts of a time there (Intl formatters are costly to make). */
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', calendar: 'gregory', numberingSystem: 'latn' });
    formatters.set(timeZone, f);
  }
  return f;
}

function partsInZone(time: number, timeZone: string): { day: string; time: string } {
  const p: Record<string, string> = {};
  for (const part of dayFormatter(timeZone).formatToParts(time)) p[part.type] = part.value;
  return { day: `${(p.year ?? '').padStart(4, '0')}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

export function isTimeZone(name: string): boolean {
  try {
    dayFormatter(name);
    return true;
  } catch {
    return false;
  }
}

/** `YYYY-MM-DD` of an epoch-ms time in `timeZone`. */
export function dayInZone(time: number, timeZone: string): string {
  return partsInZone(time, timeZone).day;
}

/** `YYYY-MM-DD HH:mm` (24-hour clock) of an epoch-ms time in `timeZone`. */
export function dateTimeInZone(time: number, timeZone: string): string {
  const p = partsInZone(time, timeZone);
  return `${p.day} ${p.time}`;
}
