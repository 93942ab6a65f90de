// The desk's kept rows: what is kept of a community's escalations, read back strictly, and the
// list that lists kept rows until each community's document is in.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CaseSchema, actOnCase, daysWaiting, isOverdue, readEscalations, type ConcernId } from '@lianxin/model';
import { deskRowsOf } from './deskRows';
import { parseDeskView, projectDeskView, type DeskRow } from './deskView';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T02:00:00Z');

function escalations(): Y.Doc {
  const doc = new Y.Doc();
  const cases = doc.getMap('cases');
  cases.set('c1', CaseSchema.parse({ title: '小区积水', category: '基础设施', place: '58号楼2单元', reportedAt: T0 - DAY, escalatedAt: T0, escalatedBy: '张书记' }));
  cases.set('c2', CaseSchema.parse({ title: '路灯不亮', reportedAt: T0, escalatedAt: T0 + DAY, escalatedBy: '刘书记' }));
  const r = actOnCase(doc, 'c1' as ConcernId, { type: 'assign', to: { kind: 'department', name: '城建办' }, deadline: '2026-03-05' }, { actor: 't1', name: '陈干部', now: T0 + 2 * DAY });
  if (r.type !== 'done') throw new Error('assign refused');
  return doc;
}

describe('the desk rows kept beside escalations', () => {
  it('keeps what a row shows, and reads back the same rows through a stored copy', () => {
    const rows = projectDeskView(readEscalations(escalations()).view);
    expect(rows).toEqual([
      { id: 'c1', title: '小区积水', state: 'assigned', place: '58号楼2单元', category: '基础设施', escalatedAt: T0, assignment: { to: { kind: 'department', name: '城建办' }, deadline: '2026-03-05' } },
      { id: 'c2', title: '路灯不亮', state: 'waiting', place: '', category: null, escalatedAt: T0 + DAY, assignment: null },
    ]);
    expect(parseDeskView(structuredClone(rows))).toEqual(rows);
  });

  it('counts 督办 and the days waited from the day it is shown, not the day it was kept', () => {
    const [c1] = parseDeskView(projectDeskView(readEscalations(escalations()).view))!;
    expect(isOverdue(c1!, '2026-03-05')).toBe(false);
    expect(isOverdue(c1!, '2026-03-06')).toBe(true);
    expect(daysWaiting(c1!, '2026-03-11')).toBe(10);
  });

  it('refuses rows that are not this format, whole', () => {
    const good: DeskRow = { id: 'c1', title: 't', state: 'waiting', place: '', category: null, escalatedAt: T0, assignment: null };
    expect(parseDeskView(undefined)).toBeNull();
    expect(parseDeskView(null)).toBeNull();
    expect(parseDeskView({ rows: [good] })).toBeNull();
    expect(parseDeskView([good, { ...good, state: 'lost' }])).toBeNull();
    expect(parseDeskView([{ ...good, title: 'x'.repeat(201) }])).toBeNull();
    expect(parseDeskView([{ ...good, assignment: { to: { kind: 'community' }, deadline: '2026-02-30' } }])).toBeNull();
    expect(parseDeskView([{ ...good, escalatedAt: -1 }])).toBeNull();
    expect(parseDeskView(Array.from({ length: 1001 }, (_, i) => ({ ...good, id: `c${i}` })))).toBeNull();
    expect(parseDeskView([])).toEqual([]);
  });
});

describe('deskRowsOf', () => {
  const communities = [
    { id: 'a', name: '三华社区' },
    { id: 'b', name: '水南村' },
    { id: 'c', name: '万安村' },
  ];
  const kept = (id: string, at: number, title = '旧标题'): DeskRow => ({ id, title, state: 'waiting', place: '', category: null, escalatedAt: at, assignment: null });

  it("lists a community's kept rows until its document is loaded, then its live rows instead, newest first", () => {
    const live = readEscalations(escalations()).view;
    const keptRows = new Map([
      ['a', [kept('c1', T0, '小区积水(旧)'), kept('old', T0 - DAY)]],
      ['b', [kept('b1', T0 + 5 * DAY)]],
    ]);
    const before = deskRowsOf(communities, new Map(), keptRows);
    expect(before.map((r) => [r.communityId, r.id, r.kept])).toEqual([
      ['b', 'b1', true],
      ['a', 'c1', true],
      ['a', 'old', true],
    ]);
    const after = deskRowsOf(communities, new Map([['a', live]]), keptRows);
    expect(after.map((r) => [r.communityName, r.id, r.title, r.kept])).toEqual([
      ['水南村', 'b1', '旧标题', true],
      ['三华社区', 'c2', '路灯不亮', false],
      ['三华社区', 'c1', '小区积水', false],
    ]);
  });
});
