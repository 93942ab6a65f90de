import type { ClientFamily, ClientKind } from '../load/loadConfig';
import { CLIENT_FAMILY } from './targets';
import { StepOutcome } from './stepResult';
import type { StepResult } from './stepResult';

/**
 * The latest write slots (scheduler lag p99, ms) under which a run of this step held with the
 * same clients — same library and kinds — over every server run so far; null when none held. A
 * server that failed under slots no later than that is not excused by the load's bursts (see
 * stepResult.stepProblems). Another library's clients cost the load process differently
 * (@hocuspocus/provider more than the y-websocket provider), so their lag says nothing here.
 */
export function heldLagP99(runs: readonly StepResult[], family: ClientFamily, writers: ClientKind, observers: ClientKind): number | null {
  let latest: number | null = null;
  for (const run of runs) {
    const load = run.load;
    if (run.outcome !== StepOutcome.held || load === null || CLIENT_FAMILY[run.target] !== family) continue;
    if (load.writers !== writers || load.observers !== observers) continue;
    if (latest === null || load.schedulerLag.p99 > latest) latest = load.schedulerLag.p99;
  }
  return latest;
}
