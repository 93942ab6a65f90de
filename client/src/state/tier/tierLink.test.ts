// The committee's link with the township on plain Y.Docs (two devices, a township, a virtual
// clock): what it mirrors, what it brings back, when it publishes the summary, and that two
// devices doing it at once agree.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actOnCase, escalateConcern, readEscalations, readSummary, readWork, reportConcern, readRoster, CaseState, type ConcernId } from '@lianxin/model';
import { fork, ok, smallCommunity, sync, testContext, T0 } from '../../../../packages/model/src/testSupport';
import { startTierLink, type TierLink, type TierPassResult } from './tierLink';

const DAY = 86_400_000;
const MIN = 60_000;

/** Timers on a virtual clock; `advance` runs the due ones in order (idle moments come at once). */
function virtualClock(start = T0 + 10 * DAY) {
  let t = start;
  let timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => t,
    schedule(fn: () => void, ms: number) {
      const timer = { at: t + ms, fn };
      timers.push(timer);
      return () => void (timers = timers.filter((x) => x !== timer));
    },
    async advance(ms: number) {
      const end = t + ms;
      for (;;) {
        const due = timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((x) => x !== due);
        t = due.at;
        due.fn();
        await new Promise((r) => setTimeout(r, 0));
      }
      t = end;
    },
  };
}

/** A community with one concern escalated member → grid → community → township. */
function community() {
  const s = smallCommunity();
  const roster = readRoster(s.roster).view;
  const work = new Y.Doc();
  const c = testContext('sec');
  const id = ok(reportConcern(work, roster, { title: '小区积水', reporter: { type: 'household', householdId: s.households[1]! }, category: '基础设施' }, c));
  for (let i = 1; i <= 3; i++) ok(escalateConcern(work, id, {}, c.at(i / 10)));
  return { roster: s.roster, work, id: id as ConcernId, escalations: new Y.Doc(), summary: new Y.Doc(), meetings: new Y.Doc() };
}

type Docs = ReturnType<typeof community>;

function device(docs: Omit<Docs, 'id'>, clock: ReturnType<typeof virtualClock>, passes: TierPassResult[]): TierLink {
  return startTierLink({ docs, actor: 'sec', now: clock.now, schedule: clock.schedule, idle: () => Promise.resolve(), delayMs: 1000, summaryEveryMs: 5 * MIN, onPass: (p) => passes.push(p) });
}

describe('the tier link (committee devices)', () => {
  it('mirrors an escalated concern at the first idle pass and publishes the summary; a pass with nothing new writes nothing', async () => {
    const docs = community();
    const clock = virtualClock();
    const passes: TierPassResult[] = [];
    const link = device(docs, clock, passes);
    expect(readEscalations(docs.escalations).view.cases.size).toBe(0);
    await clock.advance(1000);
    expect(passes).toEqual([{ mirrored: 1, applied: 0, summaryComputed: true, summaryWritten: true }]);
    expect(readEscalations(docs.escalations).view.cases.get(docs.id)).toMatchObject({ title: '小区积水', state: CaseState.waiting });
    expect(readSummary(docs.summary).summary?.concerns).toMatchObject({ collected: 1, escalatedToTownship: 1 });
    expect(link.runNow()).toEqual({ mirrored: 0, applied: 0, summaryComputed: false, summaryWritten: false });
    link.stop();
  });

  it('a change links within the delay; the summary waits for its interval and is not rewritten when its figures are the same', async () => {
    const docs = community();
    const clock = virtualClock();
    const passes: TierPassResult[] = [];
    const link = device(docs, clock, passes);
    await clock.advance(1000);
    const c = testContext('sec');
    ok(reportConcern(docs.work, readRoster(docs.roster).view, { title: '路灯不亮', reporter: { type: 'text', text: '居民' } }, c.at(1)));
    await clock.advance(1000);
    expect(passes.at(-1)).toMatchObject({ summaryComputed: false });
    expect(readWork(docs.work).view.concerns.size).toBe(2);
    expect(readSummary(docs.summary).summary?.concerns.collected).toBe(1);
    await clock.advance(5 * MIN);
    expect(passes.at(-1)).toMatchObject({ summaryComputed: true, summaryWritten: true });
    expect(readSummary(docs.summary).summary?.concerns.collected).toBe(2);
    // Nothing changed since: no more passes are planned, and a forced one writes nothing.
    const count = passes.length;
    await clock.advance(60 * MIN);
    expect(passes.length).toBe(count);
    const stored = Y.encodeStateVector(docs.summary);
    // Figures the same (the roster touched, nothing it counts): computed, not written.
    docs.roster.getMap('unrelated').set('k', 1);
    await clock.advance(5 * MIN);
    expect(passes.at(-1)).toMatchObject({ summaryComputed: true, summaryWritten: false });
    expect(Y.encodeStateVector(docs.summary)).toEqual(stored);
    link.stop();
  });

  it("two committee devices bring the township's resolution back once and agree on every document", async () => {
    const base = community();
    const clock = virtualClock();
    const a = { roster: base.roster, work: base.work, escalations: base.escalations, summary: base.summary, meetings: base.meetings };
    const b = { roster: fork(base.roster), work: fork(base.work), escalations: fork(base.escalations), summary: fork(base.summary), meetings: fork(base.meetings) };
    const passesA: TierPassResult[] = [];
    const passesB: TierPassResult[] = [];
    const linkA = device(a, clock, passesA);
    const linkB = device(b, clock, passesB);
    await clock.advance(1000);
    // Both mirrored the same case offline; the township (on a copy that has A's) resolves it.
    const township = fork(a.escalations);
    ok(actOnCase(township, base.id, { type: 'resolve', note: '乡镇已协调疏通' }, { actor: 't1', name: '李干部', now: clock.now() }));
    sync(township, a.escalations);
    sync(township, b.escalations);
    await clock.advance(1000);
    expect(passesA.at(-1)).toMatchObject({ applied: 1 });
    expect(passesB.at(-1)).toMatchObject({ applied: 1 });
    for (const kind of ['roster', 'work', 'escalations', 'summary', 'meetings'] as const) sync(a[kind], b[kind]);
    await clock.advance(10 * MIN);
    for (const kind of ['work', 'escalations', 'summary'] as const) sync(a[kind], b[kind]);
    const concern = readWork(a.work).view.concerns.get(base.id)!;
    expect([concern.status, concern.resolvedLevel]).toEqual(['resolved', 'township']);
    expect(concern.history.filter((e) => e.type === 'resolve')).toHaveLength(1);
    expect(readEscalations(a.escalations).view.cases.get(base.id)).toMatchObject({ state: CaseState.resolved, communityStatus: 'resolved' });
    expect(Y.encodeStateAsUpdate(a.escalations)).toEqual(Y.encodeStateAsUpdate(b.escalations));
    expect(readSummary(a.summary).summary?.concerns.resolvedByLevel.township).toBe(1);
    expect(readSummary(b.summary).summary).toEqual(readSummary(a.summary).summary);
    // Once in step, neither device writes again.
    expect(linkA.runNow()).toMatchObject({ mirrored: 0, applied: 0 });
    expect(linkB.runNow()).toMatchObject({ mirrored: 0, applied: 0 });
    linkA.stop();
    linkB.stop();
  });

  it('stops: no pass after stop', async () => {
    const docs = community();
    const clock = virtualClock();
    const passes: TierPassResult[] = [];
    device(docs, clock, passes).stop();
    await clock.advance(10 * MIN);
    expect(passes).toEqual([]);
    expect(readEscalations(docs.escalations).view.cases.size).toBe(0);
  });
});
