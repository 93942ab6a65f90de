import { describe, expect, it } from 'vitest';
import type { RunSummary, StepResult } from './stepResult';
import { StepOutcome } from './stepResult';
import { ms, spreadNote } from './report';
import { TargetId } from './targets';

const run = (p99: number | null): RunSummary => ({
  outcome: StepOutcome.held,
  p99,
  lost: 0,
  schedulerLagP99: 1,
  serverCpuPercent: 20,
  serverWaitPercent: 1,
  serverCoreOtherPercent: 0,
  loadWaitPercent: 1,
});

const step = (target: TargetId, p99s?: (number | null)[]): StepResult => ({
  target,
  rooms: 50,
  outcome: StepOutcome.held,
  load: null,
  serverCpuPercent: 20,
  peakRssMiB: 100,
  loadProblems: [],
  error: null,
  earlierAttempts: [],
  windowUs: null,
  ...(p99s ? { runs: p99s.map(run) } : {}),
});

describe('spreadNote', () => {
  it('says when the two servers’ runs overlap', () => {
    expect(spreadNote(step(TargetId.relay, [2.6, 2.2, 2.1]), step(TargetId.yWebsocket, [1.9, 2.3, 1.8]))).toBe(
      '; runs 2.1–2.6 vs 1.8–2.3 ms: the ranges overlap',
    );
  });

  it('says when they do not', () => {
    expect(spreadNote(step(TargetId.relay, [3.6, 5.1, 3.9]), step(TargetId.yWebsocket, [2.8, 3.0, null]))).toBe(
      '; runs 3.6–5.1 vs 2.8–3.0 ms: the ranges do not overlap',
    );
  });

  it('adds nothing for a step run once', () => {
    expect(spreadNote(step(TargetId.relay), step(TargetId.yWebsocket, [1, 2]))).toBe('');
    expect(spreadNote(step(TargetId.relay, [4]), step(TargetId.yWebsocket, [1, 2]))).toBe('');
  });
});

describe('ms', () => {
  it('prints a dash for a sample with no values, as it arrives through JSON', () => {
    // A window in which no write was confirmed: the load's NaN percentiles become null in JSON.
    const empty = JSON.parse(JSON.stringify({ count: 0, p99: Number.NaN })) as { p99: number | null };
    expect(empty.p99).toBeNull();
    expect(ms(empty.p99)).toBe('–');
    expect(ms(undefined)).toBe('–');
    expect(ms(Number.NaN)).toBe('–');
    expect(ms(248.64)).toBe('248.6');
  });
});
