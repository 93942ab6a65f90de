// Process-level: relay processes on one real Postgres (`relay serve --store postgres://…`). Any
// process serves any document from the database, a setup code printed by one works on another
// (once), confirmed updates survive a restart, and a lost database refuses writes cleanly, is
// reported by /healthz, and is recovered from without restarting the relay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@lianxin/protocol';
import { startPostgres, type PostgresServer } from '../../test/support/postgres';
import { startRelay, type RelayProcess } from '../../test/support/relayProcess';
import { connect, type SyncClient } from '../../test/support/syncClient';

const SECRET = 'postgres-test-secret-0123456789abcdef';
let pg: PostgresServer;
const running: RelayProcess[] = [];
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  for (const r of running) if (!r.exited) await r.kill();
  await pg?.stop();
});

async function relayOn(store: string): Promise<RelayProcess> {
  const relay = await startRelay({ store, env: { LIANXIN_SECRET: SECRET } });
  running.push(relay);
  return relay;
}

async function health(relay: RelayProcess): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${relay.url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function setUp(relay: RelayProcess, code: string): Promise<Response> {
  return fetch(`${relay.url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, community: { id: 'c1', name: '枫林社区', kind: 'urban' }, secretary: { name: '李书记' } }),
  });
}

/** `count` writes of keys `${prefix}0…`; resolves with the count of the last once it is stored. */
async function writeKeys(client: SyncClient, prefix: string, count: number): Promise<number> {
  let last = 0;
  for (let i = 0; i < count; i++) last = client.write((d) => d.getMap('m').set(`${prefix}${i}`, i));
  await client.waitStored(last, 10_000);
  return last;
}

const keys = (client: SyncClient): string[] => [...client.doc.getMap('m').keys()].sort();

describe('relay processes on Postgres', () => {
  it('sync through the database, a setup code works once on any process, everything survives a restart', async () => {
    const url = await pg.createDatabase();
    let a = await relayOn(url);
    const b = await relayOn(url);
    const codeA = await a.waitForSetupCode();
    const codeB = await b.waitForSetupCode();
    // A's code, consumed through B; then no code works any more, on either process.
    const made = await setUp(b, codeA);
    expect(made.status).toBe(201);
    const { token } = (await made.json()) as { token: string };
    expect((await setUp(a, codeB)).status).toBe(403);
    expect((await setUp(b, codeA)).status).toBe(403);
    expect(await health(a)).toEqual({ status: 200, body: expect.objectContaining({ ok: true, store: 'ok', storeKind: 'postgres' }) });

    const writer = await connect(a.wsUrl, 'c1/work', token);
    await writer.waitSynced();
    await writeKeys(writer, 'a', 30);
    const reader = await connect(b.wsUrl, 'c1/work', token);
    await reader.waitSynced();
    expect(keys(reader)).toEqual(keys(writer));
    expect(keys(reader)).toHaveLength(30);
    await reader.close();
    await writer.close();

    a = await a.restart();
    running.push(a);
    const again = await connect(a.wsUrl, 'c1/work', token);
    await again.waitSynced();
    expect(keys(again)).toHaveLength(30);
    await again.close();
    await a.stop();
    await b.stop();
  });

  it('refuses writes while the database is gone, says why on /healthz, and resumes without a restart', async () => {
    const url = await pg.createDatabase();
    const relay = await relayOn(url);
    const made = await setUp(relay, await relay.waitForSetupCode());
    const { token } = (await made.json()) as { token: string };
    const writer = await connect(relay.wsUrl, 'c1/work', token);
    await writer.waitSynced();
    await writeKeys(writer, 'before', 10);

    await pg.halt();
    const down = await health(relay);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ ok: false, store: 'error' });
    expect(String(down.body.reason)).toMatch(/postgres unreachable/);
    // A write now fails in the database: the relay closes the document with 4500 (retry), and
    // confirms nothing it could not store.
    const confirmed = writer.stored();
    writer.write((d) => d.getMap('m').set('lost', 1));
    expect((await writer.closed).code).toBe(CloseCode.storeFailed);
    expect(writer.stored()).toBe(confirmed);
    const refused = await health(relay);
    expect(refused.status).toBe(503);

    await pg.resume();
    await expect.poll(async () => (await health(relay)).status, { timeout: 15_000, interval: 200 }).toBe(200);
    const back = await connect(relay.wsUrl, 'c1/work', token);
    await back.waitSynced();
    expect(keys(back)).toEqual(Array.from({ length: 10 }, (_, i) => `before${i}`).sort());
    await writeKeys(back, 'after', 5);
    await back.close();
    await relay.stop();
    // Everything confirmed is in the database: a fresh process loads it.
    const fresh = await relayOn(url);
    const reader = await connect(fresh.wsUrl, 'c1/work', token);
    await reader.waitSynced();
    expect(keys(reader)).toHaveLength(15);
    await reader.close();
    await fresh.stop();
  });
});
