/**
 * Where a matter stands in the six steps. Records normally arrive in order (recordStep refuses
 * otherwise), but two committee members offline can each record a step, or record one before
 * seeing that the previous was voided. Such records are never silently accepted: the step shows
 * `conflict` and each offending record is reported with the reason.
 */
import { DocKind } from '@lianxin/protocol';
import { problem, ProblemCode, type Problem } from '../core/problem';
import { message } from '../core/text';
import { LABELS, MATTER_STEPS } from '../domain/vocabulary';
import type { StepRecord, StepStatus } from './meetingsView';

export interface Progress {
  readonly steps: StepStatus[];
  readonly next: StepStatus['step'] | null;
  readonly blocked: boolean;
}

function report(problems: Problem[], title: string, r: StepRecord, zh: string, en: string, key: string): void {
  const step = LABELS.matterStep[r.step];
  problems.push(problem(ProblemCode.stepOrder, DocKind.meetings, `steps/${r.id}`, message(key, { title, step: r.step, date: r.date }, `事项“${title}”的“${step.zh}”记录(${r.date})未被采纳:${zh}`, `The “${step.en}” record (${r.date}) of “${title}” was not accepted: ${en}`)));
}

export function matterProgress(title: string, records: readonly StepRecord[], problems: Problem[]): Progress {
  const live = records.filter((r) => r.voided === null).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const steps: StepStatus[] = [];
  let previous: StepRecord | null = null;
  let stopped = false;
  let blocked = false;
  let next: StepStatus['step'] | null = null;
  for (const step of MATTER_STEPS) {
    const attempts = live.filter((r) => r.step === step);
    if (stopped) {
      for (const r of attempts) report(problems, title, r, '前一步骤尚未通过', 'the previous step has not passed', 'problem.stepBeforePrevious');
      steps.push({ step, state: attempts.length ? 'conflict' : 'pending', record: attempts[attempts.length - 1] ?? null, attempts });
      if (attempts.length) blocked = true;
      continue;
    }
    const inOrder: StepRecord[] = [];
    for (const r of attempts) {
      if ((r.basis ?? null) !== (previous?.id ?? null)) {
        report(problems, title, r, '记录时未看到前一步骤的最新记录(可能是离线时同时记录)', 'it was recorded without seeing the latest record of the previous step (probably recorded offline at the same time)', 'problem.stepStaleBasis');
      } else if (previous && r.date < previous.date) {
        report(problems, title, r, `日期早于前一步骤(${previous.date})`, `it is dated before the previous step (${previous.date})`, 'problem.stepDateOrder');
      } else inOrder.push(r);
    }
    const passing = inOrder.filter((r) => r.evaluation.passed);
    const hasRejected = attempts.length > inOrder.length;
    if (passing.length > 1) {
      for (const r of passing) report(problems, title, r, '同一步骤被重复记录(可能是离线时两人同时记录),请作废其中一条', 'the step was recorded twice (probably by two people offline); void one of them', 'problem.stepDuplicate');
      // Every one of them is reported, so the UI can offer each to be voided.
      steps.push({ step, state: 'conflict', record: passing[0]!, attempts });
      blocked = true;
      stopped = true;
      next = step;
      continue;
    }
    if (passing.length === 1) {
      steps.push({ step, state: 'passed', record: passing[0]!, attempts });
      previous = passing[0]!;
      continue;
    }
    // Nothing accepted for this step: pending or failed, unless only out-of-order records exist.
    const state = hasRejected && inOrder.length === 0 ? 'conflict' : inOrder.length ? 'failed' : 'pending';
    if (state === 'conflict') blocked = true;
    steps.push({ step, state, record: attempts[attempts.length - 1] ?? null, attempts });
    stopped = true;
    next = step;
  }
  return { steps, next, blocked };
}
