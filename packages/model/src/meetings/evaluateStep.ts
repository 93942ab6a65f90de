/**
 * Whether a recorded step passes its rule, with the reason in words, e.g.
 * “出席 20 人,应到 31 人,未达三分之二(21 人)”.
 */
import { message, type Message } from '../core/text';
import { LABELS, type MatterStep } from '../domain/vocabulary';
import { required, type Fraction, type StepRule, type Threshold } from './stepRules';
import type { Votes } from './meetingsSchema';

export interface CheckResult {
  readonly passed: boolean;
  /** Count needed. */
  readonly need: number;
  readonly message: Message;
}

export interface StepEvaluation {
  readonly passed: boolean;
  /**
   * Something a reader must know beside the verdict: attendance was not recorded, so the tally
   * was not checked against it (present is then counted from the votes cast); or a tally above
   * attendance that reached this device without recordStep's check (an older version).
   */
  readonly warning: Message | null;
  readonly quorum: CheckResult | null;
  readonly approval: CheckResult | null;
  /** Everything in one sentence, for the page and the disclosure. */
  readonly explanation: Message;
}

const FRACTION_ZH: Readonly<Record<string, string>> = { '1/2': '半数', '2/3': '三分之二', '3/4': '四分之三', '1/3': '三分之一', '4/5': '五分之四' };
const FRACTION_EN: Readonly<Record<string, string>> = { '1/2': 'half', '2/3': 'two thirds', '3/4': 'three quarters', '1/3': 'one third', '4/5': 'four fifths' };

function fractionWords(f: Fraction): { zh: string; en: string } {
  const key = `${f.num}/${f.den}`;
  return { zh: FRACTION_ZH[key] ?? `${f.den}分之${f.num}`, en: FRACTION_EN[key] ?? key };
}

function quorumCheck(t: Threshold, due: number, present: number): CheckResult {
  const need = required(t, due);
  const passed = due > 0 && present >= need;
  const w = fractionWords(t.fraction);
  const zhVerb = t.op === 'atLeast' ? (passed ? '达到' : '未达') : passed ? '超过' : '未超过';
  const enVerb = t.op === 'atLeast' ? (passed ? 'reaches' : 'falls short of') : passed ? 'is more than' : 'is not more than';
  const zhUnit = t.op === 'atLeast' ? `${need} 人` : `至少 ${need} 人`;
  return {
    passed,
    need,
    message: message(
      passed ? 'step.quorum.met' : 'step.quorum.missed',
      { present, due, need, fraction: `${t.fraction.num}/${t.fraction.den}`, op: t.op },
      `出席 ${present} 人,应到 ${due} 人,${zhVerb}${w.zh}(${zhUnit})`,
      `${present} present of ${due} due, which ${enVerb} ${w.en} (${t.op === 'atLeast' ? '' : 'at least '}${need})`,
    ),
  };
}

function approvalCheck(t: Threshold, base: 'due' | 'present', baseCount: number, votes: Votes): CheckResult {
  const need = required(t, baseCount);
  const passed = baseCount > 0 && votes.for >= need;
  const w = fractionWords(t.fraction);
  const baseZh = base === 'due' ? '应到人数' : '到会人数';
  const baseEn = base === 'due' ? 'those due' : 'those present';
  const zhVerb = t.op === 'atLeast' ? (passed ? '达到' : '未达') : passed ? '超过' : '未超过';
  return {
    passed,
    need,
    message: message(
      passed ? 'step.approval.met' : 'step.approval.missed',
      { for: votes.for, against: votes.against, abstain: votes.abstain, need, base, baseCount },
      `赞成 ${votes.for} 票、反对 ${votes.against} 票、弃权 ${votes.abstain} 票,赞成票${zhVerb}${baseZh}的${w.zh}(${need} 票)`,
      `${votes.for} for, ${votes.against} against, ${votes.abstain} abstaining: votes for ${passed ? 'reach' : 'fall short of'} ${t.op === 'atLeast' ? '' : 'more than '}${w.en} of ${baseEn} (${need})`,
    ),
  };
}

/** More votes cast than people present (only people due count): a tally that cannot be right. */
export function tallyProblem(votes: Votes, present: number | null): Message | null {
  const cast = votes.for + votes.against + votes.abstain;
  if (present === null || cast <= present) return null;
  return message(
    'step.votesExceedPresent',
    { cast, present, for: votes.for, against: votes.against, abstain: votes.abstain },
    `表决票数合计 ${cast} 票(赞成 ${votes.for}、反对 ${votes.against}、弃权 ${votes.abstain}),多于出席人数 ${present} 人;请核对票数或会议的出席登记`,
    `${cast} votes cast (${votes.for} for, ${votes.against} against, ${votes.abstain} abstaining) but only ${present} present; check the tally or the meeting's attendance`,
  );
}

function attendanceMissing(votes: Votes | null): Message {
  const cast = votes ? votes.for + votes.against + votes.abstain : 0;
  return votes
    ? message('step.attendanceMissing', { cast }, `会议未登记出席,表决票数未与出席人数核对(按投票计出席 ${cast} 人)`, `No attendance was recorded for the meeting, so the tally was not checked against those present (counted from the votes: ${cast} present)`)
    : message('step.attendanceMissing', { cast }, '会议未登记出席', 'No attendance was recorded for the meeting');
}

export interface StepFacts {
  readonly step: MatterStep;
  readonly date: string;
  readonly meetingId: string | null;
  readonly due: number | null;
  /** Null when the step has a body but its meeting had no attendance recorded. */
  readonly present: number | null;
  readonly votes: Votes | null;
}

export function evaluateStep(facts: StepFacts, rule: StepRule): StepEvaluation {
  const stepLabel = LABELS.matterStep[facts.step];
  if (rule.meeting === 'none' && rule.quorum === null && rule.approval === null) {
    return { passed: true, warning: null, quorum: null, approval: null, explanation: message('step.disclosed', { date: facts.date, step: facts.step }, `${stepLabel.zh}:已于 ${facts.date} 公开`, `${stepLabel.en}: published on ${facts.date}`) };
  }
  const fail = (key: string, zh: string, en: string): StepEvaluation => ({ passed: false, warning: null, quorum: null, approval: null, explanation: message(key, { step: facts.step }, `${stepLabel.zh}未通过:${zh}`, `${stepLabel.en} fails: ${en}`) });
  if (rule.meeting === 'required' && facts.meetingId === null) return fail('step.noMeeting', '须在会议上进行', 'it must be taken at a meeting');
  const due = facts.due ?? 0;
  // Without attendance, every voter was there: the votes cast are who is known to be present.
  const unknown = rule.body !== null && facts.present === null;
  const present = unknown ? (facts.votes ? facts.votes.for + facts.votes.against + facts.votes.abstain : 0) : (facts.present ?? 0);
  const warning = unknown ? attendanceMissing(facts.votes) : facts.votes ? tallyProblem(facts.votes, facts.present) : null;
  if (rule.body !== null && due === 0) return fail('step.noneDue', '名册中没有应到人员。请在「名册 → 党员」里给支委设置支部职务(书记、副书记、委员),给两委成员设置两委职务,或标记居民代表,然后再记录这一步', 'Nobody is due according to the roster. In Roster → Members, give the branch committee their branch posts (secretary, deputy, member), the residents\' committee their posts, or mark representatives; then record this step');
  const quorum = rule.quorum ? quorumCheck(rule.quorum, due, present) : null;
  let approval: CheckResult | null = null;
  if (rule.approval) {
    if (!facts.votes) return { ...fail('step.noVotes', '未记录表决结果', 'no vote was recorded'), warning, quorum };
    approval = approvalCheck(rule.approval.threshold, rule.approval.base, rule.approval.base === 'due' ? due : present, facts.votes);
  }
  const passed = (quorum?.passed ?? true) && (approval?.passed ?? true);
  const parts = [quorum, approval].filter((c): c is CheckResult => c !== null);
  const zh = `${parts.map((p) => p.message.zh).join(';')}。${stepLabel.zh}${passed ? '通过' : '未通过'}`;
  const en = `${parts.map((p) => p.message.en).join('; ')}. ${stepLabel.en}: ${passed ? 'passed' : 'not passed'}`;
  return { passed, warning, quorum, approval, explanation: message(passed ? 'step.passed' : 'step.failed', { step: facts.step, due, present, ...(facts.votes ? { for: facts.votes.for } : {}) }, zh, en) };
}
