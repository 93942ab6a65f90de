/**
 * Relay processes on one real Postgres and one real Redis (`relay serve --store postgres://…
 * --bus redis://…`), for the cluster scenario and the cluster benchmark. `killCycles` is the
 * crash scenario: writers on every process stream map keys, one process is SIGKILLed mid-stream,
 * its writer reconnects to another process, the dead one is started again; every key any process
 * confirmed must be in the document, on every process.
 */
import { performance } from 'node:perf_hooks';
import { startPostgres, type PostgresServer } from './postgres';
import { startRedis, type RedisServer } from './redis';
import { startRelay, type RelayProcess, type StartRelayOptions } from './relayProcess';
import { connect, type SyncClient } from './syncClient';

export const CLUSTER_SECRET = 'cluster-secret-0123456789abcdef0123';

export interface Cluster {
  readonly pg: PostgresServer;
  readonly redis: RedisServer;
  readonly storeUrl: string;
  readonly relays: RelayProcess[];
  /** a secretary token of community c1 */
  readonly token: string;
  /** Starts process `i` again (after a kill), on the same store, bus and port (a client's list of relay URLs stays right). */
  restart(i: number): Promise<RelayProcess>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  readonly processes: number;
  readonly env?: Record<string, string>;
  readonly entry?: StartRelayOptions['entry'];
  /** shared servers (a test file starts them once) */
  readonly pg?: PostgresServer;
  readonly redis?: RedisServer;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const ownPg = !options.pg;
  const ownRedis = !options.redis;
  const [pg, redis] = await Promise.all([options.pg ?? startPostgres(), options.redis ?? startRedis()]);
  const storeUrl = await pg.createDatabase();
  const start = (port = 0): Promise<RelayProcess> =>
    startRelay({ store: storeUrl, port, args: ['--bus', redis.url], entry: options.entry, env: { LIANXIN_SECRET: CLUSTER_SECRET, LIANXIN_LOG_LEVEL: 'info', ...options.env } });
  const relays = await Promise.all(Array.from({ length: options.processes }, () => start()));
  const first = relays[0] as RelayProcess;
  const res = await fetch(`${first.url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: await first.waitForSetupCode(), community: { id: 'c1', name: '枫林社区', kind: 'urban' }, secretary: { name: '李书记' } }),
  });
  if (res.status !== 201) throw new Error(`setup answered ${res.status}: ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return {
    pg,
    redis,
    storeUrl,
    relays,
    token,
    async restart(i) {
      const old = relays[i] as RelayProcess;
      if (!old.exited) await old.kill();
      relays[i] = await start(old.port);
      return relays[i] as RelayProcess;
    },
    async stop() {
      await Promise.all(relays.map((r) => (r.exited ? undefined : r.stop())));
      await Promise.all([ownPg ? pg.stop() : undefined, ownRedis ? redis.stop() : undefined]);
    },
  };
}

export interface KillCyclesResult {
  readonly cycles: number;
  /** keys some process confirmed as stored, over all cycles */
  readonly confirmed: number;
  /** confirmed keys missing anywhere (must be 0) */
  readonly lost: readonly string[];
  /** SIGKILL → the killed process's writer synced on another process, per cycle (ms) */
  readonly failoverMs: readonly number[];
}

const ROOM = 'c1/work';
const keysOf = (c: SyncClient): Set<string> => new Set(c.doc.getMap('m').keys());

/** Streams keys until `stop()`; resolves the confirmed keys once the socket closed or the stream was stopped and stored. */
function streamKeys(client: SyncClient, prefix: string): { stop(): Promise<string[]>; confirmedSoFar(): number } {
  const keyOfCount = new Map<number, string>();
  let i = 0;
  let streaming = true;
  const loop = (async () => {
    while (streaming && client.ws.readyState === client.ws.OPEN) {
      const key = `${prefix}k${++i}`;
      keyOfCount.set(client.write((d) => d.getMap('m').set(key, i)), key);
      if (i % 4 === 0) await new Promise((r) => setTimeout(r, 80));
    }
  })();
  return {
    confirmedSoFar: () => client.stored(),
    async stop() {
      streaming = false;
      await loop;
      if (client.ws.readyState === client.ws.OPEN) {
        const last = Math.max(0, ...keyOfCount.keys());
        await client.waitStored(last, 15_000).catch(() => undefined);
      }
      const stored = client.stored();
      return [...keyOfCount].filter(([count]) => count <= stored).map(([, key]) => key);
    },
  };
}

export async function killCycles(cluster: Cluster, cycles: number): Promise<KillCyclesResult> {
  const confirmed: string[] = [];
  const lost = new Set<string>();
  const failoverMs: number[] = [];
  const n = cluster.relays.length;
  const check = (client: SyncClient): void => {
    const have = keysOf(client);
    for (const key of confirmed) if (!have.has(key)) lost.add(key);
  };
  for (let cycle = 0; cycle < cycles; cycle++) {
    const victim = cycle % n;
    const writers = await Promise.all(cluster.relays.map((r) => connect(r.wsUrl, ROOM, cluster.token)));
    await Promise.all(writers.map((w) => w.waitSynced(15_000)));
    for (const w of writers) check(w);
    const streams = writers.map((w, i) => streamKeys(w, `c${cycle}p${i}`));
    // Killed mid-stream, once the victim's writer has some writes of this cycle confirmed.
    await (writers[victim] as SyncClient).waitStored(10, 30_000);
    const killedAt = performance.now();
    await (cluster.relays[victim] as RelayProcess).kill();
    await (writers[victim] as SyncClient).closed;
    // No acknowledgement can arrive once the socket is closed: this is what the dead process confirmed.
    confirmed.push(...(await (streams[victim] as ReturnType<typeof streamKeys>).stop()));
    // Its writer goes to the next process and finds every key confirmed so far (any process's).
    const moved = await connect((cluster.relays[(victim + 1) % n] as RelayProcess).wsUrl, ROOM, cluster.token);
    await moved.waitSynced(15_000);
    failoverMs.push(performance.now() - killedAt);
    check(moved);
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < n; i++) if (i !== victim) confirmed.push(...(await (streams[i] as ReturnType<typeof streamKeys>).stop()));
    // The survivors' writers stayed connected through the kill: fan-out brings them every confirmed key live.
    const live = [moved, ...writers.filter((_, i) => i !== victim)];
    const want = [...confirmed];
    await Promise.all(live.map((c) => c.waitFor(() => want.every((k) => keysOf(c).has(k)), 'every confirmed key, live', 15_000).catch(() => undefined)));
    for (const c of live) check(c);
    await Promise.all(live.map((c) => c.close()));
    await cluster.restart(victim);
  }
  const finals = await Promise.all(cluster.relays.map((r) => connect(r.wsUrl, ROOM, cluster.token)));
  await Promise.all(finals.map((c) => c.waitSynced(15_000)));
  for (const c of finals) check(c);
  await Promise.all(finals.map((c) => c.close()));
  return { cycles, confirmed: confirmed.length, lost: [...lost], failoverMs };
}
