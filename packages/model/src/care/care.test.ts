import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ok, smallCommunity, testContext } from '../testSupport';
import { addCareNote, editCareNote, readCare, removeCareNote } from './care';
import { addPoints, addRelation, removePoints, removeRelation } from '../roster/memberCommands';
import { readRoster } from '../roster/readRoster';

const ctx = testContext();

describe('care notes', () => {
  it('adds, edits and removes sensitive notes per household', () => {
    const care = new Y.Doc();
    const a = ok(addCareNote(care, { householdId: 'h1' as never, kind: 'hardship', text: '低保户,丈夫打零工' }, ctx));
    ok(addCareNote(care, { householdId: 'h1' as never, kind: 'elderlyAlone', text: '独居' }, testContext('sec', 99)));
    ok(editCareNote(care, a, { text: '低保户' }, ctx));
    const { view, problems } = readCare(care);
    expect(problems).toEqual([]);
    expect(view.byHousehold.get('h1' as never)?.map((n) => n.kind).sort()).toEqual(['elderlyAlone', 'hardship']);
    expect(view.notes.get(a)?.text).toBe('低保户');
    expect(addCareNote(care, { householdId: 'h1' as never, kind: 'gossip' as never, text: 'x' }, ctx).type).toBe('rejected');
    expect(editCareNote(care, a, { text: 'x'.repeat(6000) }, ctx).type).toBe('rejected');
    ok(removeCareNote(care, a, ctx));
    expect(readCare(care).view.notes.size).toBe(1);
    expect(removeCareNote(care, a, ctx).type).toBe('rejected');
  });

  it('reads hostile care documents without throwing', () => {
    const care = new Y.Doc();
    care.getMap('notes').set('n1', { householdId: 'h1', kind: 'health', text: 'y'.repeat(1_000_000), by: 'x', at: 1 });
    care.getMap('notes').set('n2', 7);
    care.getMap('edits/notes').set('n3/text', 'orphan field');
    const { view, problems } = readCare(care);
    expect(view.notes.size).toBe(0);
    expect(problems.map((p) => p.path).sort()).toEqual(['notes/n1', 'notes/n2']);
  });
});

describe('relations and manual points', () => {
  it('records and removes them, rejecting unknown ids', () => {
    const s = smallCommunity();
    const r = ok(addRelation(s.roster, { memberId: s.members.xu, householdId: s.households[3]!, relation: '老邻居' }, ctx));
    const p = ok(addPoints(s.roster, { memberId: s.members.xu, amount: -2, reason: '未参加主题党日' }, ctx));
    let roster = readRoster(s.roster).view;
    expect(roster.relations.get(r)?.relation).toBe('老邻居');
    expect(roster.points.get(p)).toMatchObject({ amount: -2, by: 'sec', source: 'manual' });
    expect(addPoints(s.roster, { memberId: s.members.xu, amount: 0, reason: 'x' }, ctx).type).toBe('rejected');
    expect(addPoints(s.roster, { memberId: 'ghost', amount: 1, reason: 'x' }, ctx).type).toBe('rejected');
    expect(addRelation(s.roster, { memberId: s.members.xu, householdId: 'ghost' as never, relation: '亲属' }, ctx).type).toBe('rejected');
    ok(removeRelation(s.roster, r, ctx));
    ok(removePoints(s.roster, p, ctx));
    roster = readRoster(s.roster).view;
    expect([roster.relations.size, roster.points.size]).toEqual([0, 0]);
    expect(removePoints(s.roster, p, ctx).type).toBe('rejected');
  });
});
