import { join } from 'node:path';
import v8 from 'node:v8';
import { existsSync, mkdirSync } from 'node:fs';
import { TOKEN_ROLES, isCommunityId, isCommunityRole, isTokenRole, type CommunityId } from '@lianxin/protocol';
import { loadSecret } from './auth/secret';
import { issueToken } from './auth/issueToken';
import { loadConfig, publicUrlFromEnv } from './config';
import { mountPublicRoutes } from './public/mountPublicRoutes';
import { createLogger } from './logger';
import { startServer, DATABASE_FILE, type RunningRelay } from './server';
import { createSqliteStore } from './store/sqliteStore';
import { createPostgresStore } from './store/postgres/postgresStore';
import { watchParent } from './watchParent';
import { COMMUNITY_KINDS, RegionLevel, StoreConflictError, type CommunityKind, type Store } from './store/Store';
import { checkTownship } from './regions/checkTownship';

/** Wrong command-line arguments: exit 2 with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CliValues {
  port?: string;
  host?: string;
  data?: string;
  static?: string;
  store?: string;
  bus?: string;
  name?: string;
  kind?: string;
  secretary?: string;
  role?: string;
  ttl?: string;
  person?: string;
  level?: string;
  county?: string;
  township?: string;
  staff?: string;
}

const DAY = 86_400;
const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: DAY };

/** `30d`, `12h`, `90m`, `45s` → seconds. */
export function parseTtl(text: string): number {
  const match = /^(\d{1,6})([smhd])$/.exec(text);
  if (!match) throw new UsageError(`--ttl ${JSON.stringify(text)}: use a number and a unit, e.g. 30d, 12h, 90m`);
  const seconds = Number(match[1]) * (TTL_UNITS[match[2] as string] as number);
  if (seconds <= 0) throw new UsageError('--ttl must be positive');
  return seconds;
}

function requireValue(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`missing ${flag}`);
  return value.trim();
}

function checkName(name: string, flag: string): string {
  if (name.length > 100) throw new UsageError(`${flag} is longer than 100 characters`);
  return name;
}

/** Where the command line writes: the data folder's SQLite file, or the service's Postgres (`--store`, LIANXIN_STORE). */
interface StoreTarget {
  readonly dataDir: string;
  readonly storeUrl: string | null;
}

async function openDataStore({ dataDir, storeUrl }: StoreTarget): Promise<Store> {
  if (storeUrl !== null) return createPostgresStore({ url: storeUrl, probeMs: 60_000 });
  mkdirSync(dataDir, { recursive: true });
  // A relay may be running on this folder: it owns the update log, the command line only reads.
  return createSqliteStore({ file: join(dataDir, DATABASE_FILE), ownsLog: false });
}

/** `create`: a fresh data folder is made; otherwise a missing one is an error that says what to do. */
async function withStore<T>(target: StoreTarget, run: (store: Store, secret: string) => Promise<T>, { create = false } = {}): Promise<T> {
  const { dataDir } = target;
  if (create) mkdirSync(dataDir, { recursive: true });
  else if (!existsSync(dataDir)) throw new Error(`no relay data in ${dataDir}: create a community first (community create <id> --name <name> --data ${dataDir}), or pass the right --data`);
  const secret = loadSecret(dataDir);
  const store = await openDataStore(target);
  try {
    return await run(store, secret);
  } finally {
    await store.close();
  }
}

function expectPositionals(positionals: string[], count: number, usage: string): void {
  if (positionals.length !== count) throw new UsageError(`expected: ${usage}`);
}

/**
 * V8 "pretenures" an allocation site whose objects once survived young collections: from then on
 * they are born in the old generation. Under the relay's load that hits Yjs transactions (Maps
 * and Sets that die within microseconds), the old generation fills with garbage and collections
 * pause the loop for tens of milliseconds (measured: p99 write→observer latency 860 ms → 22 ms
 * at 400 rooms × 3 clients with the flag off, scavenges 11 ms → 2 ms). V8 reads the flag at
 * each collection, so setting it before the server starts is enough; the root `relay` script and
 * the benchmark also pass it on the command line, where it is known to hold from the first GC.
 */
function tuneGarbageCollector(): void {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}

/** Runs one command; returns the exit code, or -1 for `serve` (which keeps running). */
export async function runCommand(positionals: string[], values: CliValues, print: (value: unknown) => void): Promise<number> {
  const [command] = positionals;
  const { dataDir, storeUrl } = loadConfig({ data: values.data, store: values.store });
  const target: StoreTarget = { dataDir, storeUrl };
  switch (command) {
    case 'serve': {
      expectPositionals(positionals, 1, 'serve [--port N] [--host H] [--data DIR] [--static DIR] [--store sqlite|memory|postgres://…] [--bus redis://…]');
      let port: number | undefined;
      if (values.port !== undefined) {
        if (!/^\d{1,5}$/.test(values.port)) throw new UsageError(`--port ${JSON.stringify(values.port)} is not a port number`);
        port = Number(values.port);
      }
      const config = loadConfig({ port, host: values.host, data: values.data, staticDir: values.static, store: values.store, bus: values.bus });
      const log = createLogger(config.logLevel);
      tuneGarbageCollector();
      // Signals are handled from the start: a SIGTERM during start-up stops the relay once it is up.
      let running: RunningRelay | null = null;
      let stopRequested: string | null = null;
      const shutdown = (why: string): void => {
        if (stopRequested !== null && running === null) return;
        stopRequested = why;
        if (!running) return;
        const relay = running;
        running = null;
        log.info({ signal: why }, 'stopping');
        relay.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            log.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', () => shutdown('SIGTERM'));
      process.on('SIGINT', () => shutdown('SIGINT'));
      if (process.env.LIANXIN_EXIT_WITH_STDIN === '1') {
        process.stdin.on('end', () => shutdown('stdin closed'));
        process.stdin.on('close', () => shutdown('stdin closed'));
        process.stdin.resume();
      }
      if (process.env.LIANXIN_EXIT_WITH_PARENT === '1') watchParent(() => shutdown('parent exited'));
      running = await startServer({ config, log, routes: [mountPublicRoutes({ publicOrigin: publicUrlFromEnv() })] });
      if (stopRequested !== null) shutdown(stopRequested);
      return -1;
    }
    case 'region': {
      if (positionals[1] !== 'create') throw new UsageError('expected: region create <id> --name <name> --level county|township [--county <id>]');
      expectPositionals(positionals, 3, 'region create <id> --name <name> --level county|township [--county <id>] [--staff <name>]');
      const id = positionals[2] as string;
      if (!isCommunityId(id)) throw new UsageError(`region id ${JSON.stringify(id)}: use lowercase letters, digits and inner hyphens (at most 64)`);
      const name = checkName(requireValue(values.name, '--name'), '--name');
      const level = requireValue(values.level, '--level');
      if (level !== RegionLevel.county && level !== RegionLevel.township) throw new UsageError('--level must be county or township');
      if (level === RegionLevel.county && values.county !== undefined) throw new UsageError('a county has no --county');
      const staffName = checkName(values.staff?.trim() || (level === RegionLevel.county ? '组织部' : '党建办'), '--staff');
      const config = loadConfig({ data: values.data });
      return withStore(target, async (store, secret) => {
        const parent = values.county ?? null;
        if (parent !== null) {
          const county = await store.getRegion(parent);
          if (!county || county.level !== RegionLevel.county) throw new Error(`unknown county ${parent}; create it with: region create ${parent} --name <name> --level county`);
        }
        try {
          await store.createRegion({ id, name, level, parent, createdAt: Date.now() });
        } catch (error) {
          if (error instanceof StoreConflictError) throw new Error(`${id} already exists (as a region or a community)`);
          throw error;
        }
        // The region's first staff token, as a community's first is its secretary's: it invites the others.
        const issued = await issueToken(store, secret, { community: id as CommunityId, role: level, name: staffName, ttlSeconds: config.tokenTtlDays * DAY });
        print({ region: id, level, parent, token: issued.token, tokenId: issued.tokenId });
        return 0;
      }, { create: true });
    }
    case 'community': {
      if (positionals[1] === 'township') {
        expectPositionals(positionals, 4, 'community township <id> <township>|none');
        const id = positionals[2] as string;
        const township = positionals[3] === 'none' ? null : (positionals[3] as string);
        return withStore(target, async (store) => {
          if (township !== null) await checkTownship(store, township);
          if (!(await store.setCommunityTownship(id, township))) throw new Error(`unknown community ${id}`);
          print({ community: id, township });
          return 0;
        });
      }
      if (positionals[1] !== 'create') throw new UsageError('expected: community create <id> --name <name> [--township <id>], or community township <id> <township>|none');
      expectPositionals(positionals, 3, 'community create <id> --name <name> [--kind urban|village] [--township <id>]');
      const id = positionals[2] as string;
      if (!isCommunityId(id)) throw new UsageError(`community id ${JSON.stringify(id)}: use lowercase letters, digits and inner hyphens (at most 64)`);
      const name = checkName(requireValue(values.name, '--name'), '--name');
      const kind = (values.kind ?? 'urban') as CommunityKind;
      if (!(COMMUNITY_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${COMMUNITY_KINDS.join(', ')}`);
      const secretaryName = checkName(values.secretary?.trim() || '书记', '--secretary');
      const config = loadConfig({ data: values.data });
      return withStore(target, async (store, secret) => {
        const township = values.township ?? null;
        if (township !== null) await checkTownship(store, township);
        try {
          await store.createCommunity({ id: id as CommunityId, name, kind, createdAt: Date.now(), township });
        } catch (error) {
          if (error instanceof StoreConflictError) throw new Error(`${id} already exists (as a community or a region)`);
          throw error;
        }
        const issued = await issueToken(store, secret, { community: id as CommunityId, role: 'secretary', name: secretaryName, ttlSeconds: config.tokenTtlDays * DAY });
        print({ community: id, township, token: issued.token, tokenId: issued.tokenId });
        return 0;
      }, { create: true });
    }
    case 'token': {
      expectPositionals(positionals, 2, 'token <community|region> --role secretary|committee|member|township|county --name <name> [--ttl 30d]');
      const community = positionals[1] as string;
      if (!isCommunityId(community)) throw new UsageError(`community or region id ${JSON.stringify(community)} is not valid`);
      const role = requireValue(values.role, '--role');
      if (!isTokenRole(role)) throw new UsageError(`--role must be one of ${TOKEN_ROLES.join(', ')}`);
      const name = checkName(requireValue(values.name, '--name'), '--name');
      const ttlSeconds = parseTtl(values.ttl ?? '30d');
      if (values.person !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(values.person)) throw new UsageError('--person must match [A-Za-z0-9_-]{1,64}');
      return withStore(target, async (store, secret) => {
        // A community's roles for a community; a region's own level for a region (its staff).
        const region = await store.getRegion(community);
        if (region) {
          if (role !== region.level) throw new Error(`${community} is a ${region.level}: its tokens have role ${region.level}`);
        } else {
          if (!(await store.getCommunity(community))) throw new Error(`unknown community or region ${community}; create it with: community create ${community} --name <name>`);
          if (!isCommunityRole(role)) throw new Error(`${community} is a community: its tokens have role secretary, committee or member`);
        }
        const issued = await issueToken(store, secret, { community: community as CommunityId, role, name, person: values.person ?? null, ttlSeconds });
        print({ token: issued.token, tokenId: issued.tokenId });
        return 0;
      });
    }
    case 'revoke': {
      expectPositionals(positionals, 2, 'revoke <tokenId>');
      const tokenId = positionals[1] as string;
      return withStore(target, async (store) => {
        // A running relay notices within a second (it polls the revocations) and closes the sockets.
        if (!(await store.revokeToken(tokenId, Date.now()))) throw new Error(`unknown token id ${tokenId}`);
        print({ revoked: true, tokenId });
        return 0;
      });
    }
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}
