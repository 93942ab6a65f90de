import { ClientKind } from '../load/loadConfig';
import { StepOutcome } from './stepResult';
import type { StepResult } from './stepResult';

export interface ClientChoice {
  readonly writers: ClientKind;
  readonly observers: ClientKind;
}

/**
 * The next lighter clients (providers → raw observers → raw), or null: already the lightest, or
 * the clients were fixed with --clients.
 */
export function lighterThan(fixed: boolean, current: ClientChoice): ClientChoice | null {
  if (fixed) return null;
  if (current.observers === ClientKind.provider) return { writers: current.writers, observers: ClientKind.raw };
  if (current.writers === ClientKind.provider) return { writers: ClientKind.raw, observers: ClientKind.raw };
  return null;
}

/**
 * What a single-run step that did not hold runs next, or null when its attempts are over.
 * - The load process could not offer the load: the step is run again with the next lighter
 *   clients. That is a different measurement, not a second chance, so it uses no retry: a
 *   server is then judged with the lightest clients the load core can drive, as the issue asks
 *   ("make it lighter if it cannot"). Hocuspocus's provider saturates the load core at R = 200,
 *   its raw observers still ran 89 ms late, and with one retry its raw clients were never tried.
 * - Otherwise, while retries are left, the same clients again: the cores are shared.
 */
export function nextAttempt(
  step: StepResult,
  current: ClientChoice,
  options: { readonly fixedClients: boolean; readonly retries: number },
  retriesUsed: number,
): { readonly clients: ClientChoice; readonly usesRetry: boolean } | null {
  if (step.outcome === StepOutcome.held) return null;
  const lighter = step.outcome === StepOutcome.loadLimited ? lighterThan(options.fixedClients, current) : null;
  if (lighter) return { clients: lighter, usesRetry: false };
  if (retriesUsed < options.retries) return { clients: current, usesRetry: true };
  return null;
}
