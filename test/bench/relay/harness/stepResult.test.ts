import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../load/loadResult';
import { judge, stepProblems, StepOutcome } from './stepResult';
import { loadResult, summary } from './testFixtures';

const load = loadResult;

const judged = (result: LoadResult, serverWait: number | null, serverCpu: number | null) =>
  judge(result, stepProblems(result, serverWait), serverCpu);

describe('judge', () => {
  it('holds a step under the limit, whatever the noise', () => {
    expect(judged(load({ schedulerLag: summary(200) }), 30, 40)).toBe(StepOutcome.held);
  });

  it('calls a failure inconclusive when other work or a lagging load process may explain it', () => {
    expect(judged(load({ latency: summary(120) }), 15, 80)).toBe(StepOutcome.disturbed);
    expect(judged(load({ latency: summary(120), schedulerLag: summary(173) }), 2, 80)).toBe(StepOutcome.loadLimited);
  });

  it('counts the failure of a server that used all of its core as its own', () => {
    // Hocuspocus at R = 400 in a real run: 98 % CPU, its main thread waiting on its own GC threads.
    const result = load({ latency: summary(492.8), schedulerLag: summary(173.1), loadWaitPercent: 5 });
    expect(judged(result, 15, 98)).toBe(StepOutcome.slow);
    expect(judged({ ...result, lost: 3 }, 15, 98)).toBe(StepOutcome.lost);
  });

  it('never judges a server when the load process could not offer the load', () => {
    expect(judged(load({ latency: summary(120), loadCpuPercent: 94 }), 0, 98)).toBe(StepOutcome.loadLimited);
    expect(judged(load({ latency: summary(120), achievedRate: 7000 }), 0, 98)).toBe(StepOutcome.loadLimited);
  });
});

describe('stepProblems', () => {
  it('judges other work on the server core by what other processes took of it, not by its main thread wait', () => {
    const failing = load({ latency: summary(120) });
    // Waited 15 % behind its own GC threads, nobody else on its core: not disturbed.
    expect(stepProblems(failing, 15, 2).noise).toEqual([]);
    expect(judge(failing, stepProblems(failing, 15, 2), 80)).toBe(StepOutcome.slow);
    // Other processes took 12 % of its core: disturbed.
    expect(stepProblems(failing, 3, 12).noise).toEqual(["other work took 12% of the server's core"]);
    expect(judge(failing, stepProblems(failing, 3, 12), 80)).toBe(StepOutcome.disturbed);
    // Not measured (older results): the wait decides, as before.
    expect(stepProblems(failing, 15).noise).toEqual(['server waited for its core 15% of the window']);
  });

  it('excuses late write slots when another server held the step under slots at least as late', () => {
    // Write slots 93 ms late at p99, where a run with the same clients held the step with slots
    // 124 ms late (the reference server at R = 400, raw clients, 2026-12-02).
    const failing = load({ latency: summary(149.5), schedulerLag: summary(93) });
    const excused = stepProblems(failing, 12, 0, 124.4);
    expect(excused.load).toEqual([]);
    expect(excused.notes).toEqual(['scheduler lag p99 93.0 ms, a run that held had 124.4 ms']);
    expect(judge(failing, excused, 89)).toBe(StepOutcome.slow);
    // Later than any run that held, or none held: the load may be what failed.
    const later = { ...failing, schedulerLag: summary(176) };
    expect(judge(later, stepProblems(later, 12, 0, 124.4), 89)).toBe(StepOutcome.loadLimited);
    expect(judge(failing, stepProblems(failing, 12, 0, null), 89)).toBe(StepOutcome.loadLimited);
  });
});
