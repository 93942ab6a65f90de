// The moments a route becomes usable, as performance marks (the bench and the e2e tests read
// them; the bench still checks that an input responds).
import { useLayoutEffect } from 'react';
import { markOnce } from './markOnce';

export { markOnce };

/** Marks `lianxin:usable:<route>` in the commit that first renders the page's data (`ready`). */
export function useUsableMark(route: string, ready: boolean): void {
  useLayoutEffect(() => {
    if (ready) markOnce(`lianxin:usable:${route}`);
  }, [route, ready]);
}
