// Benchmark of the public page (issue 5): requests per second for /p/<community> with 100
// disclosures, the relay pinned to CPU 0 and autocannon to CPU 1, cached and uncached; and the
// first render time. Writes test/bench/public/RESULTS.md.
//   npx tsx test/bench/public/run.ts [--quick] [--duration=10] [--connections=10] [--repeat=3] [--no-write]
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { fillSamplePublicDoc } from '../../../relay/src/public/samplePublicDoc';
import { createCommunity, createToken } from '../../support/relayProcess';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const AUTOCANNON = join(root, 'node_modules/autocannon/autocannon.js');
const DISCLOSURES = 100;
const BUILDINGS = 20;

interface Options {
  quick: boolean;
  duration: number;
  connections: number;
  repeat: number;
  write: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { quick: false, duration: 10, connections: 10, repeat: 3, write: true };
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg}`);
    const [, key, value] = m;
    if (key === 'quick') options.quick = true;
    else if (key === 'write') options.write = true;
    else if (key === 'no-write') options.write = false;
    else if (key === 'duration' || key === 'connections' || key === 'repeat') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--${key} must be a positive whole number, got ${value}`);
      options[key] = n;
    }
    // `npm run bench` passes every flag to every suite: other suites' flags are not ours.
    else console.log(`bench public: ignoring --${key}`);
  }
  if (options.quick && !argv.some((a) => a.startsWith('--duration'))) options.duration = 3;
  if (options.quick && !argv.some((a) => a.startsWith('--repeat'))) options.repeat = 1;
  return options;
}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

interface Server {
  url: string;
  child: ChildProcess;
}

function startServer(dataDir: string, uncached: boolean): Promise<Server> {
  return startPinned([join(here, 'server.ts'), '--data', dataDir, ...(uncached ? ['--uncached'] : [])]);
}

function startPinned(script: readonly string[]): Promise<Server> {
  const args = ['-c', '0', process.execPath, '--import', 'tsx', ...script];
  const child = spawn('taskset', args, { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  children.add(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) resolve({ url: (JSON.parse(line) as { url: string }).url, child });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.stdin?.end();
  await exited;
  children.delete(server.child);
}

async function publish(url: string, token: string): Promise<void> {
  // The stock provider logs "Unable to compute message" for the relay's `stored` acknowledgements.
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    if (args[0] !== 'Unable to compute message') consoleError(...args);
  };
  try {
    await publishWith(url, token);
  } finally {
    console.error = consoleError;
  }
}

async function publishWith(url: string, token: string): Promise<void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/sync`, 'liucun/public', doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  fillSamplePublicDoc(doc, { disclosures: DISCLOSURES, buildings: BUILDINGS });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const body = await (await fetch(`${url}/p/liucun`)).text();
    if (body.includes(`id="m-matter${String(DISCLOSURES - 1).padStart(4, '0')}"`)) break;
    if (Date.now() > deadline) throw new Error('the published page did not appear within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  provider.destroy();
}

interface LoadResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  total: number;
  status: Record<string, number>;
  errors: number;
  /** Server CPU (user + system) over the run, as a share of one core. */
  serverCpu: number;
  /** Requests per second of server CPU: what the server could answer if the load generator kept up. */
  perCpuSecond: number;
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** `repeat` runs of one load; the median run (by req/s) and the best. */
interface Repeated {
  name: string;
  median: LoadResult;
  best: number;
  all: number[];
}

function repeated(repeat: number, run: () => LoadResult): Repeated {
  const runs = Array.from({ length: repeat }, run).sort((a, b) => a.rps - b.rps);
  const median = runs[Math.floor((runs.length - 1) / 2)] as LoadResult;
  return { name: median.name, median, best: runs.at(-1)?.rps ?? 0, all: runs.map((r) => r.rps) };
}

function autocannon(name: string, server: Server, path: string, headers: Record<string, string>, duration: number, connections: number, expectStatus: '2xx' | '3xx'): LoadResult {
  const url = `${server.url}${path}`;
  const pid = server.child.pid as number;
  const common = ['-c', '1', process.execPath, AUTOCANNON, '-j', '-c', String(connections), ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`])];
  // warm-up, discarded
  spawnSync('taskset', [...common, '-d', '2', url], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const cpuBefore = cpuSeconds(pid);
  const wallBefore = performance.now();
  const run = spawnSync('taskset', [...common, '-d', String(duration), url], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const cpu = cpuSeconds(pid) - cpuBefore;
  const wall = (performance.now() - wallBefore) / 1000;
  if (run.status !== 0) throw new Error(`autocannon failed: ${run.stderr}`);
  const r = JSON.parse(run.stdout) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    errors: number;
    timeouts: number;
    '1xx': number;
    '2xx': number;
    '3xx': number;
    '4xx': number;
    '5xx': number;
  };
  const status = { '2xx': r['2xx'], '3xx': r['3xx'], '4xx': r['4xx'], '5xx': r['5xx'] };
  const wrong = Object.entries(status).filter(([k, v]) => k !== expectStatus && v > 0);
  if (wrong.length > 0 || r.errors > 0 || r[expectStatus] === 0) throw new Error(`${name}: unexpected answers ${JSON.stringify(status)}, errors ${r.errors}`);
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    status,
    errors: r.errors + r.timeouts,
    serverCpu: cpu / wall,
    perCpuSecond: cpu > 0 ? r.requests.total / cpu : 0,
  };
}

function firstRenders(runs: number): { times: number[]; cpu: number[]; bytes: number } {
  const run = spawnSync('taskset', ['-c', '0', process.execPath, '--import', 'tsx', join(here, 'firstRender.ts'), '--runs', String(runs)], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`firstRender failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { times: number[]; cpu: number[]; bytes: number };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const fmt = (n: number, digits = 1): string => n.toFixed(digits);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const loadBefore = loadavg();
  const dataDir = mkdtempSync(join(tmpdir(), 'lianxin-bench-public-'));
  try {
    await createCommunity(dataDir, 'liucun', '刘村社区');
    const { token } = await createToken(dataDir, 'liucun', 'committee', '王委员');

    console.log('bench public: publishing 100 disclosures through the relay…');
    let server = await startServer(dataDir, false);
    await publish(server.url, token);
    const page = await fetch(`${server.url}/p/liucun`);
    const etag = page.headers.get('etag') ?? '';
    const plainBytes = Buffer.byteLength(await page.text());
    const gz = await fetch(`${server.url}/p/liucun`, { headers: { 'Accept-Encoding': 'gzip' } });
    const gzipBytes = Number(gz.headers.get('content-length') ?? (await gz.arrayBuffer()).byteLength);

    const { duration, connections, repeat } = options;
    const cachedServer = server;
    console.log(`bench public: load ${duration} s per run, ${connections} connections, ${repeat} run(s) each`);
    const results: Repeated[] = [];
    results.push(repeated(repeat, () => autocannon('cached: If-None-Match → 304', cachedServer, '/p/liucun', { 'If-None-Match': etag }, duration, connections, '3xx')));
    results.push(repeated(repeat, () => autocannon('cached: 200 from the render cache', cachedServer, '/p/liucun', {}, duration, connections, '2xx')));
    results.push(repeated(repeat, () => autocannon('cached: 200 gzip from the render cache', cachedServer, '/p/liucun', { 'Accept-Encoding': 'gzip' }, duration, connections, '2xx')));
    await stopServer(server);

    server = await startServer(dataDir, true);
    const uncachedServer = server;
    results.push(repeated(repeat, () => autocannon('uncached: 200, full render every request', uncachedServer, '/p/liucun', {}, duration, connections, '2xx')));
    await stopServer(server);
    // Control: a bare node:http server sending as many bytes, under the same load.
    server = await startPinned([join(here, 'referenceServer.ts'), '--bytes', String(plainBytes)]);
    const referenceServer = server;
    results.push(repeated(repeat, () => autocannon(`control: bare node:http, ${plainBytes.toLocaleString('en')} bytes of "a"`, referenceServer, '/', {}, duration, connections, '2xx')));
    await stopServer(server);
    for (const r of results) {
      console.log(`  ${r.name}: median ${fmt(r.median.rps, 0)} req/s, best ${fmt(r.best, 0)} (p50 ${r.median.p50} ms, p99 ${r.median.p99} ms; server CPU ${fmt(r.median.serverCpu * 100, 0)}%, ${fmt(r.median.perCpuSecond, 0)} req per server CPU-second)`);
    }

    console.log('bench public: first renders…');
    const warm = firstRenders(options.quick ? 11 : 41);
    const fresh: number[] = [];
    const freshCpu: number[] = [];
    for (let i = 0; i < (options.quick ? 3 : 5); i++) {
      const one = firstRenders(1);
      fresh.push(...one.times);
      freshCpu.push(...one.cpu);
    }
    const warmTimes = warm.times.slice(1);
    const warmCpu = warm.cpu.slice(1);
    console.log(`  first render, warm process: median ${fmt(median(warmTimes))} ms wall, ${fmt(median(warmCpu))} ms CPU; fresh process: median ${fmt(median(fresh))} ms wall, ${fmt(median(freshCpu))} ms CPU`);

    const loadAfter = loadavg();
    const commit = (() => {
      try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
      } catch {
        return 'unknown';
      }
    })();
    const lines = [
      '# Public page benchmark (issue 5)',
      '',
      `Run ${new Date().toISOString()} at commit ${commit}: \`npx tsx test/bench/public/run.ts${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}\`.`,
      '',
      `**Caveat: the machine (${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}) was shared with other engineers' builds and tests while this ran (load average ${loadBefore.map((l) => fmt(l, 2)).join(' / ')} before, ${loadAfter.map((l) => fmt(l, 2)).join(' / ')} after), so every figure is noisy and likely low.**`,
      '',
      '## Setup',
      '',
      `- Server: the relay itself (\`startServer\` from relay/src/server.ts: SQLite store, rooms, WebSocket upgrades — the code path of \`relay serve\`) with \`mountPublicRoutes()\`, in its own process pinned to CPU 0 (\`taskset -c 0\`). The page is read through the relay's read-only document source (\`openForRead('liucun/public')\`, which checks the community in SQLite on every request).`,
      `- Data: ${DISCLOSURES} disclosures (each a resolution with 4 steps, every other one with a result), ${BUILDINGS} buildings × 3 units of service boards, community info and statistics, published by a committee token through a y-websocket provider. Page: ${plainBytes.toLocaleString('en')} bytes of HTML (${gzipBytes.toLocaleString('en')} gzipped).`,
      `- Load: autocannon ${connections} connections, ${duration} s per run after a 2 s warm-up, pinned to CPU 1 (\`taskset -c 1\`); each load run ${repeat} time(s): the table gives the median run and the best.`,
      '- **cached 304**: every request sends the current ETag in If-None-Match; the server loads the document (state hash cached per document version), finds the parsed view cached by that hash, answers 304.',
      '- **cached 200**: no If-None-Match; the body comes from the render cache (keyed by ETag = document state + variant).',
      '- **uncached 200**: a second server started with `renderCache: false` (a bench-only option): every request runs the full hono/jsx render of the page. The parsed view (readPublic) stays cached by document state, as in production; the first-render rows below include the parse.',
      '- **control**: a bare `node:http` server (referenceServer.ts, same pinning and load) answering every request with as many bytes as the uncompressed page: what the machine can move at that size, to compare the uncompressed 200 with.',
      '- **first render**: `firstRender.ts` pinned to CPU 0, in-process `app.request()` on the sub-app (no network). Each render is of a Y.Doc never read before (decoded from the encoded state, served under a new community id, so no cache can help): readPublic (zod parse of every entry) + hono/jsx render + ETag + UTF-8 encoding. "Warm process" = median over renders in one process after its first; "fresh process" = the first render in a new process (modules loaded, code not yet JIT-compiled).',
      '',
      '## Results',
      '',
      '| run | req/s (median run) | best run | all runs | p50 latency | p99 latency | server CPU | req per server CPU-second |',
      '|---|---:|---:|---|---:|---:|---:|---:|',
      ...results.map(
        (r) =>
          `| ${r.name} | ${fmt(r.median.rps, 0)} | ${fmt(r.best, 0)} | ${r.all.map((x) => fmt(x, 0)).join(', ')} | ${r.median.p50} ms | ${r.median.p99} ms | ${fmt(r.median.serverCpu * 100, 0)}% | ${fmt(r.median.perCpuSecond, 0)} |`,
      ),
      '',
      'Server CPU is the server process\'s user + system time over the run (from /proc/<pid>/stat) as a share of its one core. Where it is well under 100 %, the load generator, not the server, was the limit: autocannon appends every response body to a string (`req.body += data`), which for a 250 KB page of UTF-8 Chinese costs its core more than the server spends sending it. "req per server CPU-second" is then the better measure of what the server can do on one core.',
      '',
      '| first render (100 disclosures) | median wall | min wall | max wall | median CPU | min CPU | runs |',
      '|---|---:|---:|---:|---:|---:|---:|',
      `| warm process | ${fmt(median(warmTimes))} ms | ${fmt(Math.min(...warmTimes))} ms | ${fmt(Math.max(...warmTimes))} ms | ${fmt(median(warmCpu))} ms | ${fmt(Math.min(...warmCpu))} ms | ${warmTimes.length} |`,
      `| fresh process | ${fmt(median(fresh))} ms | ${fmt(Math.min(...fresh))} ms | ${fmt(Math.max(...fresh))} ms | ${fmt(median(freshCpu))} ms | ${fmt(Math.min(...freshCpu))} ms | ${fresh.length} |`,
      '',
      'CPU = user + system time of the rendering process over the same span (`process.cpuUsage`), which other processes on the core inflate less than wall time.',
      '',
      `Targets. ≥ 2,000 req/s cached: ${[
        ['304', results[0]],
        ['200 gzip', results.find((r) => r.name.startsWith('cached: 200 gzip'))],
        ['200 uncompressed', results.find((r) => r.name.startsWith('cached: 200 from'))],
      ]
        .map(([label, r]) => {
          const m = (r as Repeated | undefined)?.median;
          return m ? `${label as string} observed ${fmt(m.rps, 0)} req/s (${m.rps >= 2000 ? 'met' : 'not met'}), server capacity ${fmt(m.perCpuSecond, 0)} req per CPU-second (${m.perCpuSecond >= 2000 ? 'met' : 'not met'})` : '';
        })
        .join('; ')}. First render < 20 ms in a warm process: wall ${median(warmTimes) < 20 ? 'met' : 'NOT met'} (${fmt(median(warmTimes))} ms), CPU ${median(warmCpu) < 20 ? 'met' : 'NOT met'} (${fmt(median(warmCpu))} ms); a fresh process's very first render (code not yet JIT-compiled) takes ${fmt(median(fresh))} ms wall.`,
      '',
    ];
    if (options.write) {
      writeFileSync(join(here, 'RESULTS.md'), lines.join('\n'));
      console.log('bench public: wrote test/bench/public/RESULTS.md');
    } else console.log(lines.join('\n'));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
