import { describe, expect, it } from 'vitest';
import { coreBusySeconds } from './procStats';

describe('coreBusySeconds', () => {
  it('adds user, nice, system and steal of the core asked for', () => {
    const stat = 'cpu  9 9 9 9 9 9 9 9 0 0\ncpu0 100 10 50 900 5 3 7 40 0 0\ncpu1 1 1 1 1 1 1 1 1 0 0\n';
    const ticks = coreBusySeconds(0, stat) / coreBusySeconds(1, stat);
    expect(ticks).toBe(200 / 4);
    expect(() => coreBusySeconds(2, stat)).toThrow('no cpu2 line');
  });
});
