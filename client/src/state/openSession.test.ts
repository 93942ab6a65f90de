import { describe, expect, it } from 'vitest';
import { CloseCode } from '@lianxin/protocol';
import { aggregateStatus, OfflineReason } from '@lianxin/sync';
import { toStatus } from './openSession';

describe('toStatus', () => {
  it('says a change was refused as too heavy when a document was closed with 4422, 4430 or 4507, even while the others sync', () => {
    for (const code of [CloseCode.tooComplex, CloseCode.cpuBudget, CloseCode.documentTooLarge]) {
      const status = toStatus(
        aggregateStatus({
          roster: { type: 'synced', pending: 0, refused: 0 },
          work: { type: 'offline', pending: 1, refused: 0, reason: OfflineReason.closed, closeCode: code },
        }),
      );
      expect(status).toMatchObject({ pending: 1, tooHeavy: true });
    }
  });
  it('does not for other closes', () => {
    const status = toStatus(aggregateStatus({ work: { type: 'offline', pending: 0, refused: 0, reason: OfflineReason.closed, closeCode: CloseCode.storeFailed } }));
    expect(status.tooHeavy).toBeUndefined();
  });
});
