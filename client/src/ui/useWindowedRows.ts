// A window over a long list of rows of one fixed height: only the rows in view (and a few
// either side) are rendered, the rest stand in as two spacers, so 3,600 rows cost a screenful.
import { useCallback, useState, type UIEvent } from 'react';

export interface RowRange {
  /** the first and one past the last row to render */
  readonly start: number;
  readonly end: number;
  /** the spacers' heights, before and after the rendered rows */
  readonly before: number;
  readonly after: number;
}

export interface RowWindow extends RowRange {
  readonly onScroll: (e: UIEvent<HTMLElement>) => void;
}

const OVERSCAN = 6;

/** The rows of `count` to render in a box `height` px tall scrolled to `top`. */
export function rowRange(count: number, rowHeight: number, height: number, top: number): RowRange {
  const inView = Math.ceil(height / rowHeight);
  // A shorter list (a search) scrolls the box back within it; until its scroll event, clamp here.
  const first = Math.max(0, Math.min(Math.floor(top / rowHeight), count - inView));
  const start = Math.max(0, first - OVERSCAN);
  const end = Math.min(count, first + inView + OVERSCAN);
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight };
}

/** The window of rows to render, following the box's scroll (`onScroll` goes on the box). */
export function useWindowedRows(count: number, rowHeight: number, height: number): RowWindow {
  const [top, setTop] = useState(0);
  const onScroll = useCallback((e: UIEvent<HTMLElement>) => setTop(e.currentTarget.scrollTop), []);
  return { ...rowRange(count, rowHeight, height, top), onScroll };
}
