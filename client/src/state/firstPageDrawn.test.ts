import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
  vi.resetModules();
});

const fresh = () => import('./firstPageDrawn');

describe('whenFirstPageDrawn', () => {
  it('runs what waits once the page has drawn, once, and at once after that', async () => {
    const { firstPageDrawn, whenFirstPageDrawn } = await fresh();
    const run = vi.fn();
    whenFirstPageDrawn(run, 10_000);
    expect(run).not.toHaveBeenCalled();
    firstPageDrawn();
    firstPageDrawn();
    expect(run).toHaveBeenCalledTimes(1);
    const later = vi.fn();
    whenFirstPageDrawn(later, 10_000);
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('does not wait forever for a page that never says, and a cancelled wait never runs', async () => {
    vi.useFakeTimers();
    const { firstPageDrawn, whenFirstPageDrawn } = await fresh();
    const run = vi.fn();
    const cancelled = vi.fn();
    whenFirstPageDrawn(run, 3_000);
    whenFirstPageDrawn(cancelled, 3_000)();
    vi.advanceTimersByTime(2_999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    firstPageDrawn();
    expect(run).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
