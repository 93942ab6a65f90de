// Process-level: three relay processes on one real Postgres and one real Redis
// (`relay serve --store postgres://… --bus redis://…`). Clients on different processes converge
// live (no reload) and see each other's awareness; a revocation on one process closes the token's
// sockets on the others through the bus (the store poll is slowed to a minute here, so only the bus
// can do it); Redis killed and restarted loses nothing confirmed and fan-out resumes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@lianxin/protocol';
import { startPostgres, type PostgresServer } from '../../test/support/postgres';
import { startRedis, type RedisServer } from '../../test/support/redis';
import { fetchMetrics, startRelay, type RelayProcess } from '../../test/support/relayProcess';
import { awarenessClients, awarenessMessage, connect, type SyncClient } from '../../test/support/syncClient';

const SECRET = 'cluster-test-secret-0123456789abcdef';
let pg: PostgresServer;
let redis: RedisServer;
const running: RelayProcess[] = [];
beforeAll(async () => {
  [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
});
afterAll(async () => {
  for (const r of running) if (!r.exited) await r.kill();
  await Promise.all([pg?.stop(), redis?.stop()]);
});

/** Three processes on a fresh database and the shared Redis; a secretary token made through the first. */
async function cluster(env: Record<string, string> = {}): Promise<{ relays: RelayProcess[]; token: string }> {
  const store = await pg.createDatabase();
  const relays = await Promise.all([0, 1, 2].map(() => startRelay({ store, args: ['--bus', redis.url], env: { LIANXIN_SECRET: SECRET, ...env } })));
  running.push(...relays);
  const code = await (relays[0] as RelayProcess).waitForSetupCode();
  const res = await fetch(`${(relays[0] as RelayProcess).url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, community: { id: 'c1', name: '枫林社区', kind: 'urban' }, secretary: { name: '李书记' } }),
  });
  expect(res.status).toBe(201);
  const { token } = (await res.json()) as { token: string };
  return { relays, token };
}

async function health(relay: RelayProcess): Promise<Record<string, unknown>> {
  return (await (await fetch(`${relay.url}/healthz`)).json()) as Record<string, unknown>;
}

const keys = (client: SyncClient): string[] => [...client.doc.getMap('m').keys()].sort();

async function converged(clients: SyncClient[], expected: string[]): Promise<void> {
  const want = [...expected].sort();
  for (const c of clients) await c.waitFor(() => keys(c).length === want.length && keys(c).join() === want.join(), `${want.length} keys`, 15_000);
}

describe('relay processes on Postgres and Redis', () => {
  it('clients on three processes converge live and see each other\'s awareness', async () => {
    const { relays, token } = await cluster();
    expect(await health(relays[1] as RelayProcess)).toMatchObject({ ok: true, store: 'ok', bus: 'ok', busKind: 'redis' });
    const clients = await Promise.all(relays.map((r) => connect(r.wsUrl, 'c1/work', token)));
    await Promise.all(clients.map((c) => c.waitSynced()));
    const expected: string[] = [];
    const counts = clients.map(() => 0);
    for (let round = 0; round < 10; round++) {
      clients.forEach((c, i) => {
        counts[i] = c.write((d) => d.getMap('m').set(`p${i}-${round}`, round));
        expected.push(`p${i}-${round}`);
      });
    }
    await Promise.all(clients.map((c, i) => c.waitStored(counts[i] as number, 10_000)));
    await converged(clients, expected);

    // Awareness set on process 0 reaches a client on process 2 (and one that joins later on process 1).
    const [a, , c] = clients as [SyncClient, SyncClient, SyncClient];
    a.send(awarenessMessage([{ clientId: a.doc.clientID, clock: 1, state: { user: '李书记', cursor: 3 } }]));
    await c.waitFor(() => c.received.some((m) => awarenessClients(m).includes(a.doc.clientID)), 'awareness from another process', 10_000);
    const late = await connect((relays[1] as RelayProcess).wsUrl, 'c1/work', token);
    await late.waitFor(() => late.received.some((m) => awarenessClients(m).includes(a.doc.clientID)), 'awareness on a process that loads the document later', 10_000);
    await late.waitSynced();
    expect(keys(late)).toEqual([...expected].sort());
    for (const client of [...clients, late]) await client.close();
  });

  it('a revocation on one process closes the token\'s sockets on every process', async () => {
    // A minute between store polls: within the test only the bus can close the other sockets.
    const { relays, token } = await cluster({ LIANXIN_SWEEP_MS: '60000' });
    const me = (await (await fetch(`${(relays[0] as RelayProcess).url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { jti: string };
    const sockets = await Promise.all(relays.map((r) => connect(r.wsUrl, 'c1/work', token)));
    await Promise.all(sockets.map((s) => s.waitSynced()));
    const revoked = await fetch(`${(relays[0] as RelayProcess).url}/api/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tokenId: me.jti }),
    });
    expect(revoked.status).toBe(200);
    const closes = await Promise.all(sockets.map((s) => s.closed));
    expect(closes.map((c) => c.code)).toEqual([CloseCode.revoked, CloseCode.revoked, CloseCode.revoked]);
  });

  it('Redis killed and restarted: writes go on, nothing confirmed is lost, fan-out resumes', async () => {
    const { relays, token } = await cluster();
    const [r0, r1] = relays as [RelayProcess, RelayProcess];
    const a = await connect(r0.wsUrl, 'c1/work', token);
    const b = await connect(r1.wsUrl, 'c1/work', token);
    await Promise.all([a.waitSynced(), b.waitSynced()]);
    await a.waitStored(a.write((d) => d.getMap('m').set('before', 1)), 10_000);
    await b.waitFor(() => keys(b).includes('before'), 'fan-out before the outage', 10_000);

    await redis.kill();
    await expect.poll(async () => (await health(r0)).bus, { timeout: 10_000, interval: 100 }).toBe('error');
    const down = await fetch(`${r0.url}/healthz`);
    // The process still serves and stores: the lost bus is reported, not fatal.
    expect(down.status).toBe(200);
    expect(await down.json()).toMatchObject({ ok: true, store: 'ok', bus: 'error', busReason: expect.stringMatching(/redis unreachable/) });
    // Writes during the outage are stored and confirmed (the store is the truth).
    let lastA = 0;
    for (let i = 0; i < 5; i++) lastA = a.write((d) => d.getMap('m').set(`during${i}`, i));
    await a.waitStored(lastA, 10_000);
    expect(a.ws.readyState).toBe(a.ws.OPEN);

    await redis.restart();
    await expect.poll(async () => (await health(r1)).bus, { timeout: 15_000, interval: 100 }).toBe('ok');
    // b catches up from the store on the reconnection: the outage's writes arrive without a reload.
    await b.waitFor(() => ['during0', 'during4'].every((k) => keys(b).includes(k)), 'writes made during the outage', 15_000);
    // And fan-out resumes for new writes, both ways.
    await b.waitStored(b.write((d) => d.getMap('m').set('after-b', 1)), 10_000);
    await a.waitStored(a.write((d) => d.getMap('m').set('after-a', 1)), 10_000);
    const expected = ['before', 'during0', 'during1', 'during2', 'during3', 'during4', 'after-a', 'after-b'];
    await converged([a, b], expected);
    await a.close();
    await b.close();
    // Everything confirmed is in the store: a fresh client on the third process loads it.
    const fresh = await connect((relays[2] as RelayProcess).wsUrl, 'c1/work', token);
    await fresh.waitSynced();
    expect(keys(fresh)).toEqual([...expected].sort());
    await fresh.close();
  });

  it('Postgres restarted: writes are refused cleanly on every process, then resume and fan out', async () => {
    const { relays, token } = await cluster();
    const [r0, r1] = relays as [RelayProcess, RelayProcess];
    const a = await connect(r0.wsUrl, 'c1/work', token);
    const b = await connect(r1.wsUrl, 'c1/work', token);
    await Promise.all([a.waitSynced(), b.waitSynced()]);
    await a.waitStored(a.write((d) => d.getMap('m').set('before', 1)), 10_000);
    await b.waitFor(() => keys(b).includes('before'), 'fan-out before the restart', 10_000);

    await pg.halt();
    try {
      const confirmed = a.stored();
      a.write((d) => d.getMap('m').set('refused', 1));
      // Told "not saved" (4500, retry), never confirmed; the bus is fine, so it says nothing else.
      expect((await a.closed).code).toBe(CloseCode.storeFailed);
      expect(a.stored()).toBe(confirmed);
      expect(await health(r0)).toMatchObject({ ok: false, store: 'error', bus: 'ok' });
    } finally {
      await pg.resume();
    }
    await expect.poll(async () => (await fetch(`${r0.url}/healthz`)).status, { timeout: 15_000, interval: 200 }).toBe(200);
    const again = await connect(r0.wsUrl, 'c1/work', token);
    await again.waitSynced();
    expect(keys(again)).toEqual(['before']);
    await again.waitStored(again.write((d) => d.getMap('m').set('after', 1)), 10_000);
    await b.waitFor(() => keys(b).includes('after'), 'fan-out after the restart', 10_000);
    expect(keys(b)).toEqual(['after', 'before']);
    await again.close();
    await b.close();
  });

  it('a process started while Redis is down serves its clients, and fans out once Redis answers', async () => {
    await redis.kill();
    let restarted = false;
    try {
      const { relays, token } = await cluster();
      const [r0, r1] = relays as [RelayProcess, RelayProcess];
      expect(await health(r0)).toMatchObject({ ok: true, bus: 'error' });
      const a = await connect(r0.wsUrl, 'c1/work', token);
      await a.waitSynced();
      await a.waitStored(a.write((d) => d.getMap('m').set('alone', 1)), 10_000);
      await redis.restart();
      restarted = true;
      await expect.poll(async () => (await health(r1)).bus, { timeout: 15_000, interval: 100 }).toBe('ok');
      await expect.poll(async () => (await health(r0)).bus, { timeout: 15_000, interval: 100 }).toBe('ok');
      const b = await connect(r1.wsUrl, 'c1/work', token);
      await b.waitSynced();
      expect(keys(b)).toEqual(['alone']);
      await a.waitStored(a.write((d) => d.getMap('m').set('live', 1)), 10_000);
      await b.waitFor(() => keys(b).includes('live'), 'fan-out once Redis answers', 10_000);
      await a.close();
      await b.close();
    } finally {
      if (!restarted) await redis.restart();
    }
  });

  it('an update too big for the stream goes as a head; the other process loads it from the store', async () => {
    const { relays, token } = await cluster();
    const [r0, r1] = relays as [RelayProcess, RelayProcess];
    const a = await connect(r0.wsUrl, 'c1/work', token);
    const b = await connect(r1.wsUrl, 'c1/work', token);
    await Promise.all([a.waitSynced(), b.waitSynced()]);
    const big = 'x'.repeat(100 * 1024);
    await a.waitStored(a.write((d) => d.getMap('m').set('big', big)), 10_000);
    await b.waitFor(() => b.doc.getMap('m').get('big') === big, 'the big update on the other process', 10_000);
    expect(await fetchMetrics(r1.url)).toMatch(/^lianxin_bus_catch_ups_total [1-9]/m);
    await a.close();
    await b.close();
  });
});
