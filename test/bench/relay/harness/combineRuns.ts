import type { RunSummary, StepResult } from './stepResult';
import { StepOutcome } from './stepResult';

/** An outcome on the server's own account: it held, or failed with the load really offered. */
export function ownOutcome(outcome: StepOutcome): boolean {
  return outcome === StepOutcome.held || outcome === StepOutcome.slow || outcome === StepOutcome.lost;
}

/** A run whose figures are the server's own. */
export function counts(step: StepResult): boolean {
  return step.load !== null && ownOutcome(step.outcome);
}

export function summarizeRun(step: StepResult): RunSummary {
  return {
    outcome: step.outcome,
    p99: step.load?.latency.p99 ?? null,
    lost: step.load?.lost ?? null,
    schedulerLagP99: step.load?.schedulerLag.p99 ?? null,
    serverCpuPercent: step.serverCpuPercent,
    serverWaitPercent: step.serverWaitPercent ?? null,
    serverCoreOtherPercent: step.serverCoreOtherPercent ?? null,
    loadWaitPercent: step.load?.loadWaitPercent ?? null,
  };
}

/**
 * One result for a step run several times. p99 of a single run is mostly set by a few stalls of
 * the load process or the server (a GC pause, a time slice lost to other work), so one run is a
 * draw; the median run is not. The result is the median run by p99 among the runs that count
 * (upper median for an even number), so every figure in its row comes from one real run. Lost
 * messages are never noise: if a run that counts lost any, the step has lost messages. When
 * fewer than half of the runs count, the step is inconclusive like its first run that did not.
 */
export function combineRuns(runs: readonly StepResult[]): StepResult {
  const first = runs[0];
  if (first === undefined) throw new Error('combineRuns: no runs');
  const summaries = runs.map(summarizeRun);
  const counted = runs.filter(counts);
  if (counted.length * 2 < runs.length) {
    const inconclusive = runs.find((r) => !counts(r)) ?? first;
    return { ...inconclusive, earlierAttempts: [], runs: summaries };
  }
  const byP99 = [...counted].sort((a, b) => (a.load?.latency.p99 ?? Infinity) - (b.load?.latency.p99 ?? Infinity));
  const median = byP99[Math.floor(byP99.length / 2)] as StepResult;
  const lossy = counted.find((r) => (r.load?.lost ?? 0) > 0);
  const outcome = lossy ? StepOutcome.lost : median.outcome;
  return { ...median, outcome, earlierAttempts: [], runs: summaries };
}
