import type { LoadResult } from '../load/loadResult';
import type { TargetId } from './targets';

/** Why stepping a server stopped at this step, or that it held. */
export const StepOutcome = {
  held: 'held',
  slow: 'p99 > 50 ms',
  lost: 'lost messages',
  loadLimited: 'load generator limit',
  error: 'error',
} as const;
export type StepOutcome = (typeof StepOutcome)[keyof typeof StepOutcome];

export interface StepResult {
  readonly target: TargetId;
  readonly rooms: number;
  readonly outcome: StepOutcome;
  readonly load: LoadResult | null;
  /** Server CPU over the measurement window, % of one core. */
  readonly serverCpuPercent: number | null;
  readonly peakRssMiB: number | null;
  /** Why the load generator is judged not to have kept up, if so. */
  readonly loadProblems: readonly string[];
  readonly error: string | null;
  /** Outcomes of earlier attempts at this step that did not hold (a step is retried once). */
  readonly earlierAttempts: readonly string[];
  /** CLOCK_MONOTONIC µs of the measurement window (see harness/profileSummary.ts). */
  readonly windowUs: readonly [number, number] | null;
}

export const P99_LIMIT_MS = 50;

/**
 * Thresholds beyond which the load process, not the server, may be what is measured. The lag
 * limit is loose because other work on the shared core also delays timers; latency is
 * measured from the moment a write really left, so a late slot alone does not inflate it.
 */
export const LOAD_LIMITS = { minRateFraction: 0.97, maxCpuPercent: 90, maxSchedulerLagP99Ms: 50 } as const;

export function loadProblems(load: LoadResult): string[] {
  const problems: string[] = [];
  if (load.achievedRate < load.targetRate * LOAD_LIMITS.minRateFraction) {
    problems.push(`sent ${load.achievedRate.toFixed(0)}/s of ${load.targetRate}/s`);
  }
  if (load.loadCpuPercent > LOAD_LIMITS.maxCpuPercent) problems.push(`load process at ${load.loadCpuPercent.toFixed(0)}% CPU`);
  if (load.schedulerLag.p99 > LOAD_LIMITS.maxSchedulerLagP99Ms) problems.push(`scheduler lag p99 ${load.schedulerLag.p99.toFixed(1)} ms`);
  return problems;
}

/** A struggling load process can itself delay or miss deliveries, so it is judged first. */
export function judge(load: LoadResult, problems: readonly string[]): StepOutcome {
  if (problems.length > 0) return StepOutcome.loadLimited;
  if (load.lost > 0) return StepOutcome.lost;
  if (!(load.latency.p99 <= P99_LIMIT_MS)) return StepOutcome.slow;
  return StepOutcome.held;
}
