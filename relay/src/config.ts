import { resolve } from 'node:path';
import { Limits } from '@lianxin/protocol';
import type { Durability, SqliteSynchronous } from './store/sqliteStore';
import { defaultHttpConfig, HTTP_ENV_VARS, type HttpConfig } from './httpConfig';

/** A setting is missing or wrong; the message says what to set. Thrown at start-up. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface RelayLimits {
  /** Largest frame from an anonymous connection (bytes). */
  readonly maxFrameAnonymous: number;
  /** Largest frame from an authenticated connection (bytes). */
  readonly maxFrame: number;
  /** Largest stored document (bytes, encoded state). */
  readonly maxDocument: number;
  /** Token bucket per connection: refill per second and capacity. */
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
  /** Structures one update may carry (4422): Y.applyUpdate's time grows with them. */
  readonly maxUpdateStructs: number;
  /** Writing clients one update may carry (4422): concurrent inserts at one position cost each other. */
  readonly maxUpdateClients: number;
  /** Deepest nesting of shared types (4422): deeper, Yjs recurses past the stack when it deletes or reads. */
  readonly maxDepth: number;
  /** Structures a document may hold (4507): bounds the time a load takes. */
  readonly maxDocumentStructs: number;
}

/**
 * Relay CPU time (ms spent handling messages; for a document, handling its updates and compacting
 * it) per connection and per document (4430).
 */
export interface CpuBudgetConfig {
  readonly connectionMsPerSecond: number;
  readonly connectionBurstMs: number;
  readonly documentMsPerSecond: number;
  readonly documentBurstMs: number;
}

export interface RelayConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Built client to serve, or null to serve none. */
  readonly staticDir: string | null;
  readonly store: 'sqlite' | 'memory' | 'postgres';
  /** With `store: 'postgres'`: the database's URL (postgres://…). */
  readonly storeUrl: string | null;
  /** Fan-out between relay processes: null = this process only; a redis:// URL = Redis Streams. */
  readonly busUrl: string | null;
  readonly synchronous: SqliteSynchronous;
  /** `fsync`: `stored` means on disk (group commit); `process`: in the OS, survives a killed process only. */
  readonly durability: Durability;
  /** WAL checkpoint interval in a worker thread; 0 = SQLite's automatic checkpoint inside commits. */
  readonly checkpointMs: number;
  /** Updates made durable in the update journal and moved into SQLite in batches (else one commit per batch). */
  readonly journal: boolean;
  readonly limits: RelayLimits;
  /** 0 per second turns a budget off. */
  readonly cpuBudget: CpuBudgetConfig;
  /** A document with no connection is flushed and unloaded after this long. */
  readonly idleMs: number;
  /** Compact a document's log into a snapshot past this many updates … */
  readonly compactUpdates: number;
  /** … or this many bytes, */
  readonly compactBytes: number;
  /** … or once its oldest unfolded update is this many updates behind the newest (bounds the log a load scans). */
  readonly compactLag: number;
  /** How often revocations (also those written by the CLI) and expiries are checked. */
  readonly sweepMs: number;
  /** Send an empty awareness message to a connection silent this long (providers drop a silent link after 30 s). */
  readonly keepaliveMs: number;
  /** WebSocket ping interval; a peer that misses a pong is dropped. */
  readonly pingMs: number;
  /** While a writer keeps sending, one `stored` confirmation per this many ms (0: one per stored batch) … */
  readonly ackMs: number;
  /** … and one as soon as it has paused this long (Connection.stored). */
  readonly ackQuietMs: number;
  /** Lifetime of tokens issued by setup and join. */
  readonly tokenTtlDays: number;
  /** Default lifetime of invites. */
  readonly inviteTtlDays: number;
  readonly logLevel: string;
  /** Timeouts and limits of the HTTP surface (httpConfig.ts). */
  readonly http: HttpConfig;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

export const defaultLimits: RelayLimits = {
  maxFrameAnonymous: Limits.maxFrameBeforeAuth,
  maxFrame: Limits.maxFrame,
  maxDocument: Limits.maxDocument,
  messagesPerSecond: Limits.messagesPerSecond,
  messageBurst: Limits.messageBurst,
  maxUpdateStructs: 10_000,
  maxUpdateClients: 1_000,
  maxDepth: 64,
  maxDocumentStructs: 500_000,
};

export const defaultCpuBudget: CpuBudgetConfig = {
  connectionMsPerSecond: 10,
  connectionBurstMs: 250,
  documentMsPerSecond: 10,
  documentBurstMs: 100,
};

export function defaultConfig(overrides: Partial<RelayConfig> = {}): RelayConfig {
  return {
    port: DEFAULT_PORT,
    host: DEFAULT_HOST,
    dataDir: resolve('data'),
    staticDir: null,
    store: 'sqlite',
    storeUrl: null,
    busUrl: null,
    durability: 'fsync',
    synchronous: 'FULL',
    checkpointMs: 1000,
    journal: true,
    limits: defaultLimits,
    cpuBudget: defaultCpuBudget,
    idleMs: 30_000,
    compactUpdates: 500,
    compactBytes: 1024 * 1024,
    compactLag: 20_000,
    sweepMs: 1000,
    keepaliveMs: 15_000,
    pingMs: 30_000,
    ackMs: 1000,
    ackQuietMs: 100,
    tokenTtlDays: 365,
    inviteTtlDays: 7,
    logLevel: 'info',
    http: defaultHttpConfig,
    ...overrides,
  };
}

/** Environment variables the relay reads, with what each sets. */
export const ENV_VARS = {
  LIANXIN_SECRET: 'HMAC secret for tokens (≥ 32 chars); default: <data>/secret',
  LIANXIN_STORE: 'sqlite (default: <data>/lianxin.db) | memory | postgres://user:password@host:port/database (many relay processes on one database; same as --store)',
  LIANXIN_BUS: 'redis://[user:password@]host:port[/db]: fan-out of stored updates, awareness and revocations between relay processes through Redis Streams (needs LIANXIN_STORE=postgres://…; same as --bus); default: none, this process only',
  LIANXIN_DURABILITY: 'fsync (default: "stored" is sent once the update is on disk; one fsync covers every update that arrived while the previous one ran) | process (the old behaviour: "stored" once the update is written to the OS; survives a killed relay, a power cut may lose the last confirmed updates)',
  LIANXIN_SYNCHRONOUS: 'SQLite synchronous with LIANXIN_DURABILITY=process: NORMAL (default there) | FULL; LIANXIN_DURABILITY=fsync needs FULL (its default)',
  LIANXIN_CHECKPOINT_MS: 'WAL checkpoint interval in a worker thread; 0 = inside commits (default 1000)',
  LIANXIN_JOURNAL: 'on (default: an update is durable once appended to <data>/lianxin.db.updates, moved into the database in batches) | off (one SQLite commit per batch of updates)',
  LIANXIN_MAX_FRAME: 'largest frame from an authenticated connection, bytes (default 8 MiB)',
  LIANXIN_MAX_FRAME_ANONYMOUS: 'largest frame from an anonymous connection, bytes (default 64 KiB)',
  LIANXIN_MAX_DOCUMENT: 'largest document, bytes (default 64 MiB)',
  LIANXIN_RATE: 'messages per second per connection (default 100)',
  LIANXIN_BURST: 'messages allowed above the rate in a burst (default 400)',
  LIANXIN_MAX_UPDATE_STRUCTS: 'structures one update may carry (default 10000)',
  LIANXIN_MAX_UPDATE_CLIENTS: 'writing clients one update may carry (default 1000)',
  LIANXIN_MAX_DEPTH: 'deepest nesting of shared types in a document (default 64)',
  LIANXIN_MAX_DOCUMENT_STRUCTS: 'structures a document may hold (default 500000)',
  LIANXIN_CPU_MS: 'relay CPU ms per second each connection may use, with LIANXIN_CPU_BURST_MS in reserve; 0 = no budget (default 10)',
  LIANXIN_CPU_BURST_MS: 'CPU ms a connection may use at once (default 250)',
  LIANXIN_DOC_CPU_MS: 'relay CPU ms per second the updates and compactions of each document may use; 0 = no budget (default 10)',
  LIANXIN_DOC_CPU_BURST_MS: 'CPU ms a document may use at once (default 100; one update is let into debt, so this bounds the frequency of heavy updates, not their size)',
  LIANXIN_IDLE_MS: 'unload a document this long after its last connection closed (default 30000)',
  LIANXIN_COMPACT_UPDATES: 'compact a document log past this many updates (default 500)',
  LIANXIN_COMPACT_BYTES: 'compact a document log past this many bytes (default 1 MiB)',
  LIANXIN_COMPACT_LAG: 'compact a document whose oldest unfolded update is this many updates behind the newest (bounds the log a load scans; default 20000)',
  LIANXIN_SWEEP_MS: 'how often revocations and expiries are checked (default 1000)',
  LIANXIN_KEEPALIVE_MS: 'keep-alive message to a silent connection (default 15000)',
  LIANXIN_PING_MS: 'WebSocket ping interval (default 30000)',
  LIANXIN_ACK_MS: 'while a writer keeps sending, one "stored" confirmation per connection per this many ms, carrying the highest count; 0 = one per stored batch (default 1000)',
  LIANXIN_ACK_QUIET_MS: 'a held "stored" confirmation goes out once the writer has paused this many ms (default 100)',
  LIANXIN_TOKEN_TTL_DAYS: 'lifetime of tokens from setup and join (default 365)',
  LIANXIN_INVITE_TTL_DAYS: 'default lifetime of invites (default 7)',
  LIANXIN_LOG_LEVEL: 'pino level: fatal|error|warn|info|debug|trace|silent (default info)',
  LIANXIN_PUBLIC_URL: 'absolute origin the QR codes on service boards point to, e.g. https://lianxin.example.org (default: the request\'s own origin)',
  LIANXIN_EXIT_WITH_STDIN: '1: shut down when stdin closes (tests use it so a relay never outlives them)',
  LIANXIN_EXIT_WITH_PARENT: '1: shut down when the process that started the relay dies (npm start sets it, so SIGKILL of npm leaves no orphan)',
  ...HTTP_ENV_VARS,
} as const;

type Env = Record<string, string | undefined>;

function intFromEnv(env: Env, name: keyof typeof ENV_VARS, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a whole number; set ${name} to ${ENV_VARS[name]}`);
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new ConfigError(`${name} must be at least ${min}; it is ${raw}`);
  return value;
}

function oneOf<const T extends string>(env: Env, name: keyof typeof ENV_VARS, allowed: readonly T[], fallback: NoInfer<T>): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(`${name}=${JSON.stringify(raw)} is not one of ${allowed.join(', ')}`);
  return raw as T;
}

export interface ServeArgs {
  readonly port?: number;
  readonly host?: string;
  readonly data?: string;
  readonly staticDir?: string | null;
  /** `--store`: sqlite | memory | a postgres:// URL (else LIANXIN_STORE) */
  readonly store?: string;
  /** `--bus`: a redis:// URL (else LIANXIN_BUS) */
  readonly bus?: string;
}

/** `--bus` or LIANXIN_BUS: none, or Redis by URL (only with a shared store: the bus is a hint, the store the truth). */
function busFrom(raw: string | undefined, store: RelayConfig['store']): string | null {
  if (raw === undefined || raw === '' || raw === 'none') return null;
  if (!/^rediss?:\/\//.test(raw)) throw new ConfigError('--bus (or LIANXIN_BUS) must be a redis:// URL');
  try {
    new URL(raw);
  } catch {
    throw new ConfigError('the bus URL is not a URL; write it as redis://host:port');
  }
  if (store !== 'postgres') throw new ConfigError('--bus needs a shared store (--store postgres://…): processes catch up from the store, the bus only tells them when');
  return raw;
}

/** `--store` or LIANXIN_STORE: an embedded store by name, or a Postgres database by URL. */
function storeFrom(raw: string | undefined): Pick<RelayConfig, 'store' | 'storeUrl'> {
  if (raw === undefined || raw === '' || raw === 'sqlite') return { store: 'sqlite', storeUrl: null };
  if (raw === 'memory') return { store: 'memory', storeUrl: null };
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      new URL(raw);
    } catch {
      throw new ConfigError('the store URL is not a URL; write it as postgres://user:password@host:port/database');
    }
    return { store: 'postgres', storeUrl: raw };
  }
  // The value may hold a password: say what is expected, not what was given.
  throw new ConfigError('--store (or LIANXIN_STORE) must be sqlite, memory or a postgres:// URL');
}

/** Builds the configuration from command-line values and the environment; throws ConfigError. */
export function loadConfig(args: ServeArgs, env: Env = process.env): RelayConfig {
  const port = args.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port must be 0–65535; got ${port}`);
  const maxFrame = intFromEnv(env, 'LIANXIN_MAX_FRAME', defaultLimits.maxFrame, 1024);
  const maxFrameAnonymous = intFromEnv(env, 'LIANXIN_MAX_FRAME_ANONYMOUS', defaultLimits.maxFrameAnonymous, 256);
  if (maxFrameAnonymous > maxFrame) throw new ConfigError('LIANXIN_MAX_FRAME_ANONYMOUS must not exceed LIANXIN_MAX_FRAME');
  const logLevel = oneOf(env, 'LIANXIN_LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info');
  const durability = oneOf(env, 'LIANXIN_DURABILITY', ['fsync', 'process'], 'fsync');
  const synchronous = oneOf(env, 'LIANXIN_SYNCHRONOUS', ['NORMAL', 'FULL'], durability === 'fsync' ? 'FULL' : 'NORMAL');
  if (durability === 'fsync' && synchronous === 'NORMAL') {
    throw new ConfigError('LIANXIN_SYNCHRONOUS=NORMAL lets a commit return before it is on disk, which LIANXIN_DURABILITY=fsync (the default) promises; unset LIANXIN_SYNCHRONOUS, or set LIANXIN_DURABILITY=process');
  }
  const stored = storeFrom(args.store ?? env.LIANXIN_STORE);
  return defaultConfig({
    port,
    host: args.host ?? DEFAULT_HOST,
    dataDir: resolve(args.data ?? 'data'),
    staticDir: args.staticDir === undefined ? resolve('client/dist') : args.staticDir === null ? null : resolve(args.staticDir),
    ...stored,
    busUrl: busFrom(args.bus ?? env.LIANXIN_BUS, stored.store),
    durability,
    synchronous,
    checkpointMs: intFromEnv(env, 'LIANXIN_CHECKPOINT_MS', 1000, 0),
    journal: oneOf(env, 'LIANXIN_JOURNAL', ['on', 'off'], 'on') === 'on',
    limits: {
      maxFrame,
      maxFrameAnonymous,
      maxDocument: intFromEnv(env, 'LIANXIN_MAX_DOCUMENT', defaultLimits.maxDocument, 1024),
      messagesPerSecond: intFromEnv(env, 'LIANXIN_RATE', defaultLimits.messagesPerSecond, 1),
      messageBurst: intFromEnv(env, 'LIANXIN_BURST', defaultLimits.messageBurst, 1),
      maxUpdateStructs: intFromEnv(env, 'LIANXIN_MAX_UPDATE_STRUCTS', defaultLimits.maxUpdateStructs, 100),
      maxUpdateClients: intFromEnv(env, 'LIANXIN_MAX_UPDATE_CLIENTS', defaultLimits.maxUpdateClients, 1),
      maxDepth: intFromEnv(env, 'LIANXIN_MAX_DEPTH', defaultLimits.maxDepth, 2),
      maxDocumentStructs: intFromEnv(env, 'LIANXIN_MAX_DOCUMENT_STRUCTS', defaultLimits.maxDocumentStructs, 100),
    },
    cpuBudget: {
      connectionMsPerSecond: intFromEnv(env, 'LIANXIN_CPU_MS', defaultCpuBudget.connectionMsPerSecond, 0),
      connectionBurstMs: intFromEnv(env, 'LIANXIN_CPU_BURST_MS', defaultCpuBudget.connectionBurstMs, 1),
      documentMsPerSecond: intFromEnv(env, 'LIANXIN_DOC_CPU_MS', defaultCpuBudget.documentMsPerSecond, 0),
      documentBurstMs: intFromEnv(env, 'LIANXIN_DOC_CPU_BURST_MS', defaultCpuBudget.documentBurstMs, 1),
    },
    idleMs: intFromEnv(env, 'LIANXIN_IDLE_MS', 30_000, 0),
    compactUpdates: intFromEnv(env, 'LIANXIN_COMPACT_UPDATES', 500, 1),
    compactBytes: intFromEnv(env, 'LIANXIN_COMPACT_BYTES', 1024 * 1024, 1),
    compactLag: intFromEnv(env, 'LIANXIN_COMPACT_LAG', 20_000, 1),
    sweepMs: intFromEnv(env, 'LIANXIN_SWEEP_MS', 1000, 10),
    keepaliveMs: intFromEnv(env, 'LIANXIN_KEEPALIVE_MS', 15_000, 100),
    pingMs: intFromEnv(env, 'LIANXIN_PING_MS', 30_000, 100),
    ackMs: intFromEnv(env, 'LIANXIN_ACK_MS', 1000, 0),
    ackQuietMs: intFromEnv(env, 'LIANXIN_ACK_QUIET_MS', 100, 0),
    tokenTtlDays: intFromEnv(env, 'LIANXIN_TOKEN_TTL_DAYS', 365, 1),
    inviteTtlDays: intFromEnv(env, 'LIANXIN_INVITE_TTL_DAYS', 7, 1),
    logLevel,
    http: httpConfigFromEnv(env),
  });
}

function httpConfigFromEnv(env: Env): HttpConfig {
  const d = defaultHttpConfig;
  const metricsToken = env.LIANXIN_METRICS_TOKEN ?? '';
  if (metricsToken !== '' && metricsToken.length < 16) throw new ConfigError('LIANXIN_METRICS_TOKEN must be at least 16 characters (it guards /metrics)');
  return {
    headersTimeoutMs: intFromEnv(env, 'LIANXIN_HEADERS_TIMEOUT_MS', d.headersTimeoutMs, 100),
    requestTimeoutMs: intFromEnv(env, 'LIANXIN_REQUEST_TIMEOUT_MS', d.requestTimeoutMs, 100),
    keepAliveTimeoutMs: intFromEnv(env, 'LIANXIN_KEEPALIVE_TIMEOUT_MS', d.keepAliveTimeoutMs, 100),
    maxConnections: intFromEnv(env, 'LIANXIN_MAX_CONNECTIONS', d.maxConnections, 1),
    maxConnectionsPerAddress: intFromEnv(env, 'LIANXIN_MAX_CONNECTIONS_PER_ADDRESS', d.maxConnectionsPerAddress, 1),
    maxSocketsPerToken: intFromEnv(env, 'LIANXIN_MAX_SOCKETS_PER_TOKEN', d.maxSocketsPerToken, 1),
    codeAttemptsPerMinute: intFromEnv(env, 'LIANXIN_CODE_ATTEMPTS_PER_MINUTE', d.codeAttemptsPerMinute, 1),
    codeFailuresPer15Min: intFromEnv(env, 'LIANXIN_CODE_FAILURES_PER_15_MIN', d.codeFailuresPer15Min, 1),
    metricsToken: metricsToken === '' ? null : metricsToken,
    trustProxy: oneOf(env, 'LIANXIN_TRUST_PROXY', ['0', '1'], '0') === '1',
  };
}

/** The public origin QR codes point to (behind a proxy the request's own origin is the wrong one). */
export function publicUrlFromEnv(env: Env = process.env): string | undefined {
  const raw = env.LIANXIN_PUBLIC_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`LIANXIN_PUBLIC_URL=${JSON.stringify(raw)} is not a URL; set it to ${ENV_VARS.LIANXIN_PUBLIC_URL}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('LIANXIN_PUBLIC_URL must start with http:// or https://');
  return url.origin;
}
