import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fork, ok, sync, testContext, T0 } from '../testSupport';
import { EscalationsLayout } from './escalationsSchema';
import { readRegion } from './readRegion';
import { rateBranch } from './regionCommands';
import { copyRatings, readSharedRatings } from './sharedRatings';

const DAY = 86_400_000;

function rated() {
  const region = new Y.Doc();
  const ctx = testContext('t');
  ok(rateBranch(region, { communityId: 'sh-comm', year: 2025, stars: 3, notes: '初评' }, { ...ctx, name: '甲', now: T0 }));
  ok(rateBranch(region, { communityId: 'sh-comm', year: 2026, stars: 4, notes: '' }, { ...ctx, name: '乙', now: T0 + DAY }));
  ok(rateBranch(region, { communityId: 'other', year: 2026, stars: 5 }, { ...ctx, name: '乙', now: T0 + DAY }));
  return { region, ctx };
}

describe("the township's rating, copied into the community's escalations", () => {
  it("copies only this community's ratings, per year, with the township's name; a second copy writes nothing", () => {
    const { region } = rated();
    const escalations = new Y.Doc();
    expect(copyRatings(escalations, readRegion(region).view, 'sh-comm', '古镛镇')).toBe(2);
    const shared = readSharedRatings(escalations);
    expect([...shared.byYear.keys()].sort()).toEqual([2025, 2026]);
    expect(shared.latest).toMatchObject({ year: 2026, stars: 4, township: '古镛镇', by: '乙' });
    expect(copyRatings(escalations, readRegion(region).view, 'sh-comm', '古镛镇')).toBe(0);
  });

  it('a later rating replaces the copy; two desk devices copying at once agree', () => {
    const { region, ctx } = rated();
    const escalations = new Y.Doc();
    copyRatings(escalations, readRegion(region).view, 'sh-comm', '古镛镇');
    ok(rateBranch(region, { communityId: 'sh-comm', year: 2026, stars: 5, notes: '复评' }, { ...ctx, name: '丙', now: T0 + 2 * DAY }));
    const a = fork(escalations);
    const b = fork(escalations);
    expect(copyRatings(a, readRegion(region).view, 'sh-comm', '古镛镇')).toBe(1);
    expect(copyRatings(b, readRegion(region).view, 'sh-comm', '古镛镇')).toBe(1);
    sync(a, b);
    expect(readSharedRatings(a).latest).toMatchObject({ year: 2026, stars: 5, notes: '复评', by: '丙' });
    expect(readSharedRatings(b).latest).toEqual(readSharedRatings(a).latest);
    expect(copyRatings(a, readRegion(region).view, 'sh-comm', '古镛镇')).toBe(0);
  });

  it('an entry the region does not hold (written by the community itself) is removed; a mislabelled or hostile one is not read', () => {
    const { region } = rated();
    const escalations = new Y.Doc();
    const map = escalations.getMap(EscalationsLayout.ratings);
    map.set('2024', { year: 2024, stars: 5, township: '古镛镇', notes: '', by: '自评', at: T0 });
    map.set('2023', { year: 2022, stars: 5, township: '古镛镇', notes: '', by: '自评', at: T0 });
    map.set('2021', 'five stars');
    const problems: unknown[] = [];
    const before = readSharedRatings(escalations, problems as never);
    expect([...before.byYear.keys()]).toEqual([2024]);
    expect(problems).toHaveLength(1);
    expect(copyRatings(escalations, readRegion(region).view, 'sh-comm', '古镛镇')).toBe(5);
    expect([...readSharedRatings(escalations).byYear.keys()].sort()).toEqual([2025, 2026]);
    expect([...map.keys()].sort()).toEqual(['2025', '2026']);
  });
});
