import type { LoadResult } from '../load/loadResult';
import type { TargetId } from './targets';

/** Why stepping a server stopped at this step, or that it held. */
export const StepOutcome = {
  held: 'held',
  slow: 'p99 > 50 ms',
  lost: 'lost messages',
  loadLimited: 'load generator limit',
  disturbed: 'disturbed by other work',
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
  /** Time the server was runnable but waited for its core (other work), % of the window. */
  readonly serverWaitPercent?: number | null;
  /** CPU time other processes (or the hypervisor) took of the server's core, % of the window. */
  readonly serverCoreOtherPercent?: number | null;
  readonly peakRssMiB: number | null;
  /** Why the load generator is judged not to have kept up, if so. */
  readonly loadProblems: readonly string[];
  readonly error: string | null;
  /** Outcomes of earlier attempts at this step that did not hold (a step is retried once). */
  readonly earlierAttempts: readonly string[];
  /** Inconclusive retries after the attempt reported (its decided failure stands). */
  readonly laterAttempts?: readonly string[];
  /** CLOCK_MONOTONIC µs of the measurement window (see harness/profileSummary.ts). */
  readonly windowUs: readonly [number, number] | null;
  /**
   * When the step was run several times (`--runs`): every run, in the order run. The rest of
   * this result is then the median run's (see harness/combineRuns.ts).
   */
  readonly runs?: readonly RunSummary[];
}

/** One run of a step that was run several times, as reported. */
export interface RunSummary {
  readonly outcome: StepOutcome;
  readonly p99: number | null;
  readonly lost: number | null;
  readonly schedulerLagP99: number | null;
  readonly serverCpuPercent: number | null;
  readonly serverWaitPercent: number | null;
  readonly serverCoreOtherPercent: number | null;
  readonly loadWaitPercent: number | null;
}

export const P99_LIMIT_MS = 50;

/**
 * Thresholds beyond which the load process, not the server, may be what is measured. The lag
 * limit is loose because other work on the shared core also delays timers; latency is
 * measured from the moment a write really left, so a late slot alone does not inflate it.
 */
export const LOAD_LIMITS = { minRateFraction: 0.97, maxCpuPercent: 90, maxSchedulerLagP99Ms: 50 } as const;

/** Run-queue wait (% of the window) above which other work on the cores distorted the step. */
export const MAX_WAIT_PERCENT = 10;

export interface StepProblems {
  /** The load process itself could not keep up. */
  readonly load: readonly string[];
  /** Server or load process waited for their cores: other work on the machine. */
  readonly noise: readonly string[];
  /** Reported, not judged: late write slots that another server held the step under. */
  readonly notes: readonly string[];
}

/**
 * What kept the load from being offered as intended, and what other work disturbed a step. For
 * the server, other work is what other processes took of its core, where that was measured: its
 * main thread's run-queue wait also counts its own GC and worker threads, which share its core
 * and are its own cost (Hocuspocus at 94 % CPU "waited" 15 % of the window).
 */
export function stepProblems(
  load: LoadResult,
  serverWaitPercent: number | null,
  serverCoreOtherPercent: number | null = null,
  heldLagP99Ms: number | null = null,
): StepProblems {
  const own: string[] = [];
  const noise: string[] = [];
  const notes: string[] = [];
  if (serverCoreOtherPercent !== null) {
    if (serverCoreOtherPercent > MAX_WAIT_PERCENT) noise.push(`other work took ${serverCoreOtherPercent.toFixed(0)}% of the server's core`);
  } else if (serverWaitPercent !== null && serverWaitPercent > MAX_WAIT_PERCENT) {
    noise.push(`server waited for its core ${serverWaitPercent.toFixed(0)}% of the window`);
  }
  if (load.loadWaitPercent !== undefined && load.loadWaitPercent > MAX_WAIT_PERCENT) noise.push(`load waited for its core ${load.loadWaitPercent.toFixed(0)}% of the window`);
  if (load.loadCpuPercent > LOAD_LIMITS.maxCpuPercent) own.push(`load process at ${load.loadCpuPercent.toFixed(0)}% CPU`);
  if (load.achievedRate < load.targetRate * LOAD_LIMITS.minRateFraction) {
    own.push(`sent ${load.achievedRate.toFixed(0)}/s of ${load.targetRate}/s`);
  }
  const lag = load.schedulerLag.p99;
  if (lag > LOAD_LIMITS.maxSchedulerLagP99Ms) {
    // Late slots make the offered load burstier. When another server held this step with the
    // same clients under slots at least as late, the bursts do not explain a failure here.
    if (heldLagP99Ms !== null && lag <= heldLagP99Ms) notes.push(`scheduler lag p99 ${lag.toFixed(1)} ms, a run that held had ${heldLagP99Ms.toFixed(1)} ms`);
    else own.push(`scheduler lag p99 ${lag.toFixed(1)} ms`);
  }
  return { load: own, noise, notes };
}

/**
 * Server CPU (all its threads, % of its one core) from which it is saturated. Its main thread's
 * run-queue wait then mostly counts its own GC and worker threads, not other work.
 */
export const SATURATED_CPU_PERCENT = 95;

/**
 * A load process that could not offer the intended load makes any step inconclusive. Other
 * work on the cores (and late write slots, which make the load burstier) only make a server
 * look worse, so they turn a failure into "inconclusive" but never cancel a step it held —
 * unless the server used (nearly) all of its core while the intended load was offered: then
 * it is at its own limit, which neither other work (that would have taken the core from it)
 * nor bursts of the same number of writes explain.
 */
export function judge(load: LoadResult, problems: StepProblems, serverCpuPercent: number | null = null): StepOutcome {
  if (load.loadCpuPercent > LOAD_LIMITS.maxCpuPercent) return StepOutcome.loadLimited;
  if (load.achievedRate < load.targetRate * LOAD_LIMITS.minRateFraction) {
    return problems.noise.length > 0 ? StepOutcome.disturbed : StepOutcome.loadLimited;
  }
  const failed = load.lost > 0 || !(load.latency.p99 <= P99_LIMIT_MS);
  if (!failed) return StepOutcome.held;
  const saturated = serverCpuPercent !== null && serverCpuPercent >= SATURATED_CPU_PERCENT;
  if (!saturated && problems.noise.length > 0) return StepOutcome.disturbed;
  if (!saturated && problems.load.length > 0) return StepOutcome.loadLimited;
  return load.lost > 0 ? StepOutcome.lost : StepOutcome.slow;
}
