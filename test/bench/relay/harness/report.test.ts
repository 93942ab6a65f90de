import { describe, expect, it } from 'vitest';
import type { RunSummary, StepResult } from './stepResult';
import { StepOutcome } from './stepResult';
import { compareStep, ms, spreadNote, verdict } from './report';
import { loadResult, summary } from './testFixtures';
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

const step = (target: TargetId, p99s?: (number | null)[], p99?: number): StepResult => ({
  target,
  rooms: 50,
  outcome: StepOutcome.held,
  load: p99 === undefined ? null : loadResult({ latency: summary(p99) }),
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

/** A step run several times, its row being the median run as combineRuns picks it. */
const repeated = (target: TargetId, p99s: number[], outcomes: StepOutcome[] = []): StepResult => {
  const s = step(target, p99s, [...p99s].sort((a, b) => a - b)[Math.floor(p99s.length / 2)]);
  return { ...s, runs: (s.runs ?? []).map((r, i) => ({ ...r, outcome: outcomes[i] ?? r.outcome })) };
};

describe('compareStep', () => {
  it('calls a median run no higher than the reference’s no worse', () => {
    expect(compareStep(repeated(TargetId.relay, [2.8, 3.0, 2.5]), repeated(TargetId.yWebsocket, [2.9, 3.0, 3.1]))).toEqual({ kind: 'no-worse' });
    expect(compareStep(step(TargetId.relay, undefined, 3), step(TargetId.yWebsocket, undefined, 3))).toEqual({ kind: 'no-worse' });
  });

  it('calls a higher single run worse: one run each cannot be tested', () => {
    expect(compareStep(step(TargetId.relay, undefined, 3.1), step(TargetId.yWebsocket, undefined, 3))).toEqual({ kind: 'worse', u: null, of: null, p: null });
  });

  it('calls a higher median worse when 3 + 3 runs are too few for any test to tell (20 orderings)', () => {
    expect(compareStep(repeated(TargetId.relay, [3.2, 3.3, 2.0]), repeated(TargetId.yWebsocket, [2.9, 3.1, 3.3])).kind).toBe('worse');
  });

  it('calls runs that overlap the reference’s within the spread', () => {
    const c = compareStep(repeated(TargetId.relay, [3.6, 4.0, 3.1, 3.2, 3.6]), repeated(TargetId.yWebsocket, [3.3, 3.3, 3.7, 3.5, 2.9]));
    expect(c.kind).toBe('within-spread');
    expect(c).toMatchObject({ u: 15, of: 25 });
  });

  it('calls runs that all rank above the reference’s worse', () => {
    const c = compareStep(repeated(TargetId.relay, [3.6, 4.0, 3.9, 3.7, 3.8]), repeated(TargetId.yWebsocket, [3.3, 3.1, 3.2, 3.0, 3.4]));
    expect(c.kind).toBe('worse');
    expect(c).toMatchObject({ u: 25, of: 25 });
  });

  it('leaves out runs that do not count, as the median run does', () => {
    // Without the two load-limited runs the relay's four are all above the reference's four.
    const relay = repeated(TargetId.relay, [3.6, 4.0, 3.9, 3.7, 1.0, 1.1], [StepOutcome.held, StepOutcome.held, StepOutcome.held, StepOutcome.held, StepOutcome.loadLimited, StepOutcome.loadLimited]);
    const c = compareStep({ ...relay, load: loadResult({ latency: summary(3.9) }) }, repeated(TargetId.yWebsocket, [3.3, 3.1, 3.2, 3.0]));
    expect(c).toMatchObject({ kind: 'worse', u: 16, of: 16 });
  });
});

describe('verdict', () => {
  const at = (rooms: number, s: StepResult): StepResult => ({ ...s, rooms });

  it('is met when the relay is no higher anywhere', () => {
    const lines = verdict([at(50, repeated(TargetId.relay, [2.8, 2.9, 3.0, 2.7])), at(50, repeated(TargetId.yWebsocket, [2.9, 3.0, 3.1, 3.2]))]);
    expect(lines[0]).toMatch(/at every compared step \(R = 50; p99 of the median run .*\): \*\*met\*\*\.$/);
  });

  it('names the step and the test where the relay is higher within the spread', () => {
    const lines = verdict([at(50, repeated(TargetId.relay, [3.6, 4.0, 3.1, 3.2, 3.6])), at(50, repeated(TargetId.yWebsocket, [3.3, 3.3, 3.7, 3.5, 2.9]))]);
    expect(lines[0]).toContain('**met within the run-to-run spread**: at R = 50 (3.6 vs 3.3 ms; runs 3.1–4.0 vs 2.9–3.7 ms: the ranges overlap; one-sided Mann–Whitney U = 15 of 25, p = 0.');
  });

  it('is missed where the relay is measurably higher, even if another step is only within the spread', () => {
    const lines = verdict([
      at(50, repeated(TargetId.relay, [3.6, 4.0, 3.1, 3.2, 3.6])),
      at(50, repeated(TargetId.yWebsocket, [3.3, 3.3, 3.7, 3.5, 2.9])),
      at(100, repeated(TargetId.relay, [6.6, 7.0, 6.9, 6.7, 6.8])),
      at(100, repeated(TargetId.yWebsocket, [5.3, 5.1, 5.2, 5.0, 5.4])),
    ]);
    expect(lines[0]).toContain('**missed** at R = 100 (6.8 vs 5.2 ms; runs 6.6–7.0 vs 5.0–5.4 ms: the ranges do not overlap; one-sided Mann–Whitney U = 25 of 25, p = 0.004)');
    expect(lines[0]).not.toContain('at R = 50 (');
  });

  it('is missed for a higher step run once', () => {
    const lines = verdict([at(800, step(TargetId.relay, undefined, 40)), at(800, step(TargetId.yWebsocket, undefined, 39))]);
    expect(lines[0]).toContain('**missed** at R = 800 (40.0 vs 39.0 ms)');
  });
});
