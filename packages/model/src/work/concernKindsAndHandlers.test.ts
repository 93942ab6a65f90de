import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ok, smallCommunity, testContext } from '../testSupport';
import { readRoster } from '../roster/readRoster';
import { editBuilding, editGrid, updateSettings } from '../roster/structureCommands';
import type { ConcernId, MemberId } from '../core/ids';
import { readWork } from './readWork';
import { acceptConcern, escalateConcern, handlerFor, reportConcern } from './concernCommands';
import { concernKindText, DEFAULT_CONCERN_KINDS } from './concernKinds';
import { handlerChoices } from './handlerChoices';
import { WorkLayout } from './workSchema';

function setup() {
  const s = smallCommunity();
  const work = new Y.Doc();
  return { s, roster: () => readRoster(s.roster).view, work };
}
const concern = (work: Y.Doc, id: ConcernId) => readWork(work).view.concerns.get(id)!;

describe('concern kinds (问题类别) are data per community', () => {
  it('defaults to kinds of problem, not duty roles', () => {
    const { roster } = setup();
    expect(roster().settings.concernKinds).toEqual(['环境卫生', '设施维修', '停车', '矛盾纠纷', '治安安全', '邻里互助', '政策咨询', '其他']);
    expect(DEFAULT_CONCERN_KINDS).not.toContain('政策法规宣传员');
  });

  it('a community edits its list; a bad list is refused and changes nothing', () => {
    const { s, roster } = setup();
    const c = testContext();
    ok(updateSettings(s.roster, { concernKinds: ['停车', '飞线充电', '其他'] }, c));
    expect(roster().settings.concernKinds).toEqual(['停车', '飞线充电', '其他']);
    const before = Y.encodeStateAsUpdate(s.roster);
    expect(updateSettings(s.roster, { concernKinds: ['停车', '停车'] }, c).type).toBe('rejected');
    expect(updateSettings(s.roster, { concernKinds: [] }, c).type).toBe('rejected');
    expect(updateSettings(s.roster, { concernKinds: ['  '] }, c).type).toBe('rejected');
    expect(Y.encodeStateAsUpdate(s.roster)).toEqual(before);
  });

  it('a concern stores its kind as written and shows it in both languages', () => {
    const { roster, work } = setup();
    const id = ok(reportConcern(work, roster(), { title: '楼道堆物', reporter: { type: 'text', text: '居民' }, category: '环境卫生' }, testContext()));
    expect(concern(work, id).category).toBe('环境卫生');
    expect(concernKindText('环境卫生')).toEqual({ zh: '环境卫生', en: 'sanitation' });
    expect(concernKindText('飞线充电')).toEqual({ zh: '飞线充电', en: '飞线充电' });
    // Concerns recorded before kinds were data hold a duty role key.
    expect(concernKindText('information').zh).toBe('社情信息收集员');
    expect(concernKindText('constructor')).toEqual({ zh: 'constructor', en: 'constructor' });
  });
});

describe('受理 keeps the handler', () => {
  it('accepting by a committee member who is not in the roster keeps the linked member as assignee', () => {
    const { s, roster, work } = setup();
    const id = ok(reportConcern(work, roster(), { title: '电动车充电', reporter: { type: 'household', householdId: s.households[1]! } }, testContext(s.members.jiang)));
    expect(concern(work, id).assignee).toBe(s.members.jiang);
    ok(acceptConcern(work, id, {}, testContext('committeePerson'), roster()));
    expect([concern(work, id).status, concern(work, id).assignee]).toEqual(['inProgress', s.members.jiang]);
  });

  it('accepting a concern nobody handles makes the accepting person its handler', () => {
    const { s, roster, work } = setup();
    const id = ok(reportConcern(work, roster(), { title: '路灯', reporter: { type: 'text', text: '居民' } }, testContext()));
    ok(acceptConcern(work, id, {}, testContext(s.members.xu), roster()));
    expect(concern(work, id).assignee).toBe(s.members.xu);
  });

  it('an accept written without an assignee (older clients) keeps the handler too', () => {
    const { s, roster, work } = setup();
    const id = ok(reportConcern(work, roster(), { title: '漏水', reporter: { type: 'household', householdId: s.households[1]! } }, testContext()));
    work.getMap(WorkLayout.concernEvents).set('legacyAccept', { concernId: id, by: 'someToken', at: 1, seen: 0, type: 'accept', assignee: null });
    expect(concern(work, id).assignee).toBe(s.members.jiang);
  });
});

describe('escalation may go to committee members and grid leaders', () => {
  it('lists committee members, grid leaders and cadres first, with their posts', () => {
    const { s, roster } = setup();
    const c = testContext();
    ok(editGrid(s.roster, s.grid, { leaderId: s.members.jiang }, c));
    ok(editBuilding(s.roster, s.b59, { cadreId: s.members.zhao }, c));
    const choices = handlerChoices(roster());
    expect(choices.map((h) => h.id)).toEqual([s.members.wang, s.members.xu, s.members.zhao, s.members.jiang]);
    expect(choices[0]!.posts.map((p) => p.zh)).toEqual(['党支部书记', expect.any(String)]);
    expect(choices.find((h) => h.id === s.members.jiang)!.posts.map((p) => p.zh)).toEqual(['网格长']);
    expect(choices.find((h) => h.id === s.members.zhao)!.posts.map((p) => p.zh)).toContain('联片干部');
  });

  it('escalates to a grid leader, to a committee member, or to the acting person; never to a stranger', () => {
    const { s, roster, work } = setup();
    const c = testContext('committeePerson');
    ok(editGrid(s.roster, s.grid, { leaderId: s.members.jiang }, c));
    const id = ok(reportConcern(work, roster(), { title: '停车难', reporter: { type: 'household', householdId: s.households[2]! } }, c));
    ok(escalateConcern(work, id, { assignee: handlerFor(roster(), concern(work, id), 'grid') }, c.at(0.1), roster()));
    expect(concern(work, id).assignee).toBe(s.members.jiang);
    ok(escalateConcern(work, id, { assignee: s.members.zhao }, c.at(0.2), roster()));
    expect([concern(work, id).level, concern(work, id).assignee]).toEqual(['community', s.members.zhao]);
    const before = Y.encodeStateAsUpdate(work);
    expect(escalateConcern(work, id, { assignee: 'stranger' as MemberId }, c.at(0.3), roster()).type).toBe('rejected');
    expect(Y.encodeStateAsUpdate(work)).toEqual(before);
    ok(escalateConcern(work, id, { assignee: 'committeePerson' as MemberId }, c.at(0.4), roster()));
    expect(concern(work, id).assignee).toBe('committeePerson');
  });

  it('suggests the cadre of the building at grid level when the grid has no leader', () => {
    const { s, roster, work } = setup();
    const c = testContext();
    ok(editBuilding(s.roster, s.b58, { cadreId: s.members.zhao }, c));
    const id = ok(reportConcern(work, roster(), { title: '井盖', reporter: { type: 'household', householdId: s.households[3]! } }, c));
    expect(handlerFor(roster(), concern(work, id), 'grid')).toBe(s.members.zhao);
  });
});
