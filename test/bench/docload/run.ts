/**
 * Document-load probe (`npx tsx test/bench/docload/run.ts [--runs 3]`): how long the main thread
 * is blocked while one large document of the fixture community (roster, work) loads from
 * IndexedDB, stored as written (one row per record), merged into one row (compaction before
 * chunks) or merged into chunks; loaded the way it was before slices (one read, one transaction)
 * and by `LocalDocStore` (slices); at Chromium's CPU throttling 1× and 4×. Long tasks as Chromium
 * reports them (PerformanceObserver 'longtask'); total blocking = Σ (task − 50 ms). Medians of
 * `--runs` cold loads (a fresh page each). Hold the bench lock: `flock -x /tmp/bench.lock …`.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { chromium, type BrowserContext } from 'playwright-core';
import { generateCommunity } from '../../fixtures';
import { historyOf, packUpdates } from '../client/history';

const here = fileURLToPath(new URL('.', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const DOCS = ['roster', 'work'] as const;
/** as written; merged into one row (compaction before chunks); merged into chunks */
const STATES = ['written', 'onerow', 'chunks'] as const;
/** the load before slices (one read, one transaction) and LocalDocStore's sliced load */
const MODES = ['oneshot', 'sliced'] as const;
const out = join(tmpdir(), `lianxin-docload-${process.pid}`);

function serve(root: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = resolve(root, '.' + (path === '/' ? '/index.html' : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

async function runPage(context: BrowserContext, url: string, throttle = 1): Promise<Record<string, number>> {
  const page = await context.newPage();
  try {
    if (throttle !== 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    await page.goto(url);
    await page.waitForFunction(() => window.__docload?.done === true, null, { timeout: 600_000, polling: 100 });
    const probe = await page.evaluate(() => window.__docload!);
    if (probe.error) throw new Error(probe.error);
    return probe.result!;
  } finally {
    await page.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function main() {
  const community = generateCommunity();
  mkdirSync(join(out, 'history'), { recursive: true });
  for (const kind of DOCS) writeFileSync(join(out, 'history', `${kind}.bin`), packUpdates(historyOf(community.docs[kind], 4242)));
  await build({ root: join(here, 'page'), configFile: false, logLevel: 'warn', build: { outDir: out, emptyOutDir: false, chunkSizeWarningLimit: 5000 } });
  const server = await serve(out);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  const lines = ['| document | stored as | rows (largest, KB) | load | throttle | load (ms) | max long task (ms) | total blocking (ms) | long tasks | apply (ms, in slices) |', '|---|---|---|---|---|---|---|---|---|---|'];
  try {
    const context = await browser.newContext();
    const seeded = new Map<string, Record<string, number>>();
    for (const state of STATES) seeded.set(state, await runPage(context, `${base}?phase=seed&state=${state}`));
    for (const kind of DOCS) {
      for (const throttle of [1, 4]) {
        for (const state of STATES) {
          for (const mode of MODES) {
            if (state === 'chunks' && mode === 'oneshot') continue;
            const samples: Record<string, number>[] = [];
            for (let i = 0; i < RUNS; i++) samples.push(await runPage(context, `${base}?phase=open&state=${state}&mode=${mode}&doc=${kind}`, throttle));
            const m = (k: string) => Math.round(median(samples.map((x) => x[k]!)));
            const s = seeded.get(state)!;
            const line = `| ${kind} | ${state} | ${s[`${kind}Rows`]} (${Math.round(s[`${kind}MaxRow`]! / 1024)}) | ${mode} | ${throttle}× | ${m('load')} | ${m('maxLongTask')} | ${m('tbt')} | ${m('longTasks')} | ${m('applyMs')} (${m('slices')}, largest ${m('maxSlice')}) |`;
            console.log(line);
            lines.push(line);
          }
        }
      }
    }
    await context.close();
  } finally {
    await browser.close();
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
  console.log(`\nmedians of ${RUNS} cold loads\n${lines.join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
