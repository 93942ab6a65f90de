import { useEffect, useState } from 'react';
import type { IsoDate } from '@lianxin/model';
import { useDates } from './useDates';

/** Today's date in the community's time zone, updated when the day changes while the app is open. */
export function useToday(): IsoDate {
  const dates = useDates();
  const [today, setToday] = useState(() => dates.today());
  useEffect(() => {
    setToday(dates.today());
    const timer = setInterval(() => setToday(dates.today()), 60_000);
    return () => clearInterval(timer);
  }, [dates]);
  return today;
}
