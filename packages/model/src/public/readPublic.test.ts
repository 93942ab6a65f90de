import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readPublic } from './readPublic';
import { publishBoards, publishCommunity, publishResolution, publishResult, publishStatistics, unpublishMatter } from './publish';
import { PublicLayout } from './publicLayout';
import type { PublicBoardDraft, PublicResolutionDraft, PublicStatisticsDraft } from './publish';

const ctx = { actor: 'sec', now: Date.UTC(2024, 3, 10) };

const resolution: PublicResolutionDraft = {
  matterId: 'mat1',
  title: '增加电动车充电桩',
  summary: '58号楼旁增加6个充电桩',
  decision: '同意增加6个电动小轿车充电桩',
  decidedOn: '2024-04-01',
  steps: [
    {
      step: 'review',
      date: '2024-03-20',
      meeting: { kind: 'memberAssembly', title: '3月党员大会' },
      due: 31,
      present: 25,
      votes: { for: 24, against: 0, abstain: 1 },
      passed: true,
      explanation: { zh: '出席 25 人,应到 31 人,达到三分之二(21 人);赞成 24 票,超过应到人数半数(16 票)', en: '25 of 31 present…' },
    },
  ],
};

const board = (id: string, label: string, grid: string): PublicBoardDraft => ({
  buildingId: id,
  order: 0,
  label,
  compound: null,
  grid: { label: grid, leader: null },
  cadre: { name: '徐上', phone: null, post: { zh: '支部委员', en: 'branch committee member' } },
  householdCount: 24,
  units: [{ unitId: 'u3', label: '3单元', householdCount: 12, members: [{ name: '蒋全生', phone: '13800000000', post: null, households: 6 }], functionHouseholds: [] }],
});

const stats: PublicStatisticsDraft = {
  asOf: '2024-04-10',
  from: null,
  concerns: { collected: 10, responded: 9, resolved: 8, confirmed: 5, satisfied: 4, resolvedByLevel: { member: 5, grid: 2, community: 1, township: 0 } },
  rates: { response: 0.9, resolution: 0.8, satisfaction: 0.8 },
  medianDaysToResolve: 3,
  visits: { linkedHouseholds: 100, visitedWithinInterval: 90, coverage: 0.9, intervalDays: 14 },
  roster: { households: 120, members: 20, linkedHouseholds: 100 },
};

describe('public document', () => {
  it('reads back what was published, joined and ordered', () => {
    const doc = new Y.Doc();
    expect(publishCommunity(doc, { name: '刘村社区', kind: 'urban', township: '豫龙镇', address: null, phone: '0371-1234', officeHours: null, intro: null }, ctx).type).toBe('done');
    expect(publishResolution(doc, resolution, ctx).type).toBe('done');
    expect(publishResult(doc, { matterId: 'mat1', title: '增加电动车充电桩', text: '4月10日安置完毕', completedOn: '2024-04-10' }, { ...ctx, now: ctx.now + 1000 }).type).toBe('done');
    expect(publishBoards(doc, [board('b10', '10号楼', '一网格'), board('b2', '2号楼', '一网格')], ctx).type).toBe('done');
    expect(publishStatistics(doc, stats, ctx).type).toBe('done');

    const { view, problems } = readPublic(doc);
    expect(problems).toEqual([]);
    expect(view.community?.name).toBe('刘村社区');
    expect(view.disclosures).toHaveLength(1);
    expect(view.disclosures[0]?.resolution?.steps[0]?.due).toBe(31);
    expect(view.disclosures[0]?.result?.text).toBe('4月10日安置完毕');
    expect(view.disclosures[0]?.publishedAt).toBe(ctx.now + 1000);
    expect(view.boards.map((b) => b.label)).toEqual(['2号楼', '10号楼']);
    expect(view.statistics?.rates.response).toBe(0.9);
  });

  it('publishBoards replaces the whole set', () => {
    const doc = new Y.Doc();
    publishBoards(doc, [board('b1', '1号楼', 'g'), board('b2', '2号楼', 'g')], ctx);
    const r = publishBoards(doc, [board('b2', '2号楼', 'g')], ctx);
    expect(r.type === 'done' && r.value).toEqual({ published: 1, removed: 1 });
    expect(readPublic(doc).view.boards.map((b) => b.buildingId)).toEqual(['b2']);
  });

  it('rejects invalid drafts and writes nothing', () => {
    const doc = new Y.Doc();
    const bad = { ...resolution, decidedOn: '2024-13-01' };
    const r = publishResolution(doc, bad, ctx);
    expect(r.type).toBe('rejected');
    expect(r.type === 'rejected' && r.code).toBe('invalid-input');
    const r2 = publishBoards(doc, [board('b1', '1号楼', 'g'), { ...board('b2', 'x', 'g'), label: '' }], ctx);
    expect(r2.type).toBe('rejected');
    expect(doc.getMap(PublicLayout.boards).size).toBe(0);
    expect(doc.getMap(PublicLayout.resolutions).size).toBe(0);
  });

  it('strips fields that are not in the public schema', () => {
    const doc = new Y.Doc();
    const sneaky = { ...board('b1', '1号楼', 'g'), careNote: '低保户' } as PublicBoardDraft;
    publishBoards(doc, [sneaky], ctx);
    expect(JSON.stringify(doc.getMap(PublicLayout.boards).toJSON())).not.toContain('低保');
  });

  it('unpublishes a matter', () => {
    const doc = new Y.Doc();
    publishResolution(doc, resolution, ctx);
    expect(unpublishMatter(doc, 'mat1', ctx).type).toBe('done');
    expect(readPublic(doc).view.disclosures).toEqual([]);
    expect(unpublishMatter(doc, 'mat1', ctx).type).toBe('rejected');
  });

  it('never throws on a hostile document and reports each bad entry', () => {
    const doc = new Y.Doc();
    doc.getMap(PublicLayout.community).set('info', 'not an object');
    const res = doc.getMap<unknown>(PublicLayout.resolutions);
    res.set('good', { ...resolution, matterId: 'good', publishedAt: 1 });
    res.set('alias', { ...resolution, matterId: 'good', publishedAt: 1 });
    res.set('huge', { ...resolution, matterId: 'huge', title: 'x'.repeat(1_000_000), publishedAt: 1 });
    res.set('bad key!', { ...resolution, publishedAt: 1 });
    res.set('ymap', new Y.Map());
    res.set('num', 42);
    res.set('arr', [1, 2]);
    res.set('nul', null);
    doc.getMap<unknown>(PublicLayout.boards).set('b1', { ...board('b1', '1号楼', 'g'), publishedAt: 1, units: 'nope' });
    doc.getMap<unknown>(PublicLayout.statistics).set('current', { asOf: 'yesterday' });
    doc.getMap<unknown>(PublicLayout.results).set('r', new Uint8Array([1, 2, 3]));
    const { view, problems } = readPublic(doc);
    expect(view.community).toBeNull();
    expect(view.disclosures.map((d) => d.matterId)).toEqual(['good']);
    expect(view.boards).toEqual([]);
    expect(view.statistics).toBeNull();
    expect(problems.map((p) => p.path).sort()).toEqual(
      ['community/info', 'resolutions/alias', 'resolutions/huge', 'resolutions/bad key!', 'resolutions/ymap', 'resolutions/num', 'resolutions/arr', 'resolutions/nul', 'boards/b1', 'statistics/current', 'results/r'].sort(),
    );
    for (const p of problems) expect(p.message.zh.length).toBeLessThan(400);
  });

  it('reports a top-level name already used as another type', () => {
    const doc = new Y.Doc();
    doc.getArray(PublicLayout.boards);
    const { view, problems } = readPublic(doc);
    expect(view.boards).toEqual([]);
    expect(problems.some((p) => p.code === 'wrong-type' && p.path === 'boards')).toBe(true);
  });
});
