import { StepOutcome } from './stepResult';
import type { StepResult } from './stepResult';

const decided = (outcome: StepOutcome): boolean => outcome === StepOutcome.held || outcome === StepOutcome.slow || outcome === StepOutcome.lost;

const label = (step: StepResult, clients: (s: StepResult) => string): string =>
  `${step.outcome}${step.load ? ` (${clients(step)}, p99 ${step.load.latency.p99.toFixed(1)} ms, lost ${step.load.lost})` : ''}`;

/**
 * Which attempt of a single-run step counts. The retry gives a server a second chance against
 * noise on the shared cores: the last attempt counts when it decided something (held, or failed
 * on the server's own account). A retry that was itself inconclusive is no evidence that the
 * failure before it was noise, so then the last decided failure stands. The others are listed
 * in `earlierAttempts` (before the one that counts) and `laterAttempts` (after it).
 */
export function countedAttempt(attempts: readonly StepResult[], clients: (s: StepResult) => string): StepResult {
  const last = attempts.length - 1;
  if (last < 0) throw new Error('no attempts');
  let index = last;
  if (!decided((attempts[last] as StepResult).outcome)) {
    for (let i = last - 1; i >= 0; i--) {
      if (decided((attempts[i] as StepResult).outcome)) {
        index = i;
        break;
      }
    }
  }
  const counted = attempts[index] as StepResult;
  return {
    ...counted,
    earlierAttempts: attempts.slice(0, index).map((s) => label(s, clients)),
    laterAttempts: attempts.slice(index + 1).map((s) => label(s, clients)),
  };
}
