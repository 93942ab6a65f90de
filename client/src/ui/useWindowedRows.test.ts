import { describe, expect, it } from 'vitest';
import { rowRange } from './useWindowedRows';

describe('the rows a windowed list renders', () => {
  it('renders the rows in view and a few either side, the rest as spacers of their height', () => {
    // 3,600 rows of 39 px in a 520 px box: 14 in view.
    expect(rowRange(3600, 39, 520, 0)).toEqual({ start: 0, end: 20, before: 0, after: 3580 * 39 });
    const mid = rowRange(3600, 39, 520, 39 * 1000);
    expect(mid).toEqual({ start: 994, end: 1020, before: 994 * 39, after: 2580 * 39 });
    expect(mid.before + (mid.end - mid.start) * 39 + mid.after).toBe(3600 * 39);
  });

  it('stays within a list shorter than where the box was scrolled (a search narrowed it)', () => {
    expect(rowRange(3, 39, 520, 39 * 1000)).toEqual({ start: 0, end: 3, before: 0, after: 0 });
    expect(rowRange(30, 39, 520, 39 * 1000)).toEqual({ start: 10, end: 30, before: 390, after: 0 });
    expect(rowRange(0, 39, 520, 0)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });
});
