import { describe, expect, it } from 'vitest';
import { ClientKind } from '../load/loadConfig';
import { nextAttempt } from './nextAttempt';
import { StepOutcome } from './stepResult';
import { stepResult } from './testFixtures';

const providers = { writers: ClientKind.provider, observers: ClientKind.provider };
const rawObservers = { writers: ClientKind.provider, observers: ClientKind.raw };
const raw = { writers: ClientKind.raw, observers: ClientKind.raw };
const auto = { fixedClients: false, retries: 1 };

describe('nextAttempt', () => {
  it('steps a load-limited step down to the lightest clients without using its retry', () => {
    const limited = stepResult(StepOutcome.loadLimited, {});
    expect(nextAttempt(limited, providers, auto, 0)).toEqual({ clients: rawObservers, usesRetry: false });
    // The retry was spent on noise before: lighter clients are still tried.
    expect(nextAttempt(limited, rawObservers, auto, 1)).toEqual({ clients: raw, usesRetry: false });
    // Already the lightest: an ordinary retry while one is left, then the attempts are over.
    expect(nextAttempt(limited, raw, auto, 0)).toEqual({ clients: raw, usesRetry: true });
    expect(nextAttempt(limited, raw, auto, 1)).toBeNull();
  });

  it('retries any other failure with the same clients while retries are left', () => {
    const slow = stepResult(StepOutcome.slow, {});
    expect(nextAttempt(slow, providers, auto, 0)).toEqual({ clients: providers, usesRetry: true });
    expect(nextAttempt(slow, providers, auto, 1)).toBeNull();
    expect(nextAttempt(stepResult(StepOutcome.lost, { lost: 3 }), raw, { fixedClients: false, retries: 0 }, 0)).toBeNull();
  });

  it('keeps clients named with --clients and stops after a held step', () => {
    const limited = stepResult(StepOutcome.loadLimited, {});
    expect(nextAttempt(limited, providers, { fixedClients: true, retries: 1 }, 0)).toEqual({ clients: providers, usesRetry: true });
    expect(nextAttempt(limited, providers, { fixedClients: true, retries: 1 }, 1)).toBeNull();
    expect(nextAttempt(stepResult(StepOutcome.held, {}), providers, auto, 0)).toBeNull();
  });
});
