import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp, type AppDeps, type RelayApp } from './app';
import { loadSecret } from './auth/secret';
import { lockDataDir } from './dataLock';
import type { RelayConfig } from './config';
import { createLogger, type Logger } from './logger';
import { createMemoryStore } from './store/memoryStore';
import { createSqliteStore } from './store/sqliteStore';
import type { Store } from './store/Store';
import { createPostgresStore } from './store/postgres/postgresStore';
import type { Bus } from './bus/Bus';
import { createLocalBus } from './bus/localBus';
import { createRedisBus } from './bus/redisBus';

export const DATABASE_FILE = 'lianxin.db';

export interface StartOptions {
  readonly config: RelayConfig;
  readonly env?: Record<string, string | undefined>;
  readonly log?: Logger;
  /** defaults to the store the config names, in the data folder */
  readonly store?: Store;
  readonly routes?: AppDeps['routes'];
}

export interface RunningRelay {
  /** http://host:port */
  readonly url: string;
  readonly port: number;
  readonly relay: RelayApp;
  readonly store: Store;
  /** Stops accepting, closes sockets with 1001, stores what was accepted, closes the store. */
  stop(): Promise<void>;
}

/** Sockets above the WebSocket quota that Node still accepts (health checks, the API). */
const CONNECTION_HEADROOM = 256;

/**
 * Slow clients (slowloris) hold a socket only this long: headers within headersTimeout, the whole
 * request within requestTimeout, checked every second (Node's default is every 30 s).
 */
function serverTimeouts(config: RelayConfig) {
  const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs } = config.http;
  return { headersTimeout: headersTimeoutMs, requestTimeout: Math.max(requestTimeoutMs, headersTimeoutMs), keepAliveTimeout: keepAliveTimeoutMs, connectionsCheckingInterval: Math.min(1000, headersTimeoutMs) };
}

/** Opens the store named by the config (creating the data folder for SQLite). */
export async function openStore(config: RelayConfig, log?: Logger): Promise<Store> {
  if (config.store === 'memory') return createMemoryStore();
  if (config.store === 'postgres') {
    return createPostgresStore({
      url: config.storeUrl as string,
      onWriteState: (state) =>
        state.writable
          ? log?.warn({ failures: state.failures }, 'store can write again')
          : log?.error({ reason: state.reason, failures: state.failures }, 'store cannot write: updates are refused (close 4500) until it can; reads go on where the database answers'),
      onPoolError: (message) => log?.warn({ error: message }, 'postgres connection lost; the pool opens a new one'),
    });
  }
  mkdirSync(config.dataDir, { recursive: true });
  return createSqliteStore({
    file: join(config.dataDir, DATABASE_FILE),
    synchronous: config.synchronous,
    durability: config.durability,
    onWriteState: (state) =>
      state.writable
        ? log?.warn({ failures: state.failures }, 'store can write again')
        : log?.error({ reason: state.reason, failures: state.failures }, 'store cannot write: updates are refused (close 4500) until it can; reads go on'),
    checkpointMs: config.checkpointMs,
    onCheckpointError: (message) => log?.error({ error: message }, 'WAL checkpoint failed'),
    journal: config.journal,
    onJournalError: (message) => log?.error({ error: message }, 'update journal'),
    onCutError: (message) => log?.error({ error: message }, 'could not cut folded rows off the update log; they stay until the next cut'),
    compactLag: config.compactLag,
  });
}

/** Starts the relay: store, app, HTTP server with WebSocket upgrades. */
export async function startServer(options: StartOptions): Promise<RunningRelay> {
  const { config } = options;
  const log = options.log ?? createLogger(config.logLevel);
  mkdirSync(config.dataDir, { recursive: true });
  const secret = loadSecret(config.dataDir, options.env ?? process.env);
  // One process per SQLite file; Postgres is shared by design.
  const unlock = options.store || config.store !== 'sqlite' ? () => undefined : lockDataDir(config.dataDir);
  let store: Store;
  try {
    store = options.store ?? (await openStore(config, log));
  } catch (error) {
    unlock();
    throw error;
  }
  const bus: Bus = config.busUrl ? createRedisBus({ url: config.busUrl, log }) : createLocalBus();
  const relay = createApp({ config, store, secret, log, routes: options.routes, bus });
  await relay.registry.start();

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: relay.app.fetch, port: config.port, hostname: config.host, serverOptions: serverTimeouts(config) }, () => resolve(s as Server)) as Server;
    s.once('error', reject);
  });
  // Past this many sockets Node drops new ones before parsing anything; the WebSocket quota answers
  // 429 below it (the headroom keeps /healthz and the API reachable at the quota).
  server.maxConnections = config.http.maxConnections + CONNECTION_HEADROOM;
  server.keepAliveTimeout = config.http.keepAliveTimeoutMs;
  relay.attach(server);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log.info({ url, port, host: config.host, dataDir: config.dataDir, store: store.kind, bus: bus.kind, durability: config.durability, synchronous: config.synchronous, staticDir: config.staticDir }, 'listening');

  if ((await store.countCommunities()) === 0) {
    const code = await relay.setup.issue();
    // The code is a one-time secret: it goes to the operator's terminal only, never to the log.
    process.stderr.write(`\nNo community yet. Open this one-time setup link to create yours:\n  http://localhost:${port}/setup#code=${code}\n\n`);
    log.info({ port }, 'no community yet: one-time setup link printed on stderr');
  }

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      log.info('shutting down');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await relay.registry.shutdown();
      // Give peers a moment to answer the close handshake, then cut whoever did not.
      const deadline = Date.now() + 1000;
      while (relay.upgrades.open > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      relay.upgrades.terminateAll();
      server.closeAllConnections();
      await closed;
      await store.close();
      relay.metrics.close();
      unlock();
      log.info('stopped');
    })();
    return stopping;
  };
  return { url, port, relay, store, stop };
}
