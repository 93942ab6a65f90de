import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import type { Server } from 'node:http';
import type { AuthDeps } from './auth/authenticate';
import { SetupCode } from './auth/SetupCode';
import type { RelayConfig } from './config';
import { createDocumentSource, type DocumentSource } from './documentSource';
import { apiRoutes } from './http/apiRoutes';
import { AttemptLimiter } from './http/AttemptLimiter';
import { handleError } from './http/ApiError';
import { clientAddress } from './http/clientAddress';
import { metricsRoute } from './http/metricsRoute';
import { incomingOf } from './http/requestSocket';
import { SocketCounter } from './http/SocketCounter';
import { staticFiles } from './http/staticFiles';
import { SyncUpgrades } from './http/SyncUpgrades';
import { redactUrl, type Logger } from './logger';
import { RelayMetrics } from './metrics';
import { RoomRegistry } from './rooms/RoomRegistry';
import type { Store } from './store/Store';
import type { Bus } from './bus/Bus';

export interface AppDeps {
  readonly config: RelayConfig;
  readonly store: Store;
  /** HMAC key for tokens (see auth/secret.ts) */
  readonly secret: string;
  readonly log: Logger;
  /** fan-out to other relay processes (default: none) */
  readonly bus?: Bus;
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
  /** /sync upgrades (server.ts terminates stragglers at shutdown). */
  readonly upgrades: SyncUpgrades;
  /** Hooks the Node HTTP server: connection counting per address, /sync upgrades (server.ts does it). */
  attach(server: Server): void;
}

/** Builds the relay's Hono app from its dependencies. Listens on nothing. */
export function createApp(deps: AppDeps): RelayApp {
  const { config, store, log } = deps;
  const now = deps.now ?? Date.now;
  const setup = deps.setup ?? new SetupCode(store, now);
  const metrics = new RelayMetrics();
  const registry = new RoomRegistry({ store, config, log, metrics, bus: deps.bus });
  const documents = createDocumentSource(store, registry);
  const auth: AuthDeps = { store, secret: deps.secret, now };
  const app = new Hono();

  // Behind a trusted proxy every socket is the proxy's: the proxy limits connections per client.
  const sockets = config.http.trustProxy ? undefined : new SocketCounter(config.http.maxConnectionsPerAddress);
  const upgrades = new SyncUpgrades({ ...auth, config, registry, metrics, log, sockets });
  const addressOf = (c: Context): string => {
    const incoming = incomingOf(c);
    return incoming ? clientAddress(incoming, config.http.trustProxy) : 'unknown';
  };
  const attempts = new AttemptLimiter({ attemptsPerMinute: config.http.codeAttemptsPerMinute, failuresPer15Min: config.http.codeFailuresPer15Min }, { log, metrics, address: addressOf });

  app.onError(handleError(log));
  // A connection opened past its address's limit gets 429 for whatever it asks (SocketCounter).
  app.use('*', async (c, next) => {
    const incoming = incomingOf(c);
    if (!sockets || !incoming || !sockets.isOverLimit(incoming.socket)) return next();
    metrics.httpRefused.inc({ reason: 'too-many-connections-for-address' });
    log.warn({ address: addressOf(c), url: redactUrl(c.req.path) }, 'request refused: connection limit');
    return c.json({ error: { code: 'too-many-connections', message: 'too many connections from this address' } }, 429, { 'retry-after': '30', connection: 'close' });
  });
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
    let pingError: string | null = null;
    try {
      storeOk = await store.ping();
    } catch (error) {
      // A networked store (Postgres) says why it is unreachable.
      pingError = error instanceof Error ? error.message : String(error);
    }
    // A store that reads but cannot write (a full disk) is unhealthy too: updates are refused.
    const write = store.writeState();
    const ok = storeOk && write.writable;
    const state = !storeOk ? 'error' : write.writable ? 'ok' : 'cannot-write';
    const reason = pingError ?? (storeOk ? write.reason : 'store closed');
    // A lost bus leaves the process healthy (its clients are served and stored; other processes'
    // updates reach them once it is back): it is reported, and /healthz stays 200.
    const bus = registry.bus.health();
    const busReport = { bus: bus.state, busKind: bus.kind, ...(bus.reason ? { busReason: bus.reason } : {}) };
    const body = { ok, store: state, storeKind: store.kind, ...(reason ? { reason } : {}), ...busReport, connections: registry.connectionCount, documents: registry.loadedCount };
    return c.json(body, ok ? 200 : 503);
  });
  app.get('/metrics', metricsRoute(metrics, config.http.metricsToken));

  // Bearer tokens, no cookies: any origin may call the API (a dev server, another front end).
  app.use('/api/*', cors({ origin: '*', allowHeaders: ['authorization', 'content-type'], allowMethods: ['GET', 'POST', 'OPTIONS'], maxAge: 600 }));
  for (const mount of deps.routes ?? []) mount(app, { documents, log, config });
  app.post('/api/join', attempts.middleware());
  app.post('/api/setup', attempts.middleware());
  app.route('/api', apiRoutes({ ...auth, config, setup, registry, log, documents }));
  // Upgrades never reach Hono (SyncUpgrades); a plain GET is told what it should have done.
  app.get('/sync/*', (c) => c.json({ error: { code: 'upgrade-required', message: 'connect with a WebSocket' } }, 426));

  if (config.staticDir && existsSync(join(config.staticDir, 'index.html'))) app.use('*', staticFiles(config.staticDir));
  app.notFound((c) => c.json({ error: { code: 'not-found', message: 'not found' } }, 404));

  const attach = (server: Server): void => {
    sockets?.attach(server);
    server.on('upgrade', upgrades.handle);
  };
  return { app, registry, documents, metrics, setup, upgrades, attach };
}
