import { describe, expect, it } from 'vitest';
import { aggregateStatus, isFatal, sameStatus, type SyncStatus } from './syncStatus';

const synced = (pending = 0, refused = 0): SyncStatus => ({ type: 'synced', pending, refused });
const connecting = (pending = 0): SyncStatus => ({ type: 'connecting', pending, refused: 0 });
const offline = (reason: 'unreachable' | 'revoked' | 'stopped' | 'closed', pending = 0, closeCode?: number): SyncStatus =>
  closeCode === undefined ? { type: 'offline', pending, refused: 0, reason } : { type: 'offline', pending, refused: 0, reason, closeCode };

describe('aggregateStatus', () => {
  it('is synced only when every document is, and sums counts', () => {
    const s = aggregateStatus({ roster: synced(2), work: synced(1, 3) });
    expect(s).toMatchObject({ type: 'synced', pending: 3, refused: 3 });
    expect(s.docs.roster).toEqual(synced(2));
    expect(aggregateStatus({ roster: synced(), work: connecting(1) })).toMatchObject({ type: 'connecting', pending: 1 });
  });

  it('a fatal document wins over everything', () => {
    const s = aggregateStatus({ roster: synced(), work: offline('revoked', 2, 4403), public: connecting() });
    expect(s).toMatchObject({ type: 'offline', reason: 'revoked', closeCode: 4403, pending: 2 });
    expect(isFatal(s)).toBe(true);
  });

  it('connecting beats a non-fatal offline; otherwise the most serious reason', () => {
    expect(aggregateStatus({ roster: offline('unreachable'), work: connecting() }).type).toBe('connecting');
    expect(aggregateStatus({ roster: offline('unreachable'), work: offline('closed', 0, 4429), care: synced() })).toMatchObject({
      type: 'offline',
      reason: 'closed',
      closeCode: 4429,
    });
    expect(aggregateStatus({})).toMatchObject({ type: 'offline', reason: 'stopped' });
  });
});

describe('sameStatus', () => {
  it('compares every field', () => {
    expect(sameStatus(synced(1), synced(1))).toBe(true);
    expect(sameStatus(synced(1), synced(2))).toBe(false);
    expect(sameStatus(synced(0, 1), synced(0, 0))).toBe(false);
    expect(sameStatus(offline('closed', 0, 4429), offline('closed', 0, 4500))).toBe(false);
    expect(sameStatus(offline('unreachable'), connecting())).toBe(false);
  });
});
