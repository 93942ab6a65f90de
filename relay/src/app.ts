import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { createNodeWebSocket, type NodeWebSocket } from '@hono/node-ws';
import type { AuthDeps } from './auth/authenticate';
import { SetupCode } from './auth/SetupCode';
import type { RelayConfig } from './config';
import { createDocumentSource, type DocumentSource } from './documentSource';
import { apiRoutes } from './http/apiRoutes';
import { handleError } from './http/ApiError';
import { RelayWebSocket } from './http/RelayWebSocket';
import { staticFiles } from './http/staticFiles';
import { syncHandler } from './http/syncRoute';
import { redactUrl, type Logger } from './logger';
import { RelayMetrics } from './metrics';
import { RoomRegistry } from './rooms/RoomRegistry';
import type { Store } from './store/Store';

export interface AppDeps {
  readonly config: RelayConfig;
  readonly store: Store;
  /** HMAC key for tokens (see auth/secret.ts) */
  readonly secret: string;
  readonly log: Logger;
  /** one-time setup code holder; a fresh (inactive) one when absent */
  readonly setup?: SetupCode;
  /** ms since epoch; tests move time */
  readonly now?: () => number;
  /**
   * Extra routes, mounted after /healthz and /metrics and before /api, /sync and the static client
   * (e.g. `/p/:community` and `/api/public/:community`, issue 5: /api's catch-all 404 would
   * otherwise shadow them). They receive the read-only document source.
   */
  readonly routes?: readonly ((app: Hono, context: RouteContext) => void)[];
}

/** What extra routes may use. */
export interface RouteContext {
  readonly documents: DocumentSource;
  readonly log: Logger;
  readonly config: RelayConfig;
}

export interface RelayApp {
  readonly app: Hono;
  readonly registry: RoomRegistry;
  readonly documents: DocumentSource;
  readonly metrics: RelayMetrics;
  readonly setup: SetupCode;
  /** Attach to the Node HTTP server so /sync upgrades reach the app (server.ts does it). */
  readonly injectWebSocket: NodeWebSocket['injectWebSocket'];
  /** The WebSocket server behind /sync (server.ts terminates stragglers at shutdown). */
  readonly webSockets: NodeWebSocket['wss'];
}

/** Builds the relay's Hono app from its dependencies. Listens on nothing. */
export function createApp(deps: AppDeps): RelayApp {
  const { config, store, log } = deps;
  const now = deps.now ?? Date.now;
  const setup = deps.setup ?? new SetupCode();
  const metrics = new RelayMetrics();
  const registry = new RoomRegistry({ store, config, log, metrics });
  const documents = createDocumentSource(store, registry);
  const auth: AuthDeps = { store, secret: deps.secret, now };
  const app = new Hono();

  const nodeWs = createNodeWebSocket({ app });
  // One WebSocketServer: give it our socket class (per-connection frame caps, 4413 not 1009) and
  // the largest cap as the default.
  nodeWs.wss.options.WebSocket = RelayWebSocket;
  nodeWs.wss.options.maxPayload = config.limits.maxFrame;

  app.onError(handleError(log));
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    // Upgrades log themselves (opened / refused) with the room and role.
    if (c.req.path.startsWith('/sync/')) return;
    const level = c.req.path.startsWith('/api/') || c.res.status >= 500 ? 'info' : 'debug';
    log[level]({ method: c.req.method, url: redactUrl(c.req.path), status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });

  app.get('/healthz', async (c) => {
    let storeOk = false;
    try {
      storeOk = await store.ping();
    } catch {
      storeOk = false;
    }
    // A store that reads but cannot write (a full disk) is unhealthy too: updates are refused.
    const write = store.writeState();
    const ok = storeOk && write.writable;
    const state = !storeOk ? 'error' : write.writable ? 'ok' : 'cannot-write';
    const body = { ok, store: state, ...(write.reason ? { reason: write.reason } : {}), connections: registry.connectionCount, documents: registry.loadedCount };
    return c.json(body, ok ? 200 : 503);
  });
  app.get('/metrics', (c) => c.text(metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }));

  // Bearer tokens, no cookies: any origin may call the API (a dev server, another front end).
  app.use('/api/*', cors({ origin: '*', allowHeaders: ['authorization', 'content-type'], allowMethods: ['GET', 'POST', 'OPTIONS'], maxAge: 600 }));
  for (const mount of deps.routes ?? []) mount(app, { documents, log, config });
  app.route('/api', apiRoutes({ ...auth, config, setup, registry, log }));
  app.get('/sync/*', syncHandler({ ...auth, config, registry, metrics, log, upgradeWebSocket: nodeWs.upgradeWebSocket }));

  if (config.staticDir && existsSync(join(config.staticDir, 'index.html'))) app.use('*', staticFiles(config.staticDir));
  app.notFound((c) => c.json({ error: { code: 'not-found', message: 'not found' } }, 404));

  return { app, registry, documents, metrics, setup, injectWebSocket: nodeWs.injectWebSocket, webSockets: nodeWs.wss };
}
