// Slow clients against the relay's HTTP surface (issue 19): 1,000 requests that never finish their
// body plus 1,000 that never finish their headers, from one address, while a monitor on another
// loopback address (127.0.0.2) asks /healthz every 50 ms. Side by side in the same run: the relay's
// timeouts and per-address limit vs Node's defaults (headers 60 s, request 300 s, no address limit).
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { startRelay } from '../../support/relayProcess';

const SLOW = Number(process.env.BENCH_SLOW ?? 1000);
const WATCH_MS = Number(process.env.BENCH_WATCH_MS ?? 25_000);
const ROUNDS = process.argv.includes('--full') ? 3 : 2;

const variants = {
  relay: {},
  'node defaults': { LIANXIN_HEADERS_TIMEOUT_MS: '60000', LIANXIN_REQUEST_TIMEOUT_MS: '300000', LIANXIN_MAX_CONNECTIONS_PER_ADDRESS: '1000000' },
} as const;
type Variant = keyof typeof variants;

function open(port: number, text: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1' }, () => {
      s.write(text);
      resolve(s);
    });
    s.on('error', () => undefined);
    s.once('error', reject);
    s.on('data', () => undefined);
  });
}

function healthz(port: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', localAddress: '127.0.0.2', agent: false, headers: { connection: 'close' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 ? performance.now() - started : Number.POSITIVE_INFINITY));
    });
    req.on('error', () => resolve(Number.POSITIVE_INFINITY));
    req.end();
  });
}

const q = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

async function round(variant: Variant): Promise<{ p50: number; p99: number; max: number; failed: number; openAtEnd: number }> {
  const relay = await startRelay({ env: { LIANXIN_LOG_LEVEL: 'info', ...variants[variant] } });
  try {
    const sockets: Socket[] = [];
    for (let i = 0; i < SLOW; i++) sockets.push(await open(relay.port, 'POST /api/join HTTP/1.1\r\nHost: relay\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"code":'));
    for (let i = 0; i < SLOW; i++) sockets.push(await open(relay.port, 'GET /healthz HTTP/1.1\r\nHost: relay\r\nX-Slow: '));
    const samples: number[] = [];
    const until = Date.now() + WATCH_MS;
    while (Date.now() < until) {
      samples.push(await healthz(relay.port));
      await new Promise((r) => setTimeout(r, 50));
    }
    const openAtEnd = sockets.filter((s) => !s.destroyed && !s.readableEnded).length;
    for (const s of sockets) s.destroy();
    const ok = samples.filter(Number.isFinite).sort((a, b) => a - b);
    return { p50: q(ok, 0.5), p99: q(ok, 0.99), max: ok.at(-1) ?? NaN, failed: samples.length - ok.length, openAtEnd };
  } finally {
    await relay.stop();
  }
}

const results: Record<Variant, Awaited<ReturnType<typeof round>>[]> = { relay: [], 'node defaults': [] };
for (let r = 0; r < ROUNDS; r++) {
  for (const variant of Object.keys(variants) as Variant[]) {
    const result = await round(variant);
    results[variant].push(result);
    console.log(`round ${r + 1} ${variant}: /healthz p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms, failed ${result.failed}; slow sockets still open after ${WATCH_MS / 1000} s: ${result.openAtEnd}/${2 * SLOW}`);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
console.log(`\n| ${2 * SLOW} slow clients | /healthz p50 (ms) | p99 (ms) | max (ms) | failed probes | slow sockets open after ${WATCH_MS / 1000} s |`);
console.log('|---|---|---|---|---|---|');
for (const variant of Object.keys(variants) as Variant[]) {
  const rs = results[variant];
  console.log(`| ${variant} | ${median(rs.map((r) => r.p50)).toFixed(1)} | ${median(rs.map((r) => r.p99)).toFixed(1)} | ${Math.max(...rs.map((r) => r.max)).toFixed(1)} | ${rs.reduce((n, r) => n + r.failed, 0)} | ${median(rs.map((r) => r.openAtEnd))} |`);
}
