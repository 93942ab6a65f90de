// Process-level: what the relay confirmed as stored survives SIGKILL; SIGTERM exits cleanly;
// compaction and idle unloading keep documents whole; metrics, health and logs.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { CloseCode } from '@lianxin/protocol';
import { createCommunity, fetchMetrics, startRelay, type RelayProcess } from '../../test/support/relayProcess';
import { connect, upgradeStatus } from '../../test/support/syncClient';

const running: RelayProcess[] = [];
const tokensSeen: string[] = [];
async function start(env: Record<string, string> = {}, dataDir?: string): Promise<RelayProcess> {
  const relay = await startRelay({ env, dataDir });
  running.push(relay);
  return relay;
}
afterAll(async () => {
  for (const r of running) if (!r.exited) await r.kill();
});

/** Rows of a document's log that its snapshot does not hold yet. */
function unfoldedRows(dataDir: string, room: string): number {
  const db = new Database(join(dataDir, 'lianxin.db'), { readonly: true });
  try {
    return (
      db
        .prepare('SELECT count(*) AS n FROM doc_updates u JOIN docs d ON d.id = u.doc LEFT JOIN doc_snapshots s ON s.doc = u.doc WHERE d.name = ? AND u.seq > coalesce(s.through_seq, 0)')
        .get(room) as { n: number }
    ).n;
  } finally {
    db.close();
  }
}

async function readBack(relay: RelayProcess, room: string, token: string) {
  const check = await connect(relay.wsUrl, room, token);
  await check.waitSynced();
  const map = check.doc.getMap('m').toJSON() as Record<string, unknown>;
  await check.close();
  return map;
}

describe('durability', () => {
  it('SIGKILL during a stream of writes loses nothing the relay confirmed as stored', async () => {
    const relay = await start();
    const { token } = await createCommunity(relay.dataDir, 'c1', '枫林社区');
    tokensSeen.push(token);
    const writer = await connect(relay.wsUrl, 'c1/work', token);
    await writer.waitSynced();
    const keyOfCount = new Map<number, string>();
    let i = 0;
    let streaming = true;
    const stream = (async () => {
      while (streaming) {
        const key = `k${++i}`;
        keyOfCount.set(writer.write((d) => d.getMap('m').set(key, i)), key);
        // ~1 write per millisecond, in bursts the relay batches
        if (i % 5 === 0) await new Promise((r) => setTimeout(r, 4));
      }
    })();
    await writer.waitStored(200, 10_000);
    await new Promise((r) => setTimeout(r, 150));
    await relay.kill();
    streaming = false;
    await stream;
    const acknowledged = writer.stored();
    expect(acknowledged).toBeGreaterThanOrEqual(200);
    // The kill interrupted the stream: some writes were sent and never confirmed.
    expect(Math.max(...keyOfCount.keys())).toBeGreaterThan(acknowledged);

    expect(unfoldedRows(relay.dataDir, 'c1/work')).toBeGreaterThan(0);
    const restarted = await relay.restart();
    running.push(restarted);
    // Opening its store, the relay folded what the kill left in the log into a snapshot.
    expect(unfoldedRows(restarted.dataDir, 'c1/work')).toBe(0);
    const map = await readBack(restarted, 'c1/work', token);
    const missing = [...keyOfCount].filter(([count, key]) => count <= acknowledged && !(key in map)).map(([, key]) => key);
    expect(missing).toEqual([]);
    expect(Object.keys(map).length).toBeGreaterThanOrEqual(acknowledged - 1);
    await restarted.stop();
  });

  it('SIGTERM closes sockets with 1001, stores what it accepted and exits 0', async () => {
    const relay = await start();
    const { token } = await createCommunity(relay.dataDir, 'c1', '枫林社区');
    tokensSeen.push(token);
    const writer = await connect(relay.wsUrl, 'c1/roster', token);
    await writer.waitSynced();
    let last = 0;
    for (let k = 0; k < 50; k++) last = writer.write((d) => d.getMap('m').set(`r${k}`, k));
    await writer.waitStored(last);
    const [code, closed] = await Promise.all([relay.stop(), writer.closed]);
    expect(code).toBe(0);
    expect(closed.code).toBe(CloseCode.goingAway);
    expect(relay.logRecords().some((r) => r.msg === 'stopped')).toBe(true);
    const restarted = await relay.restart();
    running.push(restarted);
    expect(Object.keys(await readBack(restarted, 'c1/roster', token))).toHaveLength(50);
    expect(await restarted.stop()).toBe(0);
  });

  it('compacts long logs and unloads idle documents without losing anything', async () => {
    const relay = await start({ LIANXIN_COMPACT_UPDATES: '20', LIANXIN_IDLE_MS: '200', LIANXIN_SWEEP_MS: '50' });
    const { token } = await createCommunity(relay.dataDir, 'c1', '枫林社区');
    tokensSeen.push(token);
    const writer = await connect(relay.wsUrl, 'c1/meetings', token);
    await writer.waitSynced();
    let last = 0;
    for (let k = 0; k < 100; k++) {
      last = writer.write((d) => d.getMap('m').set(`m${k}`, k));
      if (k % 10 === 9) await writer.waitStored(last);
    }
    await writer.waitStored(last);
    await relay.waitForLog((r) => r.msg === 'compacted' && r.room === 'c1/meetings');
    const db = new Database(join(relay.dataDir, 'lianxin.db'), { readonly: true });
    // Folded rows leave the table when the store cuts its log (in steps of a thousand or more).
    const logRows = (
      db
        .prepare("SELECT count(*) AS n FROM doc_updates u JOIN docs d ON d.id = u.doc JOIN doc_snapshots s ON s.doc = u.doc WHERE d.name = 'c1/meetings' AND u.seq > s.through_seq")
        .get() as { n: number }
    ).n;
    const snapshots = (db.prepare("SELECT count(*) AS n FROM doc_snapshots s JOIN docs d ON d.id = s.doc WHERE d.name = 'c1/meetings'").get() as { n: number }).n;
    db.close();
    expect(snapshots).toBe(1);
    expect(logRows).toBeLessThan(40);

    await writer.close();
    await relay.waitForLog((r) => r.msg === 'document unloaded' && r.room === 'c1/meetings');
    const metrics = await fetchMetrics(relay.url);
    expect(metrics).toMatch(/lianxin_documents_loaded 0/);
    expect(metrics).toMatch(/lianxin_evictions_total [1-9]/);
    const map = await readBack(relay, 'c1/meetings', token);
    expect(Object.keys(map)).toHaveLength(100);
    expect(await relay.stop()).toBe(0);
  });
});

describe('the update log stays short', () => {
  it('compacts a document left behind by the writes of others, so loads scan a short log', async () => {
    const relay = await start({ LIANXIN_COMPACT_LAG: '60', LIANXIN_SWEEP_MS: '50' });
    const { token } = await createCommunity(relay.dataDir, 'c1', '枫林社区');
    tokensSeen.push(token);
    const quiet = await connect(relay.wsUrl, 'c1/care', token);
    const busy = await connect(relay.wsUrl, 'c1/work', token);
    await Promise.all([quiet.waitSynced(), busy.waitSynced()]);
    await quiet.waitStored(quiet.write((d) => d.getMap('m').set('once', 1)));
    // Journaled first, in the database within the journal's move interval.
    await expect.poll(() => unfoldedRows(relay.dataDir, 'c1/care')).toBe(1);
    let last = 0;
    for (let k = 0; k < 80; k++) last = busy.write((d) => d.getMap('m').set(`w${k}`, k));
    await busy.waitStored(last);
    await relay.waitForLog((r) => r.msg === 'compacted' && r.room === 'c1/care');
    expect(unfoldedRows(relay.dataDir, 'c1/care')).toBe(0);
    await Promise.all([quiet.close(), busy.close()]);
    expect(await readBack(relay, 'c1/care', token)).toEqual({ once: 1 });
    expect(await relay.stop()).toBe(0);
  });
});

describe('operations', () => {
  it('first start prints a one-time setup link on stderr; setup works over HTTP; /healthz and /metrics report', async () => {
    const relay = await start();
    const code = await relay.waitForSetupCode();
    expect(code).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(relay.stderr()).toContain(`http://localhost:${relay.port}/setup#code=${code}`);
    expect(relay.logs().join('\n')).not.toContain(code);
    const res = await fetch(`${relay.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, community: { id: 'maple', name: '枫林社区', kind: 'urban' }, secretary: { name: '李书记' } }),
    });
    expect(res.status).toBe(201);
    const { token } = (await res.json()) as { token: string };
    tokensSeen.push(token);

    const a = await connect(relay.wsUrl, 'maple/work', token);
    const b = await connect(relay.wsUrl, 'maple/work', token);
    await Promise.all([a.waitSynced(), b.waitSynced()]);
    await a.waitStored(a.write((d) => d.getMap('m').set('x', 1)));
    expect(await upgradeStatus(relay.wsUrl, 'maple/care', null)).toBe(401);

    expect(await (await fetch(`${relay.url}/healthz`)).json()).toMatchObject({ ok: true, store: 'ok', connections: 2, documents: 1 });
    const metrics = await fetchMetrics(relay.url);
    expect(metrics).toMatch(/^lianxin_connections 2$/m);
    expect(metrics).toMatch(/^lianxin_documents_loaded 1$/m);
    expect(metrics).toMatch(/^lianxin_messages_in_total [1-9]/m);
    expect(metrics).toMatch(/^lianxin_bytes_out_total [1-9]/m);
    expect(metrics).toMatch(/^lianxin_store_write_seconds_count [1-9]/m);
    expect(metrics).toMatch(/^lianxin_connections_rejected_total\{reason="token-required"\} 1$/m);
    await Promise.all([a.close(), b.close()]);
    expect(await relay.stop()).toBe(0);
  });

  it('keeps silent connections alive with empty awareness messages and drops peers that stop answering pings', async () => {
    const relay = await start({ LIANXIN_KEEPALIVE_MS: '150', LIANXIN_PING_MS: '150', LIANXIN_SWEEP_MS: '50' });
    const { token } = await createCommunity(relay.dataDir, 'c1', '枫林社区');
    tokensSeen.push(token);
    const reader = await connect(relay.wsUrl, 'c1/public', null);
    await reader.waitSynced();
    const keepalives = () => reader.received.filter((m) => m.length === 3 && m[0] === 1 && m[1] === 1 && m[2] === 0).length;
    await reader.waitFor(() => keepalives() >= 2, 'two keep-alive messages', 3000);
    expect(reader.ws.readyState).toBe(WebSocket.OPEN);

    // A peer that never answers pings (a dead phone on a train) is dropped.
    const dead = new WebSocket(`${relay.wsUrl}/c1/public`, { autoPong: false });
    await new Promise((resolve) => dead.once('open', resolve));
    const closed = await new Promise<number>((resolve) => dead.once('close', (code) => resolve(code)));
    expect(closed).toBe(1006);
    await relay.waitForLog((r) => r.msg === 'peer missed a ping; dropping it');
    expect(reader.ws.readyState).toBe(WebSocket.OPEN);
    await reader.close();
    expect(await relay.stop()).toBe(0);
  });

  it('no relay log in this file contains a token', () => {
    expect(tokensSeen.length).toBeGreaterThanOrEqual(4);
    const all = running.flatMap((r) => r.logs()).join('\n');
    expect(all).toContain('connection opened');
    for (const token of tokensSeen) {
      expect(all).not.toContain(token);
      expect(all).not.toContain(token.split('.')[1]);
    }
  });
});
