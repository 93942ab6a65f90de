import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { RelayMetrics } from '../metrics';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * `GET /metrics`: Prometheus text for a scraper that presents `Authorization: Bearer <token>`
 * (LIANXIN_METRICS_TOKEN). Without a configured token the route does not exist (404): connection
 * counts and document names are nobody else's business.
 */
export function metricsRoute(metrics: RelayMetrics, token: string | null) {
  const expected = token === null ? null : digest(token);
  return (c: Context): Response => {
    if (expected === null) return c.json({ error: { code: 'not-found', message: 'not found' } }, 404);
    const given = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    // Compare digests so the comparison takes the same time whatever the length given.
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      return c.json({ error: { code: 'unauthorized', message: 'GET /metrics needs the metrics bearer token' } }, 401, { 'www-authenticate': 'Bearer realm="metrics"' });
    }
    return c.text(metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
  };
}
