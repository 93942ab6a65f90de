/**
 * Compares what each route loads (routeBytes) with the checked-in budget (client/bundle-budget.json):
 * one readable line per route that grew past its budget, or that has no budget yet.
 */
import type { RouteBytes } from './routeBytes';

export interface BundleBudget {
  /** gzip bytes each route may load before it is usable */
  readonly routes: Readonly<Record<string, number>>;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function checkBundleBudget(measured: Readonly<Record<string, RouteBytes>>, budget: BundleBudget): string[] {
  const problems: string[] = [];
  for (const [route, r] of Object.entries(measured)) {
    const limit = budget.routes[route];
    if (limit === undefined) {
      problems.push(`route "${route}" has no budget: it loads ${kb(r.totalGzip)} (${r.totalGzip} B gzip); add it to client/bundle-budget.json`);
    } else if (r.totalGzip > limit) {
      problems.push(
        `route "${route}" loads ${kb(r.totalGzip)} (${r.totalGzip} B gzip: JS ${kb(r.jsGzip)}, CSS ${kb(r.cssGzip)}) before it is usable, over its budget of ${kb(limit)} (${limit} B) by ${kb(r.totalGzip - limit)}`,
      );
    }
  }
  for (const route of Object.keys(budget.routes)) {
    if (!(route in measured)) problems.push(`client/bundle-budget.json names route "${route}", which the build does not have`);
  }
  return problems;
}
