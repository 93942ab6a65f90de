/**
 * Cold open until the page is usable (issue #21): the member's `/c/<community>/my` and the
 * committee's `/c/<community>/roster`, at Chromium CPU throttling 1× and 4×, for three variants
 * side by side in one run, interleaved:
 * - **Lianxin**: the real app, built with the app's Vite config, served with the relay's cache
 *   policy, its data seeded beforehand into the app's IndexedDB on the same origin (no relay: it
 *   shows the local copy);
 * - **y-indexeddb**: the bench page rendering the app's own page for the route from y-indexeddb;
 * - **reference**: plain Yjs + y-indexeddb + a plain list with a filter input (ref/main.ts).
 * Each is timed by the same injected probe (probe.ts). See README.md.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { RosterView } from '@lianxin/model';
import { inlineBootScript } from '../../../../client/vite/inlineBootScript';
import { profileOpen, traceOpen } from '../profile';
import type { ProbeConfig, ProbeResult } from './probe';

export type Route = 'my' | 'roster';
export type Variant = 'lianxin' | 'idb' | 'ref';
export const ROUTES: readonly Route[] = ['my', 'roster'];
export const VARIANTS: readonly Variant[] = ['lianxin', 'idb', 'ref'];
export const THROTTLES = [1, 4] as const;
/** Long tasks are counted until this long after usable. */
export const TAIL_MS = 2_000;

export interface UsableSample {
  readonly usable: number;
  readonly code: number | null;
  readonly docs: number | null;
  readonly live: number | null;
  readonly input: number | null;
  readonly longTasks: number;
  readonly longestTask: number;
  readonly longTaskTotal: number;
  readonly jsFiles: number;
  readonly cssFiles: number;
  readonly jsBytes: number;
  readonly cssBytes: number;
  readonly jsGzip: number;
  readonly cssGzip: number;
  readonly transferred: number;
  readonly htmlGzip: number;
  readonly marks: ReadonlyArray<{ name: string; at: number }>;
  readonly openedDocs: readonly string[] | null;
}

export interface UsableSetup {
  readonly out: string;
  readonly root: string;
  readonly here: string;
  readonly roster: RosterView;
  readonly communityId: string;
  readonly runs: number;
  readonly tokenFor: (role: 'member' | 'committee', name: string, personId: string) => string;
  /** `--profile` / `--trace`: one more open of the app per route at 1× after the warm-ups, inspected (not measured) */
  readonly inspect?: 'profile' | 'trace';
  /** `--route my|roster`: one route only (while iterating) */
  readonly routes?: readonly Route[];
}

export interface UsableResults {
  readonly samples: Map<string, UsableSample[]>;
  readonly member: { id: string; name: string; households: number };
  readonly queries: { roster: string; my: string };
  readonly seedMs: Map<string, number>;
  readonly buildMs: number;
}

export const sampleKey = (variant: Variant, route: Route, throttle: number) => `${variant}/${route}/${throttle}`;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.bin': 'application/octet-stream', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.json': 'application/json' };

/** Where a URL path is served from: the bench page under /bench/, the reference under /ref/, the history, else the app (SPA fallback). */
function fileFor(dirs: { app: string; bench: string; ref: string; history: string }, path: string): string | null {
  const [dir, rest] = path.startsWith('/bench/') ? [dirs.bench, path.slice('/bench'.length)] : path.startsWith('/ref/') ? [dirs.ref, path.slice('/ref'.length)] : path.startsWith('/history/') ? [dirs.history, path.slice('/history'.length)] : [dirs.app, path];
  let file = resolve(dir, '.' + (rest === '/' ? '/index.html' : decodeURIComponent(rest)));
  if (!file.startsWith(dir)) return null;
  if (!existsSync(file) || !statSync(file).isFile()) {
    // The relay's SPA fallback: a path with no extension gets the page.
    if (extname(rest)) return null;
    file = join(dir, 'index.html');
  }
  return file;
}

/** The relay's cache policy (relay/src/http/staticFiles.ts): /assets/ immutable, the rest revalidates. */
function serve(dirs: Parameters<typeof fileFor>[0]): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = /^\/(api|sync|healthz|metrics|p)(\/|$)/.test(path) ? null : fileFor(dirs, path);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const cache = path.startsWith('/history/') ? 'no-store' : /^\/((bench|ref)\/)?assets\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
    res.end(readFileSync(file));
  });
  // A WebSocket upgrade (the app trying its relay) is refused: the app works offline.
  server.on('upgrade', (_req, socket) => socket.destroy());
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** The member with the number of households closest to ten (an unambiguous name, so the app finds "me" by name too). */
function pickMember(roster: RosterView): { id: string; name: string; households: number } {
  const load = new Map<string, number>();
  for (const h of roster.households.values()) if (h.memberId) load.set(h.memberId, (load.get(h.memberId) ?? 0) + 1);
  const names = new Map<string, number>();
  for (const m of roster.members.values()) names.set(m.name, (names.get(m.name) ?? 0) + 1);
  const candidates = [...roster.members].filter(([id, m]) => m.active && names.get(m.name) === 1 && (load.get(id) ?? 0) > 0);
  candidates.sort(([a], [b]) => Math.abs((load.get(a) ?? 0) - 10) - Math.abs((load.get(b) ?? 0) - 10) || (a < b ? -1 : 1));
  const [id, m] = candidates[0]!;
  return { id, name: m.name, households: load.get(id)! };
}

/** A head's name found in no other household's head or member's name: typing it narrows a list to that household. */
function uniqueHead(roster: RosterView, among: readonly string[]): string {
  const words = [...roster.households.values()].map((h) => h.head).concat([...roster.members.values()].map((m) => m.name));
  for (const id of among) {
    const head = roster.households.get(id as never)!.head;
    if (words.filter((w) => w.includes(head)).length === 1) return head;
  }
  throw new Error('no household head with a unique name');
}

function probeFor(variant: Variant, route: Route, queries: UsableResults['queries']): ProbeConfig {
  const base = { tail: TAIL_MS, timeout: 90_000 };
  if (variant === 'ref') return { ...base, kind: 'type', row: route === 'my' ? '[data-testid="my-household"]' : '[data-testid="ref-household"]', control: '[data-testid="ref-search"]', query: queries[route] };
  if (route === 'my') return { ...base, kind: 'click', row: '[data-testid="my-household"]', control: '[data-testid="visit-button"]', response: '[data-testid="visit-form"], [data-testid^="visit-kind-"]' };
  return { ...base, kind: 'type', row: '[data-testid="household-table"]:not([data-preview]) .ant-table-row', control: '[data-testid="roster-search"]', query: queries.roster };
}

async function seedPage(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(url);
    await page.waitForFunction(() => (window as { __bench?: { done: boolean } }).__bench?.done === true, null, { timeout: 600_000, polling: 100 });
    const bench = await page.evaluate(() => (window as { __bench?: { error?: string } }).__bench!);
    if (bench.error || errors.length) throw new Error(`${url}: ${bench.error ?? errors.join('; ')}`);
  } finally {
    await page.close();
  }
}

export async function benchUsable(setup: UsableSetup, log: (line: string) => void): Promise<UsableResults> {
  const { out, root, here, roster, communityId, runs } = setup;
  const dirs = { app: join(out, 'usable', 'app'), bench: join(out, 'usable', 'bench'), ref: join(out, 'usable', 'ref'), history: join(out, 'history') };
  const member = pickMember(roster);
  const mine = [...roster.households.values()].filter((h) => h.memberId === member.id).map((h) => h.id);
  const all = [...roster.households.keys()];
  const queries = { roster: uniqueHead(roster, all.slice(Math.floor(all.length / 2))), my: uniqueHead(roster, mine.slice(1)) };
  log(`  member ${member.name} (${member.id}): ${member.households} households; roster query ${queries.roster}, my query ${queries.my}`);

  const built = Date.now();
  log('  building the app (its own Vite config), the bench page and the reference page…');
  // The real app, as `npm run build -w client` builds it (into a scratch directory).
  // Profiled, the app keeps its functions' names (not measured: only inspected).
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dirs.app, emptyOutDir: true, ...(setup.inspect === 'profile' ? { minify: false } : {}) } });
  await build({ root: join(here, 'page'), base: '/bench/', configFile: false, logLevel: 'warn', plugins: [react(), inlineBootScript(join(root, 'client/src/boot/paintKeptScreen.ts'))], build: { outDir: dirs.bench, emptyOutDir: true, chunkSizeWarningLimit: 5000 } });
  await build({ root: join(here, 'ref'), base: '/ref/', configFile: false, logLevel: 'warn', build: { outDir: dirs.ref, emptyOutDir: true } });
  const probeScript = buildSync({ entryPoints: [join(here, 'usable', 'probe.ts')], bundle: true, format: 'iife', write: false, target: 'es2022' }).outputFiles[0]!.text;
  const buildMs = Date.now() - built;

  const server = await serve(dirs);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const memberToken = setup.tokenFor('member', member.name, 'bench-member');
  const committeeToken = setup.tokenFor('committee', '基准测试', 'bench-person');
  const urls: Record<Variant, Record<Route, string>> = {
    lianxin: { my: `${origin}/c/${communityId}/my`, roster: `${origin}/c/${communityId}/roster` },
    idb: { my: `${origin}/bench/?phase=route&store=idb&route=my&token=${memberToken}`, roster: `${origin}/bench/?phase=route&store=idb&route=roster&token=${committeeToken}` },
    ref: { my: `${origin}/ref/?route=my&member=${member.id}&community=${communityId}`, roster: `${origin}/ref/?route=roster&community=${communityId}` },
  };
  const gzipCache = new Map<string, { bytes: number; gzip: number }>();
  const sizeOf = (url: string) => {
    const path = new URL(url).pathname;
    let s = gzipCache.get(path);
    if (!s) {
      const file = fileFor(dirs, path);
      const body = file ? readFileSync(file) : Buffer.alloc(0);
      s = { bytes: body.length, gzip: gzipSync(body).length };
      gzipCache.set(path, s);
    }
    return s;
  };

  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const samples = new Map<string, UsableSample[]>();
  const seedMs = new Map<string, number>();
  try {
    // No service worker: every variant's code comes from the HTTP cache (and V8's code cache), alike.
    const newContext = () => browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN', serviceWorkers: 'block' });
    const contexts = { lianxinMy: await newContext(), lianxinRoster: await newContext(), idb: await newContext() };
    const contextFor = (variant: Variant, route: Route) => (variant === 'lianxin' ? (route === 'my' ? contexts.lianxinMy : contexts.lianxinRoster) : contexts.idb);
    const seeds: Array<[string, BrowserContext, string]> = [
      ['lianxin/my', contexts.lianxinMy, `${origin}/bench/?phase=seed&store=dexie&compact=1&keep=0&me=${member.id}&token=${memberToken}`],
      ['lianxin/roster', contexts.lianxinRoster, `${origin}/bench/?phase=seed&store=dexie&compact=1&token=${committeeToken}`],
      ['y-indexeddb', contexts.idb, `${origin}/bench/?phase=seed&store=idb&compact=1&me=${member.id}&token=${committeeToken}`],
    ];
    for (const [name, context, url] of seeds) {
      if (name.startsWith('lianxin/') && !(setup.routes ?? ROUTES).includes(name.slice('lianxin/'.length) as Route)) continue;
      const started = Date.now();
      await seedPage(context, url);
      seedMs.set(name, Date.now() - started);
      log(`  seeded ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }

    const open = async (variant: Variant, route: Route, throttle: number, idleAfterMs: number): Promise<UsableSample> => {
      const context = contextFor(variant, route);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      if (process.env.BENCH_DEBUG) page.on('console', (m) => log(`    [page] ${m.text()}`));
      try {
        await page.addInitScript({ content: `window.__probeConfig = ${JSON.stringify(probeFor(variant, route, queries))};\n${probeScript}` });
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
        await page.goto(urls[variant][route]);
        await page.waitForFunction(() => window.__probe?.done === true, null, { timeout: 180_000, polling: 200 }).catch((error: unknown) => {
          throw new Error(`${variant} ${route} ${throttle}×: ${errors.join('; ') || String(error)}`);
        });
        const r = (await page.evaluate(() => window.__probe!)) as ProbeResult;
        if (process.env.BENCH_SHOT) await page.screenshot({ path: process.env.BENCH_SHOT.replace('.png', `-${variant}-${route}.png`) });
        if (r.error) throw new Error(`${variant} ${route} ${throttle}×: ${r.error}${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`);
        if (idleAfterMs > 0) await page.waitForTimeout(idleAfterMs);
        const usable = r.usable!;
        const before = r.resources.filter((x) => x.start < usable);
        const files = (ext: RegExp) => before.filter((x) => ext.test(new URL(x.url).pathname));
        const js = files(/\.m?js$/);
        const css = files(/\.css$/);
        const sum = (xs: typeof before, f: (x: (typeof before)[number]) => number) => xs.reduce((n, x) => n + f(x), 0);
        const docsMark = r.marks.find((m) => m.name === 'bench:docs')?.at ?? null;
        return {
          usable,
          code: r.code,
          docs: docsMark,
          live: r.live,
          input: r.input,
          longTasks: r.longTasks.length,
          longestTask: Math.max(0, ...r.longTasks.map((t) => t.duration)),
          longTaskTotal: r.longTasks.reduce((n, t) => n + t.duration, 0),
          jsFiles: js.length,
          cssFiles: css.length,
          jsBytes: sum(js, (x) => x.encoded || sizeOf(x.url).bytes),
          cssBytes: sum(css, (x) => x.encoded || sizeOf(x.url).bytes),
          jsGzip: sum(js, (x) => sizeOf(x.url).gzip),
          cssGzip: sum(css, (x) => sizeOf(x.url).gzip),
          transferred: sum([...js, ...css], (x) => x.transfer),
          htmlGzip: sizeOf(urls[variant][route]).gzip,
          marks: r.marks.filter((m) => !m.name.startsWith('bench:')),
          openedDocs: r.openedDocs,
        };
      } finally {
        await page.close();
      }
    };

    const routes = setup.routes ?? ROUTES;
    // Two warm-ups per variant and route (1× then 4×), not counted: the code in the HTTP cache and
    // V8's code cache, and whatever the app keeps when idle after showing a page (first screens).
    for (let run = -1; run < runs; run++) {
      for (const throttle of THROTTLES) {
        for (const route of routes) {
          for (const variant of VARIANTS) {
            const s = await open(variant, route, throttle, run < 0 && variant === 'lianxin' ? 3_000 : 0);
            const line = `usable ${Math.round(s.usable)} ms (code ${fmt(s.code)}, docs ${fmt(s.docs)}, first row ${fmt(s.live)}, input ${fmt(s.input)}), long tasks ${s.longTasks} max ${Math.round(s.longestTask)}, JS+CSS ${kb(s.jsGzip + s.cssGzip)} KB gzip${s.openedDocs ? `, opened ${s.openedDocs.join(' ')}` : ''}`;
            if (run < 0) {
              log(`  warm-up ${variant} ${route} ${throttle}×: ${line}`);
              if (throttle === 4 && variant === 'lianxin' && setup.inspect) {
                const how = { done: () => window.__probe?.done === true, init: `window.__probeConfig = ${JSON.stringify(probeFor(variant, route, queries))};\n${probeScript}` };
                const inspect = setup.inspect === 'profile' ? profileOpen : traceOpen;
                log(`--- ${setup.inspect} ${variant} ${route} 1×\n${await inspect(contextFor(variant, route), urls[variant][route], how)}`);
              }
              continue;
            }
            const key = sampleKey(variant, route, throttle);
            samples.set(key, [...(samples.get(key) ?? []), s]);
            log(`  ${variant} ${route} ${throttle}× run ${run + 1}: ${line}`);
          }
        }
      }
    }
    for (const context of Object.values(contexts)) await context.close();
  } finally {
    await browser.close();
    server.close();
  }
  return { samples, member, queries, seedMs, buildMs };
}

const fmt = (x: number | null) => (x === null ? '–' : `${Math.round(x)}`);
const kb = (x: number) => (x / 1024).toFixed(0);
