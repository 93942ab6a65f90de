// 支部争五星's logic on real Yjs documents: the defaults in force until the township edits, the
// first edit writing them (with fixed ids, so two staff adopting offline merge into one set), bad
// input writing nothing, each branch's evidence from its summary, and a later rating replacing.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA, rateBranch, readRegion } from '@lianxin/model';
import { branchStars, criteriaInForce, defaultCriterionId, dropCriterion, editCriterion } from './stars';
import { summaryOf } from './tierFixtures';

const ctx = (now = 1_000) => ({ actor: 'p1', name: '李干部', now });
const view = (doc: Y.Doc) => readRegion(doc).view;

describe('支部争五星', () => {
  it('uses the default criteria until the township edits one; the edit writes the defaults with it', () => {
    const doc = new Y.Doc();
    const before = criteriaInForce(view(doc));
    expect(before.defaults).toBe(true);
    expect(before.criteria.map((c) => c.metric)).toEqual(DEFAULT_CRITERIA.map((c) => c.metric));
    expect(view(doc).criteria).toEqual([]);

    const result = editCriterion(doc, view(doc), defaultCriterionId(2), { threshold: 0.8, title: '问题解决有力(解决率≥80%)' }, ctx());
    expect(result.type).toBe('done');
    const after = criteriaInForce(view(doc));
    expect(after.defaults).toBe(false);
    expect(after.criteria).toHaveLength(DEFAULT_CRITERIA.length);
    expect(after.criteria.find((c) => c.id === defaultCriterionId(2))).toMatchObject({ threshold: 0.8, title: '问题解决有力(解决率≥80%)', metric: 'rates.resolution' });
  });

  it('bad input is refused and writes nothing, not even the defaults', () => {
    const doc = new Y.Doc();
    expect(editCriterion(doc, view(doc), defaultCriterionId(1), { threshold: 5 }, ctx()).type).toBe('rejected');
    expect(editCriterion(doc, view(doc), null, { title: '', metric: 'rates.response', threshold: 0.5 }, ctx()).type).toBe('rejected');
    expect(editCriterion(doc, view(doc), null, { title: '自定义', metric: 'nonsense', threshold: 0.5 }, ctx()).type).toBe('rejected');
    expect(view(doc).criteria).toEqual([]);
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
  });

  it('two staff adopting the defaults offline merge into one set (not two), each keeping their edit', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    editCriterion(a, view(a), null, { title: '党员先锋作用', metric: 'visits.coverage', threshold: 0.95, order: 7 }, ctx());
    dropCriterion(b, view(b), defaultCriterionId(6), ctx());
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const titles = view(a).criteria.map((c) => c.title);
    expect(titles).toEqual(view(b).criteria.map((c) => c.title));
    // Five defaults (one removed on b) and a's own; none doubled.
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toContain('党员先锋作用');
    // (b's removal of a default that a adopted at the same time may not hold: both see the same list.)
    expect(view(a).criteria.map((c) => c.id)).toEqual(view(b).criteria.map((c) => c.id));
  });

  it("fills each branch's evidence from its summary and shows its rating for the year; a later rating replaces", () => {
    const doc = new Y.Doc();
    const { criteria } = criteriaInForce(view(doc));
    const summaries = new Map([['sh-comm', summaryOf({ collected: 10, resolved: 9, inTime: 10, satisfied: 9, linked: 10, visited: 10, decided: 2, disclosed: 4 })]]);
    rateBranch(doc, { communityId: 'sh-comm', year: 2024, stars: 3, notes: '初评' }, ctx(1_000));
    rateBranch(doc, { communityId: 'sh-comm', year: 2024, stars: 5, notes: '复评:六项全部达标' }, ctx(2_000));
    rateBranch(doc, { communityId: 'sh-comm', year: 2023, stars: 2 }, ctx(3_000));
    const lines = branchStars(
      [
        { id: 'sh-comm', name: '三华社区' },
        { id: 'sn-vill', name: '水南村' },
      ],
      summaries,
      criteria,
      view(doc).ratings,
      2024,
    );
    expect(lines[0]!.evidence.items.map((i) => i.met)).toEqual([true, true, true, true, true, true]);
    expect(lines[0]!.evidence.suggested).toBe(5);
    expect(lines[0]!.rating).toMatchObject({ stars: 5, notes: '复评:六项全部达标', by: '李干部' });
    // No summary yet: no evidence (not "not met" figures), no rating.
    expect(lines[1]!.summary).toBeNull();
    expect(lines[1]!.evidence.items.every((i) => i.value === null && !i.met)).toBe(true);
    expect(lines[1]!.rating).toBeNull();
  });
});
