import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fork, ok, smallCommunity, sync, testContext } from '../testSupport';
import { readRoster } from '../roster/readRoster';
import { readWork } from './readWork';
import {
  acceptConcern,
  confirmConcern,
  editConcern,
  escalateConcern,
  handBackConcern,
  handlerFor,
  linkConcernToMatter,
  noteConcern,
  removeConcern,
  reopenConcern,
  reportConcern,
  resolveConcern,
} from './concernCommands';
import type { MatterId } from '../core/ids';

function setup() {
  const s = smallCommunity();
  const roster = readRoster(s.roster).view;
  const work = new Y.Doc();
  return { s, roster, work };
}

describe('concerns', () => {
  it('goes member → grid → community and back, with a full history', () => {
    const { s, roster, work } = setup();
    const c = testContext(s.members.jiang);
    // 徐中立 reports the charging problem to 蒋全生 (his linked member).
    const id = ok(reportConcern(work, roster, { title: '电动车充电桩不够', detail: '楼下充电桩紧张', reporter: { type: 'household', householdId: s.households[1]! }, category: 'information' }, c));
    let concern = readWork(work).view.concerns.get(id)!;
    expect([concern.status, concern.level, concern.assignee]).toEqual(['open', 'member', s.members.jiang]);
    expect(concern.place.buildingId).toBe(s.b58);
    ok(acceptConcern(work, id, {}, c.at(0.1)));
    ok(escalateConcern(work, id, { assignee: handlerFor(roster, concern, 'grid'), note: '共性问题' }, c.at(0.2)));
    ok(escalateConcern(work, id, { assignee: handlerFor(roster, concern, 'community') }, c.at(1, s.members.xu)));
    concern = readWork(work).view.concerns.get(id)!;
    expect([concern.status, concern.level, concern.assignee]).toEqual(['open', 'community', s.members.wang]);
    ok(handBackConcern(work, id, { note: '请网格先摸底' }, c.at(2, s.members.wang)));
    expect(readWork(work).view.concerns.get(id)!.level).toBe('grid');
    ok(escalateConcern(work, id, {}, c.at(3, s.members.xu)));
    ok(resolveConcern(work, id, { note: '增加6个充电桩' }, c.at(40, s.members.wang)));
    ok(confirmConcern(work, id, { satisfied: true }, c.at(41)));
    concern = readWork(work).view.concerns.get(id)!;
    expect(concern.status).toBe('confirmed');
    expect(concern.resolvedLevel).toBe('community');
    expect(concern.resolvedBy).toBe(s.members.wang);
    expect(concern.respondedAt).toBe(c.at(0.1).now);
    expect(concern.history.map((e) => e.type)).toEqual(['accept', 'escalate', 'escalate', 'handBack', 'escalate', 'resolve', 'confirm']);
    expect(concern.history.every((e) => e.applied)).toBe(true);
  });

  it('refuses actions that do not fit the state and changes nothing', () => {
    const { s, roster, work } = setup();
    const c = testContext();
    const id = ok(reportConcern(work, roster, { title: '路灯不亮', reporter: { type: 'text', text: '98幢居民' }, level: 'township' }, c));
    const before = Y.encodeStateAsUpdate(work);
    expect(escalateConcern(work, id, {}, c).type).toBe('rejected');
    expect(confirmConcern(work, id, { satisfied: true }, c).type).toBe('rejected');
    expect(reopenConcern(work, id, {}, c).type).toBe('rejected');
    const r = resolveConcern(work, id, { note: '  ' }, c);
    expect(r.type === 'rejected' && r.message.zh).toContain('办结时请说明处理结果');
    expect(acceptConcern(work, id, { assignee: 'ghost' as never }, c, roster).type).toBe('rejected');
    expect(reportConcern(work, roster, { title: '', reporter: { type: 'text', text: 'x' } }, c).type).toBe('rejected');
    expect(reportConcern(work, roster, { title: 'x', reporter: { type: 'household', householdId: 'ghost' } }, c).type).toBe('rejected');
    expect(Y.encodeStateAsUpdate(work)).toEqual(before);
    ok(handBackConcern(work, id, { level: 'member', assignee: s.members.jiang }, c, roster));
    expect(readWork(work).view.concerns.get(id)!.level).toBe('member');
    expect(handBackConcern(work, id, {}, c).type).toBe('rejected');
  });

  it('a dissatisfied resident sends it back to work; notes, links, edits and removal', () => {
    const { roster, work } = setup();
    const c = testContext();
    const id = ok(reportConcern(work, roster, { title: '楼道杂物', reporter: { type: 'text', text: '居民' } }, c));
    ok(resolveConcern(work, id, { note: '已清理' }, c.at(1)));
    ok(confirmConcern(work, id, { satisfied: false, note: '又堆上了' }, c.at(2)));
    let concern = readWork(work).view.concerns.get(id)!;
    expect(concern.status).toBe('inProgress');
    expect(concern.confirmation?.satisfied).toBe(false);
    ok(noteConcern(work, id, '约物业一起处理', c.at(3)));
    ok(linkConcernToMatter(work, id, 'matter1' as MatterId, c.at(3)));
    ok(editConcern(work, id, { title: '楼道杂物堆放' }, c.at(3)));
    concern = readWork(work).view.concerns.get(id)!;
    expect([concern.matterId, concern.title]).toEqual(['matter1', '楼道杂物堆放']);
    ok(removeConcern(work, id, c));
    expect(readWork(work).view.concerns.size).toBe(0);
    expect(work.getMap('concernEvents').size).toBe(0);
  });

  it('offline, one resolves while another escalates: all peers agree and the skipped action is reported', () => {
    const { s, roster, work } = setup();
    const c = testContext();
    const id = ok(reportConcern(work, roster, { title: '水管漏水', reporter: { type: 'household', householdId: s.households[2]! } }, c));
    const a = work;
    const b = fork(work);
    const third = fork(work);
    ok(resolveConcern(a, id, { note: '修好了' }, c.at(1, s.members.jiang)));
    ok(escalateConcern(b, id, { note: '需要物业' }, c.at(2, s.members.jiang)));
    ok(confirmConcern(a, id, { satisfied: true }, c.at(3)));
    sync(a, b);
    sync(b, third);
    const reads = [a, b, third].map((d) => readWork(d));
    const states = reads.map((r) => {
      const x = r.view.concerns.get(id)!;
      return [x.status, x.level, x.history.map((e) => `${e.type}:${e.applied}`).join(',')];
    });
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);
    // Causal order: resolve (seen 0), escalate (seen 0, later), confirm (seen 1).
    expect(states[0]).toEqual(['confirmed', 'member', 'resolve:true,escalate:false,confirm:true']);
    expect(reads[0]!.problems.some((p) => p.code === 'concern-conflict')).toBe(true);
  });

  it('hostile work documents never throw', () => {
    const { roster, work } = setup();
    const c = testContext();
    const id = ok(reportConcern(work, roster, { title: '正常', reporter: { type: 'text', text: '居民' } }, c));
    work.getMap('concerns').set('bad', { title: 5 });
    work.getMap('concernEvents').set('e1', { concernId: id, type: 'explode', by: 'x', at: 1, seen: 0 });
    work.getMap('concernEvents').set('e2', { concernId: 'ghost', type: 'note', note: 'x', by: 'x', at: 1, seen: 0 });
    work.getMap('concernEvents').set('e3', { concernId: id, type: 'resolve', note: 'z'.repeat(1_000_000), by: 'x', at: 1, seen: 0 });
    work.getMap('visits').set('v1', { memberId: 'm', householdId: 'h', date: '2024-02-30x', kind: 'routine', by: 'x', at: 1 });
    work.getMap('mustVisits').set('mv', [1, 2]);
    const { view, problems } = readWork(work);
    expect([...view.concerns.keys()]).toEqual([id]);
    expect(view.concerns.get(id)!.status).toBe('open');
    expect(problems.map((p) => p.path).sort()).toEqual(['concernEvents/e1', 'concernEvents/e2', 'concernEvents/e3', 'concerns/bad', 'mustVisits/mv', 'visits/v1']);
  });
});
