import { describe, expect, it } from 'vitest';
import { heldLagP99 } from './heldLag';
import { StepOutcome } from './stepResult';
import { TargetId } from './targets';
import { stepResult, summary } from './testFixtures';

describe('heldLagP99', () => {
  it('is the latest write slots of a held run with the same clients', () => {
    const runs = [
      stepResult(StepOutcome.held, { schedulerLag: summary(47) }, TargetId.relay),
      stepResult(StepOutcome.held, { schedulerLag: summary(124) }, TargetId.yWebsocket),
      // Not held, or other clients, or no load result: never counted.
      stepResult(StepOutcome.loadLimited, { schedulerLag: summary(386) }, TargetId.relay),
      stepResult(StepOutcome.held, { schedulerLag: summary(300), observers: 'provider' }, TargetId.relay),
      stepResult(StepOutcome.error, null, TargetId.relay),
    ];
    expect(heldLagP99(runs, 'raw', 'raw')).toBe(124);
    expect(heldLagP99(runs, 'raw', 'provider')).toBe(300);
    expect(heldLagP99(runs, 'provider', 'provider')).toBeNull();
    expect(heldLagP99([], 'raw', 'raw')).toBeNull();
  });
});
