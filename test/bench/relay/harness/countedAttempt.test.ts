import { describe, expect, it } from 'vitest';
import { countedAttempt } from './countedAttempt';
import { StepOutcome } from './stepResult';
import { stepResult, summary } from './testFixtures';

const clients = (): string => 'raw';

describe('countedAttempt', () => {
  it('counts the retry when it decided something', () => {
    const first = stepResult(StepOutcome.loadLimited, { latency: summary(150) });
    const retry = stepResult(StepOutcome.held, { latency: summary(20) });
    const counted = countedAttempt([first, retry], clients);
    expect(counted.outcome).toBe(StepOutcome.held);
    expect(counted.earlierAttempts).toEqual(['load generator limit (raw, p99 150.0 ms, lost 0)']);
    expect(counted.laterAttempts).toEqual([]);
    expect(countedAttempt([stepResult(StepOutcome.slow, { latency: summary(90) }), stepResult(StepOutcome.lost, { lost: 4 })], clients).outcome).toBe(StepOutcome.lost);
  });

  it('keeps a decided failure when the retry was inconclusive', () => {
    const failed = stepResult(StepOutcome.slow, { latency: summary(149.5) });
    const retry = stepResult(StepOutcome.loadLimited, { latency: summary(168.6) });
    const counted = countedAttempt([failed, retry], clients);
    expect(counted.outcome).toBe(StepOutcome.slow);
    expect(counted.load?.latency.p99).toBe(149.5);
    expect(counted.earlierAttempts).toEqual([]);
    expect(counted.laterAttempts).toEqual(['load generator limit (raw, p99 168.6 ms, lost 0)']);
  });

  it('stays inconclusive when no attempt decided anything', () => {
    const counted = countedAttempt([stepResult(StepOutcome.disturbed, { latency: summary(80) }), stepResult(StepOutcome.error, null)], clients);
    expect(counted.outcome).toBe(StepOutcome.error);
    expect(counted.earlierAttempts).toEqual(['disturbed by other work (raw, p99 80.0 ms, lost 0)']);
    expect(() => countedAttempt([], clients)).toThrow('no attempts');
  });
});
