import { useEffect, useState } from 'react';
import { dayOf, type IsoDate } from '@lianxin/model';

/** Today's date in China Standard Time, updated when the day changes while the app is open. */
export function useToday(): IsoDate {
  const [today, setToday] = useState(() => dayOf(Date.now()) as IsoDate);
  useEffect(() => {
    const timer = setInterval(() => setToday(dayOf(Date.now()) as IsoDate), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}
