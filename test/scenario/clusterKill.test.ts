// Three relay processes on one Postgres and one Redis; writers on every process stream keys into
// one document while one process after another is killed with SIGKILL. The killed process's writer
// reconnects to another process; every key any process confirmed is in the document on every
// process, and the writers that stayed connected receive them live. 10 cycles here;
// LIANXIN_CLUSTER_CYCLES=50 (or `npm run bench -- cluster --kill-cycles 50`) for the full run.
// Then the real client: a community session given the three URLs moves to the next process when
// its own is killed, and starts on the second when the first is dead.
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunitySession } from '@lianxin/sync';
import { killCycles, startCluster, type Cluster } from '../support/cluster';
import type { RelayProcess } from '../support/relayProcess';
import { connect } from '../support/syncClient';
import { deviceRack, settled, waitForStatus, waitUntil } from './nodeSession';

const CYCLES = Number(process.env.LIANXIN_CLUSTER_CYCLES ?? 10);
let cluster: Cluster;
beforeAll(async () => {
  // Writers stream faster than a person types: the per-connection rate and CPU budgets are off here.
  cluster = await startCluster({ processes: 3, env: { LIANXIN_RATE: '100000', LIANXIN_BURST: '100000', LIANXIN_CPU_MS: '0', LIANXIN_DOC_CPU_MS: '0' } });
});
afterAll(async () => {
  await cluster?.stop();
});

describe('a relay process killed during a stream of writes, in a cluster of three', () => {
  it(`loses no confirmed update over ${CYCLES} kills; clients move to another process`, async () => {
    const result = await killCycles(cluster, CYCLES);
    expect(result.confirmed).toBeGreaterThan(CYCLES * 10);
    expect(result.lost).toEqual([]);
  }, 60_000 + CYCLES * 10_000);
});

/** Waits until a process holds exactly `n` open WebSockets (`/healthz`; a closed check client may take a moment to leave). */
async function expectSockets(relay: RelayProcess, n: number): Promise<void> {
  let connections = -1;
  for (let i = 0; i < 100 && connections !== n; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 50));
    connections = ((await (await fetch(`${relay.url}/healthz`)).json()) as { connections: number }).connections;
  }
  expect(connections, `sockets on ${relay.url}`).toBe(n);
}

/** The keys of the session's stream as a process holds them (a raw client of its own, closed again). */
async function keysOn(relay: RelayProcess): Promise<Set<string>> {
  const client = await connect(relay.wsUrl, 'c1/work', cluster.token);
  await client.waitSynced(15_000);
  const keys = new Set(client.doc.getMap(STREAM).keys());
  await client.close();
  return keys;
}

const STREAM = 'failover';
const keyRange = (prefix: string, from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `${prefix}${from + i + 1}`);

/** Writes one key into the session's `work` every 20 ms, as a person's device would, offline or not. */
function streamInto(session: CommunitySession, prefix: string): { written(): number; write(): void; stop(): void } {
  let n = 0;
  const write = (): void => void session.docs.work!.getMap(STREAM).set(`${prefix}${++n}`, n);
  const timer = setInterval(write, 20);
  return { written: () => n, write, stop: () => clearInterval(timer) };
}

const SESSION_CYCLES = 3;
const devices = deviceRack();
afterAll(() => devices.destroyAll());

describe('a community session (packages/sync) given all three relay URLs', () => {
  it(`moves to the next process when its own is killed mid-stream, ${SESSION_CYCLES} times: no confirmed change lost, the pending ones stored there`, async () => {
    const urls = cluster.relays.map((r) => r.url);
    const session = devices.add().open(urls, cluster.token);
    await settled(session);
    const stream = streamInto(session, 'k');
    const confirmedOf = (): number => stream.written() - session.getStatus().pending;
    for (let cycle = 0; cycle < SESSION_CYCLES; cycle++) {
      const at = urls.indexOf(session.relayUrl());
      expect(at).toBeGreaterThanOrEqual(0);
      const victim = cluster.relays[at] as RelayProcess;
      // Every open document is on that one process (the checks' raw clients are closed).
      await waitUntil(() => session.getStatus().type === 'synced', 'synced');
      await expectSockets(victim, Object.keys(session.getStatus().docs).length);
      const before = confirmedOf();
      await waitUntil(() => confirmedOf() >= before + 5, 'some writes of this cycle confirmed');
      await victim.kill();
      // Its sockets are closed once the status leaves "synced": every `stored` the dead process sent is counted by then.
      await waitForStatus(session, (s) => s.type !== 'synced', 'the socket to the killed process closed');
      const confirmed = confirmedOf();
      // Written while between processes: pending for sure.
      for (let i = 0; i < 3; i++) stream.write();
      const next = cluster.relays[(at + 1) % urls.length] as RelayProcess;
      await waitUntil(() => session.relayUrl() === next.url && session.getStatus().type === 'synced', 'the session synced on the next process');
      const held = await keysOn(next);
      expect(keyRange('k', 0, confirmed).filter((k) => !held.has(k))).toEqual([]);
      await expectSockets(next, Object.keys(session.getStatus().docs).length);
      await cluster.restart(at);
    }
    stream.stop();
    await settled(session);
    const all = keyRange('k', 0, stream.written());
    for (const relay of cluster.relays) {
      const held = await keysOn(relay);
      expect(all.filter((k) => !held.has(k))).toEqual([]);
    }
  }, 120_000);

  it('starts on the second URL when the first is dead from the start, and stores what it wrote there', async () => {
    const dead = await freeUrl();
    const [, second, third] = cluster.relays as [RelayProcess, RelayProcess, RelayProcess];
    const session = devices.add().open([dead, second.url, third.url], cluster.token);
    await session.whenLoaded;
    for (let i = 1; i <= 5; i++) session.docs.work!.getMap(STREAM).set(`d${i}`, i);
    await settled(session);
    expect(session.relayUrl()).toBe(second.url);
    const held = await keysOn(third);
    expect(keyRange('d', 0, 5).filter((k) => !held.has(k))).toEqual([]);
  }, 60_000);
});

/** An http URL on a loopback port nobody listens on. */
function freeUrl(): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(`http://127.0.0.1:${port}`));
    });
  });
}
