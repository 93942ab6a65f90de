import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fork, ok, smallCommunity, sync, testContext } from '../testSupport';
import { addMember } from '../roster/memberCommands';
import { projectResolution } from '../public/projectPublic';
import { readRoster } from '../roster/readRoster';
import { evaluateStep } from './evaluateStep';
import { DEFAULT_STEP_RULES, required } from './stepRules';
import { dueSet } from './due';
import { readMeetings } from './readMeetings';
import { addAgendaItem, createMeeting, editMeeting, removeAgendaItem, removeMeeting, setAttendance, type Attendee } from './meetingCommands';
import { createMatter, editMatter, recordStep, removeMatter, voidStepRecord } from './matterCommands';
import type { MatterId, MeetingId } from '../core/ids';
import type { MeetingKind } from '../domain/vocabulary';

const rules = DEFAULT_STEP_RULES.urban;

describe('step rules', () => {
  it('explains a failed quorum in words', () => {
    const e = evaluateStep({ step: 'review', date: '2024-03-20', meetingId: 'm1', due: 31, present: 20, votes: { for: 20, against: 0, abstain: 0 } }, rules.review);
    expect(e.passed).toBe(false);
    expect(e.quorum?.message.zh).toBe('出席 20 人,应到 31 人,未达三分之二(21 人)');
    expect(e.quorum?.message.en).toBe('20 present of 31 due, which falls short of two thirds (21)');
    expect(e.explanation.zh).toContain('党员大会审议未通过');
  });

  it('review needs more than half of those due to approve; resolve more than half of those present', () => {
    const review = evaluateStep({ step: 'review', date: '2024-03-20', meetingId: 'm', due: 31, present: 25, votes: { for: 15, against: 5, abstain: 5 } }, rules.review);
    expect(review.quorum?.passed).toBe(true);
    expect(review.approval?.passed).toBe(false);
    expect(review.approval?.need).toBe(16);
    expect(review.approval?.message.zh).toBe('赞成 15 票、反对 5 票、弃权 5 票,赞成票未超过应到人数的半数(16 票)');
    const resolve = evaluateStep({ step: 'resolve', date: '2024-03-25', meetingId: 'm', due: 30, present: 20, votes: { for: 11, against: 9, abstain: 0 } }, rules.resolve);
    expect(resolve.passed).toBe(true);
    expect(resolve.explanation.zh).toBe('出席 20 人,应到 30 人,达到三分之二(20 人);赞成 11 票、反对 9 票、弃权 0 票,赞成票超过到会人数的半数(11 票)。居(村)民会议决议通过');
    expect(evaluateStep({ step: 'resolve', date: '2024-03-25', meetingId: null, due: 30, present: 20, votes: null }, rules.resolve).passed).toBe(false);
    expect(evaluateStep({ step: 'resolve', date: '2024-03-25', meetingId: 'm', due: 0, present: 0, votes: { for: 0, against: 0, abstain: 0 } }, rules.resolve).explanation.zh).toContain('名册中没有应到人员');
    expect(evaluateStep({ step: 'discloseResult', date: '2024-04-10', meetingId: null, due: null, present: null, votes: null }, rules.discloseResult).passed).toBe(true);
  });

  it('computes thresholds with integer arithmetic', () => {
    const twoThirds = { op: 'atLeast', fraction: { num: 2, den: 3 } } as const;
    const half = { op: 'moreThan', fraction: { num: 1, den: 2 } } as const;
    expect([30, 31, 32, 3, 1, 0].map((n) => required(twoThirds, n))).toEqual([20, 21, 22, 2, 1, 0]);
    expect([31, 30, 2, 1].map((n) => required(half, n))).toEqual([16, 16, 2, 1]);
  });
});

function setup() {
  const s = smallCommunity();
  const roster = readRoster(s.roster).view;
  const doc = new Y.Doc();
  const c = testContext(s.members.wang);
  const matter = ok(createMatter(doc, { title: '增加电动车充电桩', summary: '58号楼旁充电桩紧张', origin: { type: 'concern', concernId: 'c1' as never } }, c));
  const meet = (kind: MeetingKind, date: string, attendees: Attendee[]): MeetingId => {
    const id = ok(createMeeting(doc, { kind, date, place: '党群服务中心' }, c));
    ok(setAttendance(doc, roster, id, attendees, true, c));
    return id;
  };
  const m = (id: string): Attendee => ({ type: 'member', id: id as never });
  const h = (id: string): Attendee => ({ type: 'household', id: id as never });
  return { s, roster, doc, c, matter, meet, m, h };
}

describe('the six steps', () => {
  it('counts due from the roster', () => {
    const { s, roster } = setup();
    expect(dueSet(roster, 'branchCommittee').size).toBe(3);
    expect(dueSet(roster, 'members').size).toBe(4);
    // Households 3, 6, 9, 12 are flagged, plus 蒋全生 as a member.
    expect(dueSet(roster, 'representatives').size).toBe(5);
    expect(dueSet(roster, 'representatives').has(`m:${s.members.jiang}`)).toBe(true);
  });

  it('goes through all six steps in order, recording a failed review too', () => {
    const { s, roster, doc, c, matter, meet, m, h } = setup();
    const { xu, wang, zhao, jiang } = s.members;
    const p1 = meet('branchCommittee', '2024-03-05', [m(xu), m(wang), m(zhao)]);
    const r1 = ok(recordStep(doc, roster, { matterId: matter, step: 'propose', meetingId: p1, votes: { for: 3, against: 0, abstain: 0 } }, c));
    expect(r1.evaluation.passed).toBe(true);
    // Out of order and wrong meeting are refused.
    const early = recordStep(doc, roster, { matterId: matter, step: 'review', meetingId: p1, votes: { for: 3, against: 0, abstain: 0 } }, c);
    expect(early.type === 'rejected' && early.message.zh).toBe('现在应进行“两委会商议”,不能记录“党员大会审议”');
    const wrongKind = recordStep(doc, roster, { matterId: matter, step: 'deliberate', meetingId: meet('courtyard', '2024-03-06', []), votes: { for: 1, against: 0, abstain: 0 } }, c);
    expect(wrongKind.type === 'rejected' && wrongKind.message.zh).toContain('应在两委联席会议或支委会上进行');
    const p2 = meet('jointCommittees', '2024-03-07', [m(xu), m(wang), m(jiang)]);
    const tooMany = recordStep(doc, roster, { matterId: matter, step: 'deliberate', meetingId: p2, votes: { for: 3, against: 0, abstain: 0 } }, c);
    expect(tooMany.type === 'rejected' && tooMany.message.zh).toContain('表决票数合计 3 票(赞成 3、反对 0、弃权 0),多于出席人数 2 人');
    ok(recordStep(doc, roster, { matterId: matter, step: 'deliberate', meetingId: p2, votes: { for: 2, against: 0, abstain: 0 } }, c));
    const a1 = meet('memberAssembly', '2024-03-15', [m(xu), m(wang)]);
    const failed = ok(recordStep(doc, roster, { matterId: matter, step: 'review', meetingId: a1, votes: { for: 2, against: 0, abstain: 0 } }, c));
    expect(failed.evaluation.passed).toBe(false);
    expect(failed.evaluation.quorum?.message.zh).toBe('出席 2 人,应到 4 人,未达三分之二(3 人)');
    let view = readMeetings(doc, rules).view.matters.get(matter)!;
    expect(view.steps.map((x) => x.state)).toEqual(['passed', 'passed', 'failed', 'pending', 'pending', 'pending']);
    expect(view.next).toBe('review');
    const a2 = meet('memberAssembly', '2024-03-20', [m(xu), m(wang), m(zhao)]);
    ok(recordStep(doc, roster, { matterId: matter, step: 'review', meetingId: a2, votes: { for: 3, against: 0, abstain: 0 } }, c));
    const rep = meet('representatives', '2024-03-25', [h(s.households[2]!), h(s.households[5]!), h(s.households[8]!), m(jiang), m(zhao)]);
    const resolved = ok(recordStep(doc, roster, { matterId: matter, step: 'resolve', meetingId: rep, votes: { for: 3, against: 1, abstain: 0 } }, c));
    // 赵殿卿 attended but is not a representative: 4 of 5 present count.
    expect(resolved.evaluation.explanation.zh).toContain('出席 4 人,应到 5 人');
    const noDecision = recordStep(doc, roster, { matterId: matter, step: 'discloseResolution', date: '2024-03-26' }, c);
    expect(noDecision.type === 'rejected' && noDecision.message.zh).toContain('请先填写决议内容');
    ok(editMatter(doc, matter, { decision: '增加6个电动小轿车充电桩' }, c));
    ok(recordStep(doc, roster, { matterId: matter, step: 'discloseResolution', date: '2024-03-26' }, c));
    expect(recordStep(doc, roster, { matterId: matter, step: 'discloseResult', date: '2024-04-10' }, c).type).toBe('rejected');
    ok(editMatter(doc, matter, { resultText: '4月10日安置完毕', completedOn: '2024-04-10' }, c));
    expect(recordStep(doc, roster, { matterId: matter, step: 'discloseResult', date: '2024-03-01' }, c).type).toBe('rejected');
    ok(recordStep(doc, roster, { matterId: matter, step: 'discloseResult', date: '2024-04-10' }, c));
    const read = readMeetings(doc, rules);
    expect(read.problems).toEqual([]);
    view = read.view.matters.get(matter)!;
    expect(view.steps.every((x) => x.state === 'passed')).toBe(true);
    expect(view.next).toBeNull();
    expect(recordStep(doc, roster, { matterId: matter, step: 'discloseResult', date: '2024-04-10' }, c).message.zh).toBe('六个步骤均已完成');
  });

  it('refuses a tally above those present: 赞成 9, 反对 1, 弃权 1 with 7 present (issue 20, item 7)', () => {
    const s = smallCommunity();
    const extra = Array.from({ length: 8 }, (_, i) => ok(addMember(s.roster, { name: `委员${i + 1}`, branchPost: 'member' }, testContext())));
    const roster = readRoster(s.roster).view;
    const doc = new Y.Doc();
    const c = testContext(s.members.wang);
    const matter = ok(createMatter(doc, { title: '修缮58号楼屋面', origin: { type: 'branch' } }, c));
    const meeting = ok(createMeeting(doc, { kind: 'branchCommittee', date: '2024-03-05' }, c));
    const present = [s.members.xu, s.members.wang, s.members.zhao, ...extra.slice(0, 4)].map((id): Attendee => ({ type: 'member', id }));
    ok(setAttendance(doc, roster, meeting, present, true, c));
    ok(setAttendance(doc, roster, meeting, extra.slice(4).map((id): Attendee => ({ type: 'member', id })), false, c));
    const before = Y.encodeStateAsUpdate(doc);
    const r = recordStep(doc, roster, { matterId: matter, step: 'propose', meetingId: meeting, votes: { for: 9, against: 1, abstain: 1 } }, c);
    expect(r.type === 'rejected' && r.code).toBe('invalid-input');
    expect(r.message).toMatchObject({
      key: 'step.votesExceedPresent',
      params: { cast: 11, present: 7 },
      zh: '表决票数合计 11 票(赞成 9、反对 1、弃权 1),多于出席人数 7 人;请核对票数或会议的出席登记',
      en: "11 votes cast (9 for, 1 against, 1 abstaining) but only 7 present; check the tally or the meeting's attendance",
    });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    // A tally that fits is recorded, with nothing to warn about.
    const fits = ok(recordStep(doc, roster, { matterId: matter, step: 'propose', meetingId: meeting, votes: { for: 6, against: 1, abstain: 0 } }, c));
    expect([fits.evaluation.passed, fits.evaluation.warning]).toEqual([true, null]);
  });

  it('records a vote taken at a meeting with no attendance, with a warning that reaches the public disclosure (issue 20, item 7)', () => {
    const { s, roster, doc, c, matter, meet, m } = setup();
    const p1 = meet('branchCommittee', '2024-03-05', []);
    const r = recordStep(doc, roster, { matterId: matter, step: 'propose', meetingId: p1, votes: { for: 3, against: 0, abstain: 0 } }, c);
    expect(r.type).toBe('done');
    if (r.type !== 'done') return;
    const warning = { key: 'step.attendanceMissing', zh: '会议未登记出席,表决票数未与出席人数核对(按投票计出席 3 人)', en: 'No attendance was recorded for the meeting, so the tally was not checked against those present (counted from the votes: 3 present)' };
    expect(r.value.evaluation.warning).toMatchObject(warning);
    expect(r.warnings.map((w) => w.key)).toEqual(['step.attendanceMissing']);
    const record = readMeetings(doc, rules).view.matters.get(matter)!.steps[0]!;
    expect([record.state, record.record!.present, record.record!.due]).toEqual(['passed', null, 3]);
    expect(record.record!.evaluation.warning).toMatchObject(warning);
    // Marking attendance afterwards does not rewrite what was recorded; the next vote is checked.
    const p2 = meet('jointCommittees', '2024-03-07', [m(s.members.xu)]);
    const tooMany = recordStep(doc, roster, { matterId: matter, step: 'deliberate', meetingId: p2, votes: { for: 2, against: 0, abstain: 0 } }, c);
    expect(tooMany.type === 'rejected' && tooMany.message.key).toBe('step.votesExceedPresent');
    // Through all steps, the public disclosure carries the warning beside the step.
    ok(recordStep(doc, roster, { matterId: matter, step: 'deliberate', meetingId: meet('jointCommittees', '2024-03-08', [m(s.members.xu), m(s.members.wang)]), votes: { for: 2, against: 0, abstain: 0 } }, c));
    ok(recordStep(doc, roster, { matterId: matter, step: 'review', meetingId: meet('memberAssembly', '2024-03-15', [m(s.members.xu), m(s.members.wang), m(s.members.zhao)]), votes: { for: 3, against: 0, abstain: 0 } }, c));
    ok(recordStep(doc, roster, { matterId: matter, step: 'resolve', meetingId: meet('representatives', '2024-03-25', []), votes: { for: 4, against: 0, abstain: 0 } }, c));
    ok(editMatter(doc, matter, { decision: '增加6个充电桩' }, c));
    const draft = projectResolution(readMeetings(doc, rules).view, matter)!;
    expect(draft.steps.map((x) => x.warning?.zh ?? null)).toEqual([warning.zh, null, null, '会议未登记出席,表决票数未与出席人数核对(按投票计出席 4 人)']);
  });

  it('warns about a tally above attendance that arrived without the check (an older version)', () => {
    const e = evaluateStep({ step: 'resolve', date: '2024-03-25', meetingId: 'm', due: 10, present: 7, votes: { for: 9, against: 1, abstain: 1 } }, rules.resolve);
    expect(e.warning?.key).toBe('step.votesExceedPresent');
    expect(evaluateStep({ step: 'resolve', date: '2024-03-25', meetingId: 'm', due: 10, present: 7, votes: { for: 5, against: 1, abstain: 1 } }, rules.resolve).warning).toBeNull();
  });

  it('two committee members recording the same step offline: conflict reported, settled by voiding one', () => {
    const { s, roster, doc, c, matter, meet, m } = setup();
    const p1 = meet('branchCommittee', '2024-03-05', [m(s.members.xu), m(s.members.wang), m(s.members.zhao)]);
    const p2 = meet('jointCommittees', '2024-03-07', [m(s.members.xu), m(s.members.wang)]);
    ok(recordStep(doc, roster, { matterId: matter, step: 'propose', meetingId: p1, votes: { for: 3, against: 0, abstain: 0 } }, c));
    const other = fork(doc);
    const mine = ok(recordStep(doc, roster, { matterId: matter, step: 'deliberate', meetingId: p2, votes: { for: 2, against: 0, abstain: 0 } }, c));
    const theirs = ok(recordStep(other, roster, { matterId: matter, step: 'deliberate', meetingId: p2, votes: { for: 2, against: 0, abstain: 0 } }, testContext('other')));
    sync(doc, other);
    for (const d of [doc, other]) {
      const { view, problems } = readMeetings(d, rules);
      const x = view.matters.get(matter)!;
      expect(x.blocked).toBe(true);
      expect(x.steps[1]!.state).toBe('conflict');
      expect(problems.map((p) => p.path).sort()).toEqual([`steps/${mine.recordId}`, `steps/${theirs.recordId}`].sort());
      expect(problems[0]!.code).toBe('step-order');
      expect(problems[0]!.message.zh).toContain('同一步骤被重复记录');
    }
    const blocked = recordStep(doc, roster, { matterId: matter, step: 'review', meetingId: p2, votes: { for: 2, against: 0, abstain: 0 } }, c);
    expect(blocked.type === 'rejected' && blocked.code).toBe('conflict');
    expect(voidStepRecord(doc, theirs.recordId, ' ', c).type).toBe('rejected');
    ok(voidStepRecord(doc, theirs.recordId, '重复记录', c));
    const { view, problems } = readMeetings(doc, rules);
    expect(problems).toEqual([]);
    expect(view.matters.get(matter)!.steps[1]!.record?.id).toBe(mine.recordId);
    expect(view.matters.get(matter)!.next).toBe('review');
  });

  it('a step recorded on a view that was since corrected is reported, never accepted', () => {
    const { s, roster, doc, c, matter, meet, m } = setup();
    const p1 = meet('branchCommittee', '2024-03-05', [m(s.members.xu), m(s.members.wang), m(s.members.zhao)]);
    const p2 = meet('jointCommittees', '2024-03-07', [m(s.members.xu), m(s.members.wang)]);
    const first = ok(recordStep(doc, roster, { matterId: matter, step: 'propose', meetingId: p1, votes: { for: 3, against: 0, abstain: 0 } }, c));
    const other = fork(doc);
    // Here the proposal is voided and recorded again; there, deliberation goes ahead on the old one.
    ok(voidStepRecord(doc, first.recordId, '票数录错', c));
    ok(recordStep(doc, roster, { matterId: matter, step: 'propose', meetingId: p1, votes: { for: 2, against: 1, abstain: 0 } }, c));
    ok(recordStep(other, roster, { matterId: matter, step: 'deliberate', meetingId: p2, votes: { for: 2, against: 0, abstain: 0 } }, testContext('other')));
    sync(doc, other);
    const { view, problems } = readMeetings(other, rules);
    const x = view.matters.get(matter)!;
    expect(x.steps.map((st) => st.state).slice(0, 2)).toEqual(['passed', 'conflict']);
    expect(x.blocked).toBe(true);
    expect(problems[0]!.message.zh).toContain('记录时未看到前一步骤的最新记录');
  });

  it('meetings: edit, agenda, removal rules', () => {
    const { s, roster, doc, c, matter, meet, m } = setup();
    const p1 = meet('branchCommittee', '2024-03-05', [m(s.members.xu)]);
    ok(addAgendaItem(doc, p1, matter, c));
    const second = ok(createMatter(doc, { title: '夜巡排班', origin: { type: 'member', text: '王全河建议' } }, c));
    ok(addAgendaItem(doc, p1, second, c, -1));
    let meeting = readMeetings(doc).view.meetings.get(p1)!;
    expect(meeting.agenda).toEqual([second, matter]);
    expect(meeting.present.size).toBe(1);
    expect(meeting.minutesId).toBe(p1);
    ok(setAttendance(doc, roster, p1, [m(s.members.xu)], false, c));
    ok(removeAgendaItem(doc, p1, second, c));
    ok(editMeeting(doc, p1, { title: '3月支委会', status: 'held' }, c));
    meeting = readMeetings(doc).view.meetings.get(p1)!;
    expect([meeting.title, meeting.status, meeting.present.size, meeting.agenda]).toEqual(['3月支委会', 'held', 0, [matter]]);
    expect(setAttendance(doc, roster, p1, [m('ghost')], true, c).type).toBe('rejected');
    expect(createMeeting(doc, { kind: 'activityDay', date: '2024-02-30' }, c).type).toBe('rejected');
    expect(createMatter(doc, { title: 'x', origin: { type: 'concern' } }, c).type).toBe('rejected');
    ok(setAttendance(doc, roster, p1, [m(s.members.xu), m(s.members.wang), m(s.members.zhao)], true, c));
    ok(recordStep(doc, roster, { matterId: matter, step: 'propose', meetingId: p1, votes: { for: 3, against: 0, abstain: 0 } }, c));
    expect(removeMeeting(doc, p1, c).type).toBe('rejected');
    expect(removeMatter(doc, matter, c).type).toBe('rejected');
    ok(removeMatter(doc, second, c));
    ok(editMeeting(doc, p1, { status: 'cancelled' }, c));
    expect(setAttendance(doc, roster, p1, [m(s.members.xu)], true, c).type).toBe('rejected');
    const empty = ok(createMeeting(doc, { kind: 'activityDay', date: '2024-03-20' }, c));
    expect(readMeetings(doc).view.meetings.get(empty)!.title).toBe('2024-03-20 主题党日');
    ok(removeMeeting(doc, empty, c));
  });

  it('hostile meetings documents never throw', () => {
    const { doc, matter } = setup();
    doc.getMap('steps').set('s1', { matterId: matter, step: 'review', date: '2024-03-01', by: 'x', at: 1 });
    doc.getMap('steps').set('s2', { matterId: 'ghost', step: 'propose', date: '2024-03-01', by: 'x', at: 1 });
    doc.getMap('steps').set('s3', { matterId: matter, step: 'vote', date: '2024-03-01', by: 'x', at: 1 });
    doc.getMap('attendance').set('weird', { present: true, by: 'x', at: 1 });
    doc.getMap('attendance').set('ghost/m:abc', { present: true, by: 'x', at: 1 });
    doc.getMap('agenda').set(`ghost/${matter}`, { order: 1, by: 'x', at: 1 });
    doc.getMap('meetings').set('mt', { kind: 'party', title: 'x', date: '2024-01-01', minutesId: 'mt', createdBy: 'x', createdAt: 1 });
    doc.getMap('matters').set('big', { title: 'x'.repeat(1_000_000), origin: { type: 'branch' }, createdBy: 'x', createdAt: 1 });
    const { view, problems } = readMeetings(doc);
    expect(view.matters.get(matter as MatterId)!.steps[2]!.state).toBe('conflict');
    expect(problems.map((p) => p.path).sort()).toEqual(['agenda/ghost/' + matter, 'attendance/ghost/m:abc', 'attendance/weird', 'matters/big', 'meetings/mt', 'steps/s1', 'steps/s2', 'steps/s3'].sort());
  });
});
