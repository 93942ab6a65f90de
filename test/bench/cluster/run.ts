// Cluster benchmark (issue 23): relay processes on Postgres + Redis beside one SQLite relay, in one run.
//   npx tsx test/bench/cluster/run.ts [--window=6] [--runs=3] [--rooms=100,200] [--storm-clients=2000] [--storm-rooms=400] [--kill-cycles=0]
// 1. Delivery writer → observers: R rooms × (1 writer at 5 Hz + 2 observers), on
//    - sqlite:       one SQLite relay (the default deployment),
//    - pg same:      writer and observers on process A of two on Postgres + Redis,
//    - pg cross:     writer on A, observers on B (the update goes A → Postgres → Redis → B).
//    Latency p50/p99 over every observer receipt of a write sent in the window; lost writes; the
//    CPU seconds the relay processes (and Postgres, Redis) used per 1,000 delivered updates.
// 2. Reconnection storm: N clients on M rooms over three processes; one is killed (SIGKILL);
//    its clients reconnect to the other two; time until all are synced again with every
//    confirmed key.
// 3. `--kill-cycles=50`: the kill scenario of test/scenario/clusterKill.test.ts, 50 cycles.
// Writes test/bench/cluster/last-run.json. Two shared cores: every process (relays, Postgres,
// Redis, this load process) competes for them; read the ratios, not the absolute numbers.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CommunityId } from '@lianxin/protocol';
import { buildRelay } from '../../../relay/scripts/buildRelay.mjs';
import { issueToken } from '../../../relay/src/auth/issueToken';
import { createPostgresStore } from '../../../relay/src/store/postgres/postgresStore';
import { createSqliteStore } from '../../../relay/src/store/sqliteStore';
import type { Store } from '../../../relay/src/store/Store';
import { CLUSTER_SECRET, killCycles, startCluster, type Cluster } from '../../support/cluster';
import { startRelay, tempDataDir, type RelayProcess } from '../../support/relayProcess';
import { connect, type SyncClient } from '../../support/syncClient';
import { cpuSeconds } from '../relay/harness/procStats';
import { SampleBuffer } from '../relay/load/summarize';

const arg = (name: string, fallback: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const WINDOW_S = Number(arg('window', '6'));
/** runs per setup and R, interleaved; a step is judged on its median run by p99 (one run's p99 is a handful of stalls on the shared cores) */
const RUNS = Number(arg('runs', '3'));
const ROOMS = arg('rooms', '100,200').split(',').map(Number);
const STORM_CLIENTS = Number(arg('storm-clients', '2000'));
const STORM_ROOMS = Number(arg('storm-rooms', '400'));
const KILL_CYCLES = Number(arg('kill-cycles', '0'));
const WRITE_HZ = 5;
const WARMUP_MS = 2000;
const DRAIN_MS = 3000;
// Many sockets from one address and one token: the per-address and per-token quotas are for the public.
const LOAD_ENV = { LIANXIN_MAX_CONNECTIONS: '20000', LIANXIN_MAX_CONNECTIONS_PER_ADDRESS: '20000', LIANXIN_MAX_SOCKETS_PER_TOKEN: '20000', LIANXIN_LOG_LEVEL: 'info' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Communities b0…b(n-1), each with a committee token (in the store, before the relays use it). */
async function makeRooms(store: Store, n: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `b${i}` as CommunityId;
    await store.createCommunity({ id, name: `楼${i}`, kind: 'urban', createdAt: Date.now(), township: null });
    tokens.push((await issueToken(store, CLUSTER_SECRET, { community: id, role: 'committee', name: `委员${i}`, ttlSeconds: 86_400 })).token);
  }
  return tokens;
}

/** Postgres' postmaster and its children (the backends that do the work). */
function postgresPids(dataDir: string): number[] {
  const master = Number(readFileSync(join(dataDir, 'cluster', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const pids = [master];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === master) pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}
const cpuOf = (pids: readonly number[]): number => pids.reduce((s, p) => { try { return s + cpuSeconds(p); } catch { return s; } }, 0);

interface DeliveryRow {
  readonly setup: string;
  readonly rooms: number;
  readonly p50: number;
  readonly p99: number;
  readonly delivered: number;
  readonly lost: number;
  /** relay processes' CPU seconds per 1,000 delivered */
  readonly relayCpuPer1k: number;
  /** Postgres CPU seconds per 1,000 delivered (0 for SQLite) */
  readonly pgCpuPer1k: number;
  /** Redis CPU seconds per 1,000 delivered (0 for SQLite) */
  readonly redisCpuPer1k: number;
}

async function delivery(setup: string, writerUrl: string, observerUrl: string, tokens: readonly string[], rooms: number, relayPids: () => number[], engines: { pg: () => number[]; redis: () => number[] }): Promise<DeliveryRow> {
  const writers: SyncClient[] = [];
  const observers: SyncClient[] = [];
  for (let start = 0; start < rooms; start += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, rooms - start) }, async (_, k) => {
        const i = start + k;
        const room = `b${i}/work`;
        const token = tokens[i] as string;
        const [w, o1, o2] = await Promise.all([connect(writerUrl, room, token), connect(observerUrl, room, token), connect(observerUrl, room, token)]);
        await Promise.all([w.waitSynced(20_000), o1.waitSynced(20_000), o2.waitSynced(20_000)]);
        return [w, o1, o2] as const;
      }),
    );
    for (const [w, o1, o2] of batch) {
      writers.push(w);
      observers.push(o1, o2);
    }
  }
  const latency = new SampleBuffer();
  let windowStart = Number.POSITIVE_INFINITY;
  let windowEnd = Number.POSITIVE_INFINITY;
  let received = 0;
  for (const o of observers) {
    // Every write's value is new (its send time): a changed value is the next write.
    let last: string | undefined;
    o.ws.on('message', () => {
      const value = o.doc.getMap<string>('m').get('w');
      if (!value || value === last) return;
      last = value;
      const sent = Number(value.split(':')[1]);
      if (sent >= windowStart && sent < windowEnd) {
        latency.push(performance.now() - sent);
        received += 1;
      }
    });
  }
  let sentInWindow = 0;
  let writing = true;
  const loops = writers.map(async (w, i) => {
    await sleep((i / writers.length) * (1000 / WRITE_HZ));
    let seq = 0;
    while (writing) {
      const at = performance.now();
      w.write((d) => d.getMap('m').set('w', `${++seq}:${at}`));
      if (at >= windowStart && at < windowEnd) sentInWindow += 1;
      await sleep(1000 / WRITE_HZ);
    }
  });
  await sleep(WARMUP_MS);
  const cpuBefore = cpuOf(relayPids());
  const pgBefore = cpuOf(engines.pg());
  const redisBefore = cpuOf(engines.redis());
  windowStart = performance.now();
  windowEnd = windowStart + WINDOW_S * 1000;
  await sleep(WINDOW_S * 1000);
  const relayCpu = cpuOf(relayPids()) - cpuBefore;
  const pgCpu = cpuOf(engines.pg()) - pgBefore;
  const redisCpu = cpuOf(engines.redis()) - redisBefore;
  writing = false;
  await Promise.all(loops);
  await sleep(DRAIN_MS);
  await Promise.all([...writers, ...observers].map((c) => c.close()));
  const s = latency.summary();
  const row = { setup, rooms, p50: s.p50, p99: s.p99, delivered: received, lost: sentInWindow * 2 - received, relayCpuPer1k: (relayCpu / received) * 1000, pgCpuPer1k: (pgCpu / received) * 1000, redisCpuPer1k: (redisCpu / received) * 1000 };
  console.log(`${setup.padEnd(10)} R=${rooms}: p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, delivered ${received}, lost ${row.lost}, relay CPU ${row.relayCpuPer1k.toFixed(3)} s/1k, Postgres ${row.pgCpuPer1k.toFixed(3)}, Redis ${row.redisCpuPer1k.toFixed(3)} s/1k`);
  return row;
}

interface StormResult {
  readonly clients: number;
  readonly rooms: number;
  readonly moved: number;
  readonly syncedMs: number;
  readonly confirmedKeys: number;
  readonly lost: number;
  /** resident MiB of each process with the clients connected (every process holds every room: clients of a room are spread) */
  readonly rssMiB: readonly number[];
}

const rssMiB = (pid: number): number => Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** N clients over M rooms on three processes; process 0 dies; its clients reconnect to 1 and 2. */
async function storm(cluster: Cluster, tokens: readonly string[]): Promise<StormResult> {
  const perRoom = Math.ceil(STORM_CLIENTS / STORM_ROOMS);
  const clients: { room: number; at: number; client: SyncClient }[] = [];
  for (let start = 0; start < STORM_ROOMS; start += 40) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(40, STORM_ROOMS - start) }, async (_, k) => {
        const room = start + k;
        return Promise.all(
          Array.from({ length: perRoom }, async (_, j) => {
            const at = (room + j) % 3;
            const client = await connect((cluster.relays[at] as RelayProcess).wsUrl, `b${room}/work`, tokens[room] as string);
            await client.waitSynced(30_000);
            return { room, at, client };
          }),
        );
      }),
    );
    for (const r of batch) clients.push(...r);
  }
  // One confirmed key per room, written through a client on process 0 where there is one.
  const keys = new Map<number, string>();
  await Promise.all(
    Array.from({ length: STORM_ROOMS }, async (_, room) => {
      const c = clients.find((x) => x.room === room && x.at === 0) ?? clients.find((x) => x.room === room);
      if (!c) return;
      const key = `k${room}`;
      await c.client.waitStored(c.client.write((d) => d.getMap('m').set(key, room)), 30_000);
      keys.set(room, key);
    }),
  );
  const rss = cluster.relays.map((r) => Math.round(rssMiB(r.pid)));
  const victims = clients.filter((c) => c.at === 0);
  const killedAt = performance.now();
  await (cluster.relays[0] as RelayProcess).kill();
  await Promise.all(victims.map((v) => v.client.closed));
  let lost = 0;
  await Promise.all(
    victims.map(async (v, i) => {
      const target = cluster.relays[1 + (i % 2)] as RelayProcess;
      for (let attempt = 0; ; attempt++) {
        try {
          const c = await connect(target.wsUrl, `b${v.room}/work`, tokens[v.room] as string);
          await c.waitSynced(60_000);
          if (!c.doc.getMap('m').has(keys.get(v.room) as string)) lost += 1;
          v.client = c;
          return;
        } catch (error) {
          if (attempt > 5) throw error;
          await sleep(100 * (attempt + 1));
        }
      }
    }),
  );
  const syncedMs = performance.now() - killedAt;
  await Promise.all(clients.map((c) => c.client.close()));
  await cluster.restart(0);
  const result = { clients: clients.length, rooms: STORM_ROOMS, moved: victims.length, syncedMs, confirmedKeys: keys.size, lost, rssMiB: rss };
  console.log(`storm: ${result.moved} of ${result.clients} clients on ${result.rooms} rooms moved; all synced again ${syncedMs.toFixed(0)} ms after the kill; confirmed keys lost: ${lost}; RSS before the kill ${rss.join(' / ')} MiB`);
  return result;
}

async function main(): Promise<void> {
  await buildRelay();
  const maxRooms = Math.max(...ROOMS, STORM_ROOMS);
  const rows: DeliveryRow[] = [];

  // SQLite: one relay, its own data folder.
  const dataDir = tempDataDir('lianxin-bench-sqlite-');
  const sqliteStore = createSqliteStore({ file: join(dataDir, 'lianxin.db') });
  const sqliteTokens = await makeRooms(sqliteStore, Math.max(...ROOMS));
  await sqliteStore.close();
  const sqlite = await startRelay({ dataDir, env: { ...LOAD_ENV, LIANXIN_SECRET: CLUSTER_SECRET } });

  const cluster = await startCluster({ processes: 3, env: LOAD_ENV });
  const pgStore = await createPostgresStore({ url: cluster.storeUrl });
  const pgTokens = await makeRooms(pgStore, maxRooms);
  await pgStore.close();
  const [a, b] = cluster.relays as [RelayProcess, RelayProcess];
  const engines = { pg: () => postgresPids(cluster.pg.dataDir), redis: () => [cluster.redis.pid()] };
  const none = { pg: () => [], redis: () => [] };

  const allRuns: DeliveryRow[] = [];
  for (const rooms of ROOMS) {
    // Interleaved by run, so bursts of other work on the shared cores hit every setup alike.
    for (let run = 0; run < RUNS; run++) {
      allRuns.push(await delivery('sqlite', sqlite.wsUrl, sqlite.wsUrl, sqliteTokens, rooms, () => [sqlite.pid], none));
      // One process's cost: B may still hold these documents (idle, not yet unloaded) and apply them too.
      allRuns.push(await delivery('pg same', a.wsUrl, a.wsUrl, pgTokens, rooms, () => [a.pid], engines));
      allRuns.push(await delivery('pg cross', a.wsUrl, b.wsUrl, pgTokens, rooms, () => [a.pid, b.pid], engines));
    }
    for (const setup of ['sqlite', 'pg same', 'pg cross']) {
      const runs = allRuns.filter((r) => r.rooms === rooms && r.setup === setup).sort((x, y) => x.p99 - y.p99);
      rows.push(runs[Math.floor(runs.length / 2)] as DeliveryRow);
    }
  }
  await sqlite.stop();

  const stormResult = STORM_CLIENTS > 0 ? await storm(cluster, pgTokens) : null;
  let kill = null;
  if (KILL_CYCLES > 0) {
    const result = await killCycles(cluster, KILL_CYCLES);
    const sorted = [...result.failoverMs].sort((x, y) => x - y);
    kill = { cycles: result.cycles, confirmed: result.confirmed, lost: result.lost.length, failoverMedianMs: sorted[Math.floor(sorted.length / 2)] };
    console.log(`kill cycles: ${kill.cycles}, confirmed keys ${kill.confirmed}, lost ${kill.lost}, failover median ${kill.failoverMedianMs?.toFixed(0)} ms`);
  }
  await cluster.stop();

  console.log(`\nmedian run by p99 of ${RUNS}; ${WINDOW_S}-s windows, writers at ${WRITE_HZ} Hz, 2 observers per room`);
  console.log('| setup | R | p50 ms | p99 ms | delivered | lost | relay CPU s / 1k delivered | Postgres CPU s / 1k | Redis CPU s / 1k |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.setup} | ${r.rooms} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.delivered} | ${r.lost} | ${r.relayCpuPer1k.toFixed(3)} | ${r.pgCpuPer1k.toFixed(3)} | ${r.redisCpuPer1k.toFixed(3)} |`);
  for (const rooms of ROOMS) {
    const same = rows.find((r) => r.rooms === rooms && r.setup === 'pg same') as DeliveryRow;
    const cross = rows.find((r) => r.rooms === rooms && r.setup === 'pg cross') as DeliveryRow;
    const lite = rows.find((r) => r.rooms === rooms && r.setup === 'sqlite') as DeliveryRow;
    console.log(`R=${rooms}: cross/same p99 ${(cross.p99 / same.p99).toFixed(2)}× (target ≤ 2×); relay CPU pg/sqlite ${(same.relayCpuPer1k / lite.relayCpuPer1k).toFixed(2)}×, with Postgres+Redis ${((same.relayCpuPer1k + same.pgCpuPer1k + same.redisCpuPer1k) / lite.relayCpuPer1k).toFixed(2)}×`);
  }
  writeFileSync(join(import.meta.dirname, 'last-run.json'), JSON.stringify({ at: new Date().toISOString(), windowS: WINDOW_S, runs: RUNS, writeHz: WRITE_HZ, rows, allRuns, storm: stormResult, kill }, null, 2) + '\n');
}

await main();
process.exit(0);
