import { afterEach, describe, expect, it, vi } from 'vitest';
import { tokenRefusal, watchTokenExpiry } from './sessionToken';
import { OfflineReason } from './syncStatus';

afterEach(() => {
  vi.useRealTimers();
});

describe('watchTokenExpiry', () => {
  it('says an expired token is expired at once, and a valid one when it expires (past the longest timer too)', () => {
    vi.useFakeTimers({ now: 0 });
    const now = () => Date.now();
    const past = vi.fn();
    watchTokenExpiry(0, now, past);
    expect(past).toHaveBeenCalledTimes(1);

    const later = vi.fn();
    // 30 days: past setTimeout's 24.8-day limit, so it is armed twice.
    watchTokenExpiry(30 * 86_400, now, later);
    vi.advanceTimersByTime(30 * 86_400_000 - 1);
    expect(later).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(later).toHaveBeenCalledTimes(1);

    const stopped = vi.fn();
    const stop = watchTokenExpiry(Date.now() / 1000 + 60, now, stopped);
    stop();
    vi.advanceTimersByTime(3_600_000);
    expect(stopped).not.toHaveBeenCalled();
  });
});

describe('tokenRefusal', () => {
  it("names the token's refusals only", () => {
    expect(tokenRefusal({ type: 'offline', reason: OfflineReason.revoked, pending: 0 } as never)).toBe(OfflineReason.revoked);
    expect(tokenRefusal({ type: 'offline', reason: OfflineReason.expired, pending: 0 } as never)).toBe(OfflineReason.expired);
    expect(tokenRefusal({ type: 'offline', reason: OfflineReason.unreachable, pending: 0 } as never)).toBeNull();
    expect(tokenRefusal(undefined)).toBeNull();
  });
});
