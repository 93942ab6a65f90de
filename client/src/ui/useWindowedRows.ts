// A window over a long list of rows of one fixed height: only the rows in view (and a few
// either side) are rendered, the rest stand in as two spacers, so 3,600 rows cost a screenful.
import { useCallback, useState, type UIEvent } from 'react';

export interface RowWindow {
  /** the first and one past the last row to render */
  readonly start: number;
  readonly end: number;
  /** the spacers' heights, before and after the rendered rows */
  readonly before: number;
  readonly after: number;
  readonly onScroll: (e: UIEvent<HTMLElement>) => void;
}

const OVERSCAN = 6;

/** The rows of `count` to render in a box `height` px tall, scrolled as its `onScroll` reports. */
export function useWindowedRows(count: number, rowHeight: number, height: number): RowWindow {
  const [top, setTop] = useState(0);
  const onScroll = useCallback((e: UIEvent<HTMLElement>) => setTop(e.currentTarget.scrollTop), []);
  // A shorter list (a search) scrolls the box back within it; until its scroll event, clamp here.
  const first = Math.min(Math.floor(top / rowHeight), Math.max(0, count - Math.ceil(height / rowHeight)));
  const start = Math.max(0, first - OVERSCAN);
  const end = Math.min(count, first + Math.ceil(height / rowHeight) + OVERSCAN);
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight, onScroll };
}
