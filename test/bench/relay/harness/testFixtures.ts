// Results shaped like a real run's, for the harness's unit tests.
import type { LoadResult } from '../load/loadResult';
import { StepOutcome } from './stepResult';
import type { StepResult } from './stepResult';
import { TargetId } from './targets';

export const summary = (p99: number) => ({ count: 1000, p50: p99 / 4, p95: p99 / 2, p99, max: p99 * 2 });

export function loadResult(overrides: Partial<LoadResult> = {}): LoadResult {
  return {
    event: 'result',
    rooms: 400,
    writers: 'raw',
    observers: 'raw',
    connectMs: 100,
    targetRate: 8000,
    achievedRate: 8000,
    latency: summary(10),
    expected: 320_000,
    received: 320_000,
    lost: 0,
    duplicates: 0,
    schedulerLag: summary(5),
    eventLoopDelayP99: 5,
    eventLoopDelayMax: 20,
    loadCpuPercent: 60,
    loadWaitPercent: 1,
    drops: 0,
    storedAck: null,
    ...overrides,
  };
}

export function stepResult(outcome: StepOutcome, load: Partial<LoadResult> | null, target: TargetId = TargetId.hocuspocus): StepResult {
  return {
    target,
    rooms: 400,
    outcome,
    load: load === null ? null : loadResult(load),
    serverCpuPercent: 80,
    peakRssMiB: 200,
    loadProblems: [],
    error: outcome === StepOutcome.error ? 'boom' : null,
    earlierAttempts: [],
    windowUs: null,
  };
}
