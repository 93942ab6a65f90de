import type { Hono } from 'hono';
import type { RouteContext } from '../app';
import { createPublicRoutes, type PublicRoutesOptions } from './publicRoutes';
import { publicSourceFromDocuments } from './publicSourceFromDocuments';

/**
 * Mounts the public pages on the relay (for `AppDeps.routes`): reads `<community>/public` through
 * the relay's read-only document source, logs skipped entries once per document state.
 */
export function mountPublicRoutes(options: Omit<PublicRoutesOptions, 'onProblems'> = {}): (app: Hono, context: RouteContext) => void {
  return function mountPublic(app, { documents, log }) {
    const routes = createPublicRoutes(publicSourceFromDocuments(documents), {
      ...options,
      onProblems: (communityId, problems) =>
        log.warn({ community: communityId, count: problems.length, problems: problems.slice(0, 5).map((p) => ({ code: p.code, path: p.path.slice(0, 120) })) }, 'public document has entries the page skipped'),
    });
    app.route('/', routes);
  };
}
