import type { ClientKind } from '../load/loadConfig';
import { StepOutcome } from './stepResult';
import type { StepResult } from './stepResult';

/**
 * The latest write slots (scheduler lag p99, ms) under which a run of this step held with the
 * given clients, over every server run so far; null when none held. A server that failed under
 * slots no later than that is not excused by the load's bursts (see stepResult.stepProblems).
 */
export function heldLagP99(runs: readonly StepResult[], writers: ClientKind, observers: ClientKind): number | null {
  let latest: number | null = null;
  for (const run of runs) {
    const load = run.load;
    if (run.outcome !== StepOutcome.held || load === null || load.writers !== writers || load.observers !== observers) continue;
    if (latest === null || load.schedulerLag.p99 > latest) latest = load.schedulerLag.p99;
  }
  return latest;
}
