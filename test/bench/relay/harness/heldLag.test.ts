import { describe, expect, it } from 'vitest';
import { heldLagP99 } from './heldLag';
import { StepOutcome } from './stepResult';
import { TargetId } from './targets';
import { stepResult, summary } from './testFixtures';

describe('heldLagP99', () => {
  it('is the latest write slots of a held run with the same client library and kinds', () => {
    const runs = [
      stepResult(StepOutcome.held, { schedulerLag: summary(47) }, TargetId.relay),
      stepResult(StepOutcome.held, { schedulerLag: summary(124) }, TargetId.yWebsocket),
      // Not held, or other clients, or no load result: never counted.
      stepResult(StepOutcome.loadLimited, { schedulerLag: summary(386) }, TargetId.relay),
      stepResult(StepOutcome.held, { schedulerLag: summary(300), observers: 'provider' }, TargetId.relay),
      stepResult(StepOutcome.error, null, TargetId.relay),
    ];
    expect(heldLagP99(runs, 'y-websocket', 'raw', 'raw')).toBe(124);
    expect(heldLagP99(runs, 'y-websocket', 'raw', 'provider')).toBe(300);
    expect(heldLagP99(runs, 'y-websocket', 'provider', 'provider')).toBeNull();
    expect(heldLagP99([], 'y-websocket', 'raw', 'raw')).toBeNull();
    // Hocuspocus's clients are another library: the others' runs say nothing about its load.
    expect(heldLagP99(runs, 'hocuspocus', 'raw', 'raw')).toBeNull();
    expect(heldLagP99([...runs, stepResult(StepOutcome.held, { schedulerLag: summary(90) }, TargetId.hocuspocus)], 'hocuspocus', 'raw', 'raw')).toBe(90);
  });
});
