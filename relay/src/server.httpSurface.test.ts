// Process-level: the relay's HTTP surface against slow clients, connection floods and code guessing
// (issue 19). A real relay process, real TCP sockets and WebSockets on loopback.
import { connect as tcpConnect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCommunity, createToken, fetchMetrics, startRelay, type RelayProcess } from '../../test/support/relayProcess';
import { connect, type SyncClient } from '../../test/support/syncClient';

const started: RelayProcess[] = [];
const sockets: Socket[] = [];
const clients: SyncClient[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(clients.splice(0).map((c) => c.close().catch(() => undefined)));
  await Promise.all(started.splice(0).map((r) => r.stop()));
});

async function relayWith(env: Record<string, string>): Promise<RelayProcess> {
  const relay = await startRelay({ env });
  started.push(relay);
  return relay;
}

/** Opens a raw TCP socket to the relay and writes `text` (if any); resolves once connected. */
function rawSocket(relay: RelayProcess, text?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(relay.port, '127.0.0.1', () => {
      if (text !== undefined) socket.write(text);
      resolve(socket);
    });
    socket.on('error', reject);
    socket.on('data', () => undefined);
    sockets.push(socket);
  });
}

const closed = (socket: Socket): Promise<void> => (socket.destroyed ? Promise.resolve() : new Promise((resolve) => socket.once('close', () => resolve())));

/** The status and headers a refused upgrade answers with (101 when accepted). */
function upgrade(relay: RelayProcess, room: string, token: string | null): Promise<{ status: number; retryAfter: string | null; ws?: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${relay.wsUrl}/${room}${token ? `?token=${token}` : ''}`);
    ws.once('open', () => resolve({ status: 101, retryAfter: null, ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, retryAfter: (res.headers['retry-after'] as string | undefined) ?? null });
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

async function join(relay: RelayProcess, code: string, forwardedFor?: string): Promise<{ status: number; retryAfter: string | null; body: { error?: { code: string } } }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  const res = await fetch(`${relay.url}/api/join`, { method: 'POST', headers, body: JSON.stringify({ code, name: '王芳' }) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { error?: { code: string } } };
}

describe('slow clients (slowloris)', () => {
  it('closes sockets that never finish their headers or their body, and /healthz answers meanwhile', async () => {
    const relay = await relayWith({ LIANXIN_HEADERS_TIMEOUT_MS: '1000', LIANXIN_REQUEST_TIMEOUT_MS: '2000', LIANXIN_MAX_CONNECTIONS_PER_ADDRESS: '5000' });
    const slowHeaders = await Promise.all(Array.from({ length: 300 }, () => rawSocket(relay, 'GET /healthz HTTP/1.1\r\nHost: relay\r\n')));
    const slowBodies = await Promise.all(
      Array.from({ length: 300 }, () => rawSocket(relay, 'POST /api/join HTTP/1.1\r\nHost: relay\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"code":')),
    );
    const health = await fetch(`${relay.url}/healthz`);
    expect(health.status).toBe(200);
    // Node's defaults (60 s for headers, 300 s for a request) would hold these past the test's timeout.
    await Promise.all([...slowHeaders, ...slowBodies].map(closed));
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
  });
});

describe('connection limits', () => {
  it('per address: a connection past the limit is answered 429 with Retry-After, and the slot frees on close', async () => {
    const relay = await relayWith({ LIANXIN_MAX_CONNECTIONS_PER_ADDRESS: '4' });
    const idle = await Promise.all(Array.from({ length: 4 }, () => rawSocket(relay)));
    const refused = await fetch(`${relay.url}/healthz`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await upgrade(relay, 'nobody/public', null)).status).toBe(429);
    for (const s of idle) s.destroy();
    await Promise.all(idle.map(closed));
    await relay.waitForLog((r) => r.msg === 'request refused: connection limit');
    // The server sees the closes a moment after the client does.
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await fetch(`${relay.url}/healthz`, { headers: { connection: 'close' } })).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe(200);
  });

  it('per token and in total: the upgrade past the limit is answered 429; closing a socket frees its slot', async () => {
    const relay = await relayWith({ LIANXIN_MAX_SOCKETS_PER_TOKEN: '2', LIANXIN_MAX_CONNECTIONS: '4' });
    const c1 = await createCommunity(relay.dataDir, 'c1', '枫林社区');
    const other = await createToken(relay.dataDir, 'c1', 'member', '王芳');
    const a = await connect(relay.wsUrl, 'c1/work', c1.token);
    const b = await connect(relay.wsUrl, 'c1/roster', c1.token);
    clients.push(a, b);
    const third = await upgrade(relay, 'c1/meetings', c1.token);
    expect(third).toMatchObject({ status: 429 });
    expect(Number(third.retryAfter)).toBeGreaterThan(0);
    // Another token still gets in: the limit is per token.
    const c = await connect(relay.wsUrl, 'c1/work', other.token);
    const d = await connect(relay.wsUrl, 'c1/public', null);
    clients.push(c, d);
    // Four open: the total is reached, whoever asks.
    expect((await upgrade(relay, 'c1/meetings', other.token)).status).toBe(429);
    await a.close();
    await relay.waitForLog((r) => r.msg === 'connection closed by peer');
    const again = await upgrade(relay, 'c1/meetings', c1.token);
    expect(again.status).toBe(101);
    again.ws?.close();
    const refusals = relay.logRecords().filter((r) => r.msg === 'upgrade refused: connection limit');
    expect(refusals.map((r) => r.reason)).toEqual(['too-many-sockets-for-token', 'too-many-sockets']);
    expect(await fetchMetrics(relay.url)).toMatch(/^lianxin_http_refused_total\{reason="too-many-sockets-for-token"\} 1$/m);
  });
});

describe('guessing codes at /api/join and /api/setup', () => {
  it('answers 429 with Retry-After after too many wrong codes from one address, logs it without the code, and leaves other addresses alone', async () => {
    const relay = await relayWith({ LIANXIN_TRUST_PROXY: '1' });
    await createCommunity(relay.dataDir, 'c1', '枫林社区');
    const guesses = Array.from({ length: 12 }, (_, i) => `guess-${i}-secretvalue`);
    const answers = [];
    for (const code of guesses) answers.push(await join(relay, code, '203.0.113.7'));
    expect(answers.slice(0, 10).map((a) => a.status)).toEqual(Array(10).fill(404));
    expect(answers.slice(10).map((a) => a.status)).toEqual([429, 429]);
    expect(answers[10]!.body.error?.code).toBe('too-many-attempts');
    expect(Number(answers[10]!.retryAfter)).toBeGreaterThan(60);
    // Setup shares the address's budget of wrong codes.
    const setup = await fetch(`${relay.url}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' }, body: '{}' });
    expect(setup.status).toBe(429);
    // Another address is not affected.
    expect((await join(relay, 'another-wrong-code', '198.51.100.2')).status).toBe(404);

    const line = await relay.waitForLog((r) => r.msg === 'too many attempts at a code');
    expect(line).toMatchObject({ address: '203.0.113.7', route: '/api/join', reason: 'wrong-codes' });
    for (const code of guesses) expect(relay.logs().join('\n')).not.toContain(code);
    expect(await fetchMetrics(relay.url)).toMatch(/^lianxin_http_refused_total\{reason="code-wrong-codes"\} 3$/m);
  });

  it('limits the rate of attempts of any kind per address', async () => {
    const relay = await relayWith({ LIANXIN_TRUST_PROXY: '1', LIANXIN_CODE_ATTEMPTS_PER_MINUTE: '5' });
    const statuses = [];
    for (let i = 0; i < 7; i++) {
      const res = await fetch(`${relay.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' }, body: 'not json' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
  });
});

describe('/metrics', () => {
  it('is 404 when no metrics token is set, 401 with a wrong token, Prometheus text with the right one', async () => {
    const closedRelay = await relayWith({ LIANXIN_METRICS_TOKEN: '' });
    expect((await fetch(`${closedRelay.url}/metrics`)).status).toBe(404);
    const relay = await relayWith({});
    expect((await fetch(`${relay.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${relay.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-some-length' } })).status).toBe(401);
    expect(await fetchMetrics(relay.url)).toMatch(/^lianxin_connections 0$/m);
  });
});
