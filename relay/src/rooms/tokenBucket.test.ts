import { describe, expect, it } from 'vitest';
import { TokenBucket } from './tokenBucket';

describe('TokenBucket', () => {
  it('allows a burst, then the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 100; // one token per 100 ms at 10/s
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 10_000; // refills only up to the capacity
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
  it('takes several tokens at once, or none', () => {
    let now = 0;
    const bytes = new TokenBucket(1000, 4000, () => now);
    expect(bytes.take(3000)).toBe(true);
    expect(bytes.take(2000)).toBe(false);
    expect(bytes.take(1000)).toBe(true);
    now += 500;
    expect(bytes.take(500)).toBe(true);
  });
});
