/**
 * Client cold-open benchmark (`npx tsx test/bench/client/run.ts [--runs 7]`).
 *
 * In headless Chromium, the 3,600-household fixture community is written into IndexedDB as an
 * edit history (one update per record, ~28,000 updates over the five documents), once through
 * the app's engine (@lianxin/sync: Dexie + y-dexie) and once through y-indexeddb. Then each is
 * opened cold (a fresh page: new JS heap, data only in IndexedDB) and the app's own roster page
 * is rendered; the time is from navigation start until the first household row is on screen.
 * Two states of the same history: as written (no compaction yet), and after each library
 * compacted it the way it does by itself (y-dexie's compressYDocs, y-indexeddb's trim).
 * Then the "usable" part (usable/benchUsable.ts, issue #21): the built app, the y-indexeddb
 * baseline and a minimal reference page, cold-opened at /c/<c>/my and /c/<c>/roster at CPU
 * throttling 1× and 4× until an input on the live page responds.
 * Writes test/bench/client/RESULTS.md (each part its own section).
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { inlineBootScript } from '../../../client/vite/inlineBootScript';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { FIXED_DOCS } from '@lianxin/protocol';
import { generateCommunity, rosterOf } from '../../fixtures';
import { historyOf, packUpdates } from './history';
import { profileOpen, traceOpen } from './profile';
import { benchUsable } from './usable/benchUsable';
import { sectionOf, usableSection, withSection } from './usable/usableSection';

const here = fileURLToPath(new URL('.', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
/** The usable part's cold opens per variant, route and throttle (12 of them per round). */
const USABLE_RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const onlyArg = process.argv.indexOf('--only');
const ONLY = onlyArg > 0 ? process.argv[onlyArg + 1] : null;
/** `--only history|compacted`: one state of the history (while iterating; RESULTS.md wants both); `--only usable`: the usable part alone. */
const SCENARIOS: readonly Scenario[] = ONLY === 'usable' ? [] : ONLY ? [ONLY as Scenario] : ['history', 'compacted'];
const USABLE = ONLY === null || ONLY === 'usable';
/** `--profile`: print a CPU profile of one cold open per store and state (after the warm-up). */
const PROFILE = process.argv.includes('--profile');
/** `--route my|roster`: the usable part for one route (while iterating; does not write RESULTS.md). */
const routeArg = process.argv.indexOf('--route');
const ROUTE = routeArg > 0 ? (process.argv[routeArg + 1] as 'my' | 'roster') : null;
/** `--trace`: print the main thread's time per trace event (compile, style, layout…) of one cold open. */
const TRACE = process.argv.includes('--trace');
const out = join(tmpdir(), `lianxin-client-bench-${process.pid}`);

type Store = 'dexie' | 'idb';
type Scenario = 'history' | 'compacted';
interface Sample {
  readonly visible: number;
  /** first row of the live page (the document loaded and read through the model) */
  readonly live: number;
  /** 1 when the first row shown was the kept first screen (the document was still loading) */
  readonly preview: number;
  /** 1 when the page's boot script drew the kept first screen (before the page's code ran) */
  readonly boot: number;
  /** the first row in the document (visible = this, or the first contentful paint if later) */
  readonly inDocument: number;
  readonly script: number;
  readonly rosterLoad: number;
  readonly load: number;
  readonly render: number;
  readonly households: number;
}

function b64url(s: string): string {
  return Buffer.from(s).toString('base64url');
}

/** A token the client can read (it never checks the signature; no relay is involved here). */
const tokenFor = (role: 'member' | 'committee', name: string, sub: string) => `${b64url(JSON.stringify({ v: 1, cid: 'longhai', sub, name, role, exp: 4_102_444_800, jti: `bench-token-${sub}` }))}.${b64url('unsigned')}`;
const token = tokenFor('committee', '基准测试', 'bench-person');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.bin': 'application/octet-stream' };

function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // The app's routes answer with the page, as the relay does (the boot script reads the path).
    const file = resolve(root, '.' + (path === '/' || path.startsWith('/c/') ? '/index.html' : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    // The relay's policy (relay/src/http/staticFiles.ts): fingerprinted /assets/ are immutable,
    // the page revalidates. A device that has opened the app before has the code in its HTTP
    // cache (and V8's code cache); the installed PWA has it in the service worker's cache. The
    // history is never cached (it is only read when seeding).
    const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': path.startsWith('/history/') ? 'no-store' : cache });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

async function runPage(context: BrowserContext, url: string, timeoutMs: number): Promise<Record<string, number>> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('crash', () => errors.push('page crashed'));
  if (process.env.BENCH_DEBUG) page.on('console', (m) => console.log(`  [page] ${m.text()}`));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__bench?.done === true, null, { timeout: timeoutMs, polling: 50 }).catch((error: unknown) => {
      throw new Error(`${url}: ${errors.join('; ') || String(error)}`);
    });
    const bench = await page.evaluate(() => window.__bench!);
    // BENCH_SHOT=<file.png>: what the opened page looks like (to check a change renders the same).
    if (process.env.BENCH_SHOT && url.includes('phase=open')) await page.screenshot({ path: process.env.BENCH_SHOT.replace('.png', `-${url.includes('store=dexie') ? 'dexie' : 'idb'}.png`) });
    if (bench.error) throw new Error(`${url}: ${bench.error}`);
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    return bench.result!;
  } finally {
    await page.close();
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (x: number) => `${Math.round(x)}`;

async function main() {
  const t0 = Date.now();
  console.log('generating the fixture community and its history…');
  const community = generateCommunity();
  mkdirSync(join(out, 'history'), { recursive: true });
  let updateCount = 0;
  let historyBytes = 0;
  for (const kind of FIXED_DOCS) {
    const updates = historyOf(community.docs[kind], 4242 + FIXED_DOCS.indexOf(kind));
    updateCount += updates.length;
    const packed = packUpdates(updates);
    historyBytes += packed.length;
    writeFileSync(join(out, 'history', `${kind}.bin`), packed);
  }
  console.log(`  ${community.counts.households} households, ${updateCount} updates, ${(historyBytes / 1e6).toFixed(1)} MB`);

  const results = new Map<string, Sample[]>();
  const seedTimes = new Map<string, number>();
  if (SCENARIOS.length > 0) {
    console.log('building the bench page…');
    await build({
      root: join(here, 'page'),
      configFile: false,
      logLevel: 'warn',
      // The app's boot script too (it draws the kept first screen before the code runs), on both
      // sides: y-indexeddb's has no kept screen to draw, so there it draws nothing.
      plugins: [react(), inlineBootScript(join(here, '../../../client/src/boot/paintKeptScreen.ts'))],
      // A profile wants readable function names; measured runs use the production build.
      build: { outDir: out, emptyOutDir: false, chunkSizeWarningLimit: 5000, minify: !PROFILE },
    });

    const server = await serve(out);
    // The page at the app's roster route (the boot script draws only there).
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/c/longhai/roster`;
    const browser: Browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
    try {
      for (const scenario of SCENARIOS) {
        const contexts = new Map<Store, BrowserContext>();
        for (const store of ['dexie', 'idb'] as Store[]) {
          const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
          contexts.set(store, context);
          const started = Date.now();
          await runPage(context, `${base}?phase=seed&store=${store}&compact=${scenario === 'compacted' ? 1 : 0}&token=${token}`, 600_000);
          seedTimes.set(`${scenario}/${store}`, Date.now() - started);
          console.log(`  ${scenario}: seeded ${store} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        }
        // Interleaved, so drift (thermal, other load) hits both alike. One warm-up each, not counted.
        for (let run = -1; run < RUNS; run++) {
          for (const store of ['dexie', 'idb'] as Store[]) {
            const r = await runPage(contexts.get(store)!, `${base}?phase=open&store=${store}&token=${token}${process.env.BENCH_DEBUG ? '&debug=1' : ''}`, 120_000);
            if (r.households! < 1) throw new Error(`${store}: no household rows rendered`);
            if (run < 0) {
              if (PROFILE) console.log(`--- profile ${scenario} ${store}\n${await profileOpen(contexts.get(store)!, `${base}?phase=open&store=${store}&token=${token}`)}`);
              if (TRACE) console.log(`--- trace ${scenario} ${store}\n${await traceOpen(contexts.get(store)!, `${base}?phase=open&store=${store}&token=${token}`)}`);
              continue;
            }
            const key = `${scenario}/${store}`;
            results.set(key, [...(results.get(key) ?? []), { visible: r.visible!, inDocument: r.inDocument!, live: r.live!, preview: r.preview!, boot: r.boot!, script: r.scriptStart!, rosterLoad: r.rosterLoad!, load: r.load!, render: r.render!, households: r.households! }]);
            console.log(`  ${scenario} ${store} run ${run + 1}: visible at ${ms(r.visible!)} ms (in the document at ${ms(r.inDocument!)})${r.boot ? ' (kept first screen, boot script)' : r.preview ? ' (kept first screen)' : ''}, live page at ${ms(r.live!)} (script ${ms(r.scriptStart!)}, roster doc ${ms(r.rosterLoad!)}, all docs ${ms(r.load!)}, render ${ms(r.render!)})`);
          }
        }
        for (const context of contexts.values()) await context.close();
      }
    } finally {
      await browser.close();
      server.close();
    }
  }

  const row = (scenario: Scenario, store: Store) => {
    const samples = results.get(`${scenario}/${store}`)!;
    const v = samples.map((s) => s.visible);
    const m = (f: (s: Sample) => number) => median(samples.map(f));
    return { median: median(v), min: Math.min(...v), max: Math.max(...v), live: m((s) => s.live), inDocument: m((s) => s.inDocument), previews: samples.filter((s) => s.preview).length, boots: samples.filter((s) => s.boot).length, runs: samples.length, script: m((s) => s.script), rosterLoad: m((s) => s.rosterLoad), load: m((s) => s.load), render: m((s) => s.render) };
  };
  for (const scenario of SCENARIOS) {
    const d = row(scenario, 'dexie');
    const i = row(scenario, 'idb');
    console.log(`${scenario}: dexie median ${ms(d.median)} (live ${ms(d.live)}, script ${ms(d.script)}, roster ${ms(d.rosterLoad)}, all ${ms(d.load)}, render ${ms(d.render)}); idb ${ms(i.median)} (live ${ms(i.live)}, script ${ms(i.script)}, roster ${ms(i.rosterLoad)}, all ${ms(i.load)}, render ${ms(i.render)}); ratio ${(i.median / d.median).toFixed(2)}x`);
  }
  const resultsFile = join(here, 'RESULTS.md');
  if (USABLE) {
    console.log('usable: cold open until the page responds (the app, y-indexeddb, the reference)…');
    const started = Date.now();
    const loadBefore = loadavg()[0]!;
    try {
      const usable = await benchUsable({ out, root: join(here, '../../..'), here, roster: rosterOf(community), communityId: 'longhai', runs: USABLE_RUNS, tokenFor, inspect: PROFILE ? 'profile' : TRACE ? 'trace' : undefined, routes: ROUTE ? [ROUTE] : undefined }, (line) => console.log(line));
      const section = usableSection(usable, USABLE_RUNS, (Date.now() - started) / 1000, loadBefore);
      console.log(section);
      if (!PROFILE && !TRACE && !ROUTE) writeFileSync(resultsFile, withSection(existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '', section));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  } else rmSync(out, { recursive: true, force: true });
  if (SCENARIOS.length < 2 || PROFILE || TRACE) return; // a partial run does not replace RESULTS.md
  const lines: string[] = [];
  lines.push('# Client cold open: y-dexie (the app) vs y-indexeddb', '');
  lines.push(`Run: ${new Date().toISOString()}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), Chromium headless, ${RUNS} cold opens per store and state (after one warm-up), interleaved.`, '');
  lines.push(
    `Content: the fixture community (\`generateCommunity()\`): ${community.counts.households} households, ${community.counts.members} members, ${community.counts.visits} visits, ${community.counts.concerns} concerns, ${community.counts.meetings} meetings. ` +
      `Written into each store as the same edit history: ${updateCount} updates (one per record, ${(historyBytes / 1e6).toFixed(1)} MB) over the five documents a committee member opens.`,
    '',
  );
  lines.push(
    'Cold open = a fresh page (new JS heap; the data only in IndexedDB) loads the bench page, which opens the community the way the app does for `/c/<community>/roster` ' +
      '(the app\'s `openSession` for y-dexie, or y-indexeddb providers in the same order: the roster document first, the others when idle) and renders what the app\'s `CommunityApp` renders for that route: ' +
      '`NeedsDocs` showing `RosterPage` (the same component and hooks for both stores) once the roster document is loaded, and meanwhile `RosterPreview`, the roster\'s first screen kept beside the document ' +
      '(read-only; y-indexeddb keeps nothing beside a document, so its side waits for the document). The page is served at the app\'s route with the app\'s inline boot script, which draws the kept first screen from IndexedDB before the page\'s code runs (on both sides; on y-indexeddb\'s it finds nothing to draw). ' +
      'The code comes from the HTTP cache as a returning user\'s does (see README.md). ' +
      '**Visible** = navigation start until the first household row of the roster table is on screen: the later of the row in the DOM (the boot script\'s mark, else a MutationObserver) and the first contentful paint; the kept first screen\'s row when it came first, else the live table\'s. ' +
      '**Live page** = until the first row of the live table (the document loaded and read through the model). Parts (medians): **script** = navigation start until the page\'s code runs; ' +
      '**roster doc** = from then until the roster document is loaded; **all docs** = until every document is loaded; **render** = roster document loaded → first live row.',
    '',
  );
  lines.push('| state of the history | store | median visible (ms) | min–max | row in the DOM | first row from | median live page (ms) | script | roster doc | all docs | render |', '|---|---|---|---|---|---|---|---|---|---|---|');
  for (const scenario of ['history', 'compacted'] as Scenario[]) {
    for (const store of ['dexie', 'idb'] as Store[]) {
      const r = row(scenario, store);
      const from = [r.boots ? `kept first screen, boot script ${r.boots}/${r.runs}` : '', r.previews - r.boots ? `kept first screen, app ${r.previews - r.boots}/${r.runs}` : '', r.runs - r.previews ? `live page ${r.runs - r.previews}/${r.runs}` : ''].filter(Boolean).join('; ');
      lines.push(`| ${scenario === 'history' ? 'as written' : 'compacted by the library'} | ${store === 'dexie' ? 'y-dexie (@lianxin/sync)' : 'y-indexeddb'} | **${ms(r.median)}** | ${ms(r.min)}–${ms(r.max)} | ${ms(r.inDocument)} | ${from} | ${ms(r.live)} | ${ms(r.script)} | ${ms(r.rosterLoad)} | ${ms(r.load)} | ${ms(r.render)} |`);
    }
  }
  lines.push('');
  for (const scenario of ['history', 'compacted'] as Scenario[]) {
    const d = row(scenario, 'dexie');
    const i = row(scenario, 'idb');
    lines.push(
      `- ${scenario === 'history' ? 'As written' : 'Compacted'}: y-dexie median visible ${ms(d.median)} ms (target < 500: ${d.median < 500 ? 'met' : 'NOT met'}); ` +
        `y-indexeddb ${ms(i.median)} ms; ratio ${(i.median / d.median).toFixed(2)}× (target ≥ 2×: ${i.median / d.median >= 2 ? 'met' : 'NOT met'}). ` +
        `Live page: y-dexie ${ms(d.live)} ms, y-indexeddb ${ms(i.live)} ms (ratio ${(i.live / d.live).toFixed(2)}×); roster document loaded ${ms(d.rosterLoad)} vs ${ms(i.rosterLoad)} ms after the code runs.`,
    );
  }
  {
    const d = row('compacted', 'dexie');
    const i = row('compacted', 'idb');
    lines.push(
      '',
      '## Where the time goes',
      '',
      `- Loading and running the page's code takes ~${ms(i.script)} ms on the y-indexeddb side and ~${ms(d.script)} ms on the y-dexie side, where the boot screen's style and first layout (fonts) run before it on the main thread.`,
      `- The live page: the roster document is in ~${ms(d.rosterLoad)} ms (y-indexeddb ~${ms(i.rosterLoad)}) after the code runs, then reading 3,600 households through the model and the first render of the page take ~${ms(d.render)} ms (y-indexeddb ~${ms(i.render)}). Script + live render alone are ~${ms(d.script + d.render)} ms: the live page cannot show under 500 ms here with either store.`,
      '- The kept first screen needs no code of the app: the inline boot script reads the account and the document\'s row (two small IndexedDB reads) and draws a plain table of 30 rows, before the page\'s code is parsed; it is on screen once the stylesheet is in and the first layout is done. Drawing it first delays the live page slightly (see the live column).',
    );
  }
  lines.push('', `Seeding (not timed as part of the result): ${[...seedTimes].map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}. Whole run ${((Date.now() - t0) / 1000).toFixed(0)} s.`, '');
  // The usable part's section (written above or by an earlier run) stays after this one.
  const kept = existsSync(resultsFile) ? sectionOf(readFileSync(resultsFile, 'utf8')) : '';
  writeFileSync(resultsFile, lines.join('\n') + (kept ? `\n${kept}` : ''));
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
