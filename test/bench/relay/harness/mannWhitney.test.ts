import { describe, expect, it } from 'vitest';
import { mannWhitneyGreater } from './mannWhitney';

describe('mannWhitneyGreater', () => {
  it('gives the exact tail for two runs each', () => {
    // The 6 orderings of two a's and two b's have U = 0, 1, 2, 2, 3, 4.
    expect(mannWhitneyGreater([3, 4], [1, 2])).toEqual({ u: 4, p: 1 / 6 });
    expect(mannWhitneyGreater([2, 4], [1, 3])).toEqual({ u: 3, p: 2 / 6 });
    expect(mannWhitneyGreater([1, 4], [2, 3])).toEqual({ u: 2, p: 4 / 6 });
    expect(mannWhitneyGreater([1, 2], [3, 4])).toEqual({ u: 0, p: 1 });
  });

  it('finds five runs all above five others unlikely by chance (1 in 252)', () => {
    const { u, p } = mannWhitneyGreater([3.6, 4.0, 3.9, 3.7, 3.8], [3.3, 3.1, 3.2, 3.0, 3.4]);
    expect(u).toBe(25);
    expect(p).toBeCloseTo(1 / 252, 10);
  });

  it('finds interleaved runs unremarkable', () => {
    // The committed run of 2 December at R = 50: relay 3.1–4.0, reference 2.9–3.7 ms.
    const { u, p } = mannWhitneyGreater([3.6, 4.0, 3.1, 3.2, 3.6], [3.3, 3.3, 3.7, 3.5, 2.9]);
    expect(u).toBe(15);
    expect(p).toBeGreaterThan(0.05);
    expect(p).toBeLessThan(0.5);
  });

  it('counts a tie as one half and uses samples of different sizes', () => {
    expect(mannWhitneyGreater([2], [2]).u).toBe(0.5);
    // U = 2 is the maximum for sizes 1 and 2: one ordering in three.
    expect(mannWhitneyGreater([5], [1, 2])).toEqual({ u: 2, p: 1 / 3 });
  });

  it('refuses an empty sample', () => {
    expect(() => mannWhitneyGreater([], [1])).toThrow(/at least one value/);
  });
});
