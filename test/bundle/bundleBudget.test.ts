// CI's bundle-size budget: what each community route loads before it is usable (gzip bytes of
// JS + CSS, from the production build's manifest) must not grow past client/bundle-budget.json,
// and all of it must be in the service worker's precache (the route opens offline).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBundleBudget, type BundleBudget } from '../../client/vite/checkBundleBudget';
import { routeBytes, type RouteBytes } from '../../client/vite/routeBytes';
import { ensureClientBuilt } from '../e2e/support/clientBuild';
import { REPO_ROOT } from '../support/relayProcess';

const DIST = join(REPO_ROOT, 'client/dist');
let routes: Record<string, RouteBytes>;

beforeAll(async () => {
  await ensureClientBuilt();
  routes = await routeBytes(DIST);
}, 240_000);

const entry = (total: number): RouteBytes => ({ files: [], jsGzip: total, cssGzip: 0, totalGzip: total });

describe('the bundle budget', () => {
  it('names the route, its size and its budget when a route grows past it, or has none', () => {
    const budget: BundleBudget = { routes: { my: 1000, roster: 2000, gone: 5 } };
    const problems = checkBundleBudget({ my: entry(1200), roster: entry(2000), board: entry(10) }, budget);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^route "my" loads 1\.2 KB \(1200 B gzip.*over its budget of 1\.0 KB \(1000 B\)/);
    expect(problems[1]).toMatch(/^route "board" has no budget/);
    expect(problems[2]).toMatch(/names route "gone", which the build does not have/);
  });

  it('holds for every community route of the production build', () => {
    const budget = JSON.parse(readFileSync(join(REPO_ROOT, 'client/bundle-budget.json'), 'utf8')) as BundleBudget;
    expect(routes.my!.files.some((f) => f.endsWith('.css'))).toBe(true);
    expect(checkBundleBudget(routes, budget)).toEqual([]);
  });

  it('measures a production build', () => {
    // vitest runs with NODE_ENV=test; a build started from a test once inherited it and Vite bundled
    // React's development build (+58 KB gzip on every route, taken for a regression of the tier merges).
    const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;
    expect(Object.values(manifest).map((c) => c.file).filter((f) => /dev-runtime/.test(f))).toEqual([]);
  });

  it('keeps the member’s route under 300 KB (issue 21)', () => {
    expect(routes.my!.totalGzip).toBeLessThan(300 * 1024);
  });

  it.each(['my', 'roster'])('keeps the %s route free of Ant Design before it is usable (issue 21)', (route) => {
    // No antd stylesheet (its class prefix) and no antd providers' chunk on the route before it is usable.
    const css = routes[route]!.files.filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(DIST, f), 'utf8'));
    expect(css.filter((c) => c.includes('.ant-btn') || c.includes('.css-var-'))).toEqual([]);
    expect(routes[route]!.files.some((f) => /\/LocaleProvider-/.test(f))).toBe(false);
  });

  it.each(['my', 'roster'])('keeps classic zod off the %s route: only zod/mini tree-shakes (issue 21)', (route) => {
    // Classic zod's schema classes register under their own names (`ZodObject`); zod/mini's are
    // `ZodMiniObject`, its core's `$ZodObject`. One classic import brings all of classic, 24.5 KB.
    const js = routes[route]!.files.filter((f) => f.endsWith('.js'));
    expect(js.filter((f) => /[`"']ZodObject[`"']/.test(readFileSync(join(DIST, f), 'utf8')))).toEqual([]);
  });

  it('precaches every file a route loads before it is usable', () => {
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    const missing = [...new Set(Object.values(routes).flatMap((r) => r.files))].filter((f) => !sw.includes(`"${f}"`));
    expect(missing).toEqual([]);
  });
});
