import { describe, expect, it } from 'vitest';
import { settledWithin } from './settledWithin';

const later = <T>(ms: number, value: T, fail = false) => new Promise<T>((resolve, reject) => setTimeout(() => (fail ? reject(new Error('no')) : resolve(value)), ms));

describe('settledWithin', () => {
  it('resolves once all have settled, a rejection included', async () => {
    let done = false;
    const wait = settledWithin([later(10, 1), later(30, 2, true)], 5_000).then(() => (done = true));
    await later(15, null);
    expect(done).toBe(false);
    await wait;
    expect(done).toBe(true);
  });

  it('resolves after the time limit when one never settles', async () => {
    let done = false;
    const wait = settledWithin([new Promise(() => undefined)], 20).then(() => (done = true));
    await later(5, null);
    expect(done).toBe(false);
    await wait;
    expect(done).toBe(true);
  });
});
