/**
 * The tier benchmark (`npx tsx test/bench/tier/run.ts [--runs 5] [--fresh 3]`; part of `npm run
 * bench`; hold the bench lock). A real relay (the built one, serving the built app) holds the
 * county fixture: 152 communities, one township of 20, each community's `escalations` and
 * `summary` (seedCounty.ts). In Debian's Chromium with the real app:
 *
 * (a) the township desk: a fresh device (joins with an invite, nothing on the device) until the
 *     inbox shows every case of its 20 communities, and the bytes it transferred over loopback
 *     (HTTP: the app's code and the API; WebSocket: the documents); then warm (a new page on the
 *     same device: documents from IndexedDB, code from the HTTP cache) until the same inbox.
 * (b) the county table (`/r/<county>/table`): fresh until its 152 rows show their figures (every
 *     community's `summary`, synced in batches over HTTP: `POST /api/region/summaries`) and until
 *     synced, then warm (the summaries read from IndexedDB in one go before any network).
 *
 * Service workers are blocked so that the bytes are what the route loads, not the precache.
 * Full runs write the `tier` section of test/bench/RESULTS.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../e2e/support/browser';
import { ensureClientBuilt } from '../../e2e/support/clientBuild';
import { REPO_ROOT, startRelay } from '../../support/relayProcess';
import { COUNTY, TOWNSHIP, seedCounty } from './seedCounty';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const WARM_RUNS = arg('--runs', 5);
const FRESH_RUNS = arg('--fresh', 3);
/** `--only desk` or `--only county`: one page (a short run; RESULTS.md is not written). */
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const full = !process.argv.includes('--runs') && !process.argv.includes('--fresh') && !ONLY;
const LAPTOP = { width: 1280, height: 860 };
/** How long a run waits for "synced" before it records that it was not (the county's warm page may never be). */
const SYNC_TIMEOUT = 20_000;

const consoleLines: string[] = [];

interface Traffic {
  http: number;
  wsIn: number;
  wsOut: number;
}

function watchTraffic(page: Page, traffic: Traffic): void {
  page.on('requestfinished', (request) => {
    void request
      .sizes()
      .then((s) => (traffic.http += s.responseBodySize + s.responseHeadersSize + s.requestBodySize + s.requestHeadersSize))
      .catch(() => undefined);
  });
  page.on('websocket', (ws) => {
    ws.on('framereceived', (f) => (traffic.wsIn += typeof f.payload === 'string' ? Buffer.byteLength(f.payload) : f.payload.byteLength));
    ws.on('framesent', (f) => (traffic.wsOut += typeof f.payload === 'string' ? Buffer.byteLength(f.payload) : f.payload.byteLength));
  });
}

async function invite(url: string, token: string, role: 'township' | 'county'): Promise<string> {
  const response = await fetch(`${url}/api/invites`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ role }) });
  if (response.status !== 201) throw new Error(`invite: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { url: string }).url;
}

/** performance.now() in the page once `count` elements match (checked every frame). */
async function whenCount(page: Page, selector: string, count: number, timeout = 120_000): Promise<number> {
  const handle = await page.waitForFunction(([s, n]) => (document.querySelectorAll(s).length >= n ? performance.now() : false), [selector, count] as const, { polling: 'raf', timeout });
  return (await handle.jsonValue()) as number;
}

/** performance.now() once the sync status says synced with nothing pending, or NaN (and why) if not within `timeout`. */
async function whenSynced(page: Page, log: (line: string) => void, timeout = SYNC_TIMEOUT): Promise<number> {
  try {
    return await whenCount(page, '[data-testid="sync-status"][data-state="synced"][data-pending="0"]', 1, timeout);
  } catch {
    const state = await page.evaluate(() => {
      const e = document.querySelector('[data-testid="sync-status"]');
      return e ? `${e.getAttribute('data-state')} pending ${e.getAttribute('data-pending')}: ${e.textContent}` : 'no status';
    });
    log(`not synced within ${timeout / 1000} s: ${state}`);
    return Number.NaN;
  }
}

interface Scenario {
  readonly name: string;
  readonly role: 'township' | 'county';
  readonly token: string;
  readonly path: string;
  readonly selector: string;
  readonly count: number;
}

interface Result {
  readonly freshVisible: number[];
  readonly freshSynced: number[];
  readonly freshBytes: Traffic[];
  readonly warmVisible: number[];
  readonly warmSynced: number[];
  /** DOMContentLoaded: the page's HTML and entry code in */
  readonly warmCode: number[];
  /** the longest task on the main thread from navigation until synced (PerformanceObserver `longtask`) */
  readonly warmLongest: number[];
}

async function measure(browser: Browser, relayUrl: string, s: Scenario, log: (line: string) => void): Promise<Result> {
  const result: Result = { freshVisible: [], freshSynced: [], freshBytes: [], warmVisible: [], warmSynced: [], warmCode: [], warmLongest: [] };
  for (let run = 0; run < FRESH_RUNS; run++) {
    const context = await browser.newContext({ baseURL: relayUrl, viewport: LAPTOP, locale: 'zh-CN', serviceWorkers: 'block' });
    const traffic: Traffic = { http: 0, wsIn: 0, wsOut: 0 };
    const page = await context.newPage();
    watchTraffic(page, traffic);
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleLines.push(`${s.name}: ${m.text()}`.slice(0, 300));
    });
    await page.goto(await invite(relayUrl, s.token, s.role));
    await page.getByTestId('join-name').fill(`测试${run}`);
    const t0 = await page.evaluate(() => performance.now());
    await page.getByTestId('join-submit').click();
    const visible = await whenCount(page, s.selector, s.count);
    const synced = await whenSynced(page, log);
    await page.waitForTimeout(1000); // late frames (keep-alives aside) counted
    result.freshVisible.push(visible - t0);
    result.freshSynced.push(synced - t0);
    result.freshBytes.push({ ...traffic });
    log(`${s.name} fresh #${run + 1}: visible ${(visible - t0).toFixed(0)} ms, synced ${(synced - t0).toFixed(0)} ms, HTTP ${(traffic.http / 1024).toFixed(0)} KiB, WS in ${(traffic.wsIn / 1024).toFixed(0)} KiB out ${(traffic.wsOut / 1024).toFixed(0)} KiB`);
    await page.close();
    // Chromium frees a closed page's sockets lazily (and refuses new ones past 255 per profile).
    await new Promise((r) => setTimeout(r, 1000));
    // Warm: the same device opens the page again (documents in IndexedDB, code in the HTTP cache).
    if (run === 0) {
      for (let w = 0; w < WARM_RUNS; w++) {
        const warm = await context.newPage();
        await warm.addInitScript(() => {
          const w = window as unknown as { __longest: number };
          w.__longest = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
          }).observe({ type: 'longtask', buffered: true });
        });
        warm.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') consoleLines.push(`${s.name} warm: ${m.text()}`.slice(0, 300));
        });
        await warm.goto(s.path, { waitUntil: 'commit' });
        const v = await whenCount(warm, s.selector, s.count);
        const y = await whenSynced(warm, log);
        const dcl = await warm.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? Number.NaN);
        result.warmCode.push(dcl);
        result.warmVisible.push(v);
        result.warmSynced.push(y);
        const longest = await warm.evaluate(() => (window as unknown as { __longest: number }).__longest);
        result.warmLongest.push(longest);
        log(`${s.name} warm #${w + 1}: DOMContentLoaded ${dcl.toFixed(0)} ms, visible ${v.toFixed(0)} ms, synced ${y.toFixed(0)} ms, longest task ${longest.toFixed(0)} ms`);
        await warm.close();
      }
    }
    await context.close();
  }
  return result;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (all: readonly number[]) => {
  const xs = all.filter((x) => !Number.isNaN(x));
  const missing = all.length - xs.length;
  if (xs.length === 0) return `not within ${SYNC_TIMEOUT / 1000} s (${missing}/${all.length})`;
  return `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})${missing ? `; ${missing}/${all.length} not within ${SYNC_TIMEOUT / 1000} s` : ''}`;
};
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

async function main(): Promise<void> {
  const started = Date.now();
  const log = (line: string) => console.log(`[tier] ${line}`);
  await ensureClientBuilt();
  const relay = await startRelay();
  let browser: Browser | null = null;
  try {
    const seeded = await seedCounty(relay, log);
    browser = await launchBrowser();
    const none: Result = { freshVisible: [], freshSynced: [], freshBytes: [{ http: 0, wsIn: 0, wsOut: 0 }], warmVisible: [], warmSynced: [], warmCode: [], warmLongest: [] };
    const desk = ONLY && ONLY !== 'desk' ? none : await measure(browser, relay.url, { name: 'desk', role: 'township', token: seeded.townshipToken, path: `/r/${TOWNSHIP.id}/desk`, selector: '[data-testid="desk-case"]', count: seeded.deskCases }, log);
    const county = ONLY && ONLY !== 'county' ? none : await measure(browser, relay.url, { name: 'county', role: 'county', token: seeded.countyToken, path: `/r/${COUNTY.id}/table`, selector: '[data-testid="ranking-table"] tr[data-reporting="true"]', count: seeded.communities }, log);

    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join('/');
    const commit = execSync('git rev-parse --short HEAD', { cwd: REPO_ROOT }).toString().trim();
    const bytes = (r: Result) => {
      const http = median(r.freshBytes.map((b) => b.http));
      const wsIn = median(r.freshBytes.map((b) => b.wsIn));
      const wsOut = median(r.freshBytes.map((b) => b.wsOut));
      return { http, wsIn, wsOut, total: http + wsIn + wsOut };
    };
    const db = bytes(desk);
    const cb = bytes(county);
    const verdict = (value: number, target: number) => (value < target ? `met (< ${target / 1000} s)` : `**missed** (target < ${target / 1000} s)`);
    const refused = consoleLines.filter((l) => l.includes('Insufficient resources')).length;
    const text = [
      `Command: \`npx tsx test/bench/tier/run.ts\` — started ${new Date(started).toISOString()}, took ${((Date.now() - started) / 1000).toFixed(0)} s; commit ${commit}.`,
      `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; Debian's Chromium (headless), service workers blocked. Load average at the end: ${load}.`,
      `Data: the county fixture (\`generateCounty()\`: ${seeded.communities} communities), 古镛镇 holding 20 of them and seven other townships the rest, created with the relay's CLI (${seeded.seconds.cli.toFixed(0)} s); each community's \`escalations\` (3 cases escalated to the township: waiting, accepted, assigned back with a past deadline; ${seeded.escalationsBytes} B as one update, median) and \`summary\` (computeSummary of the generated community; ${seeded.summaryBytes} B) written through raw sync clients (${seeded.seconds.sync.toFixed(0)} s). The relay runs with its defaults (32 sockets per token): the county's device syncs the 152 summaries in batches over HTTP (\`POST /api/region/summaries\`, 2 requests) and holds one WebSocket (its region document).`,
      `Fresh = a new browser context joins with an invite (nothing on the device): from the click on "join" until the page shows every row (the desk's ${seeded.deskCases} cases; the county's ${seeded.communities} communities), and until the sync status says every open document is synced; bytes over loopback for that whole visit (HTTP with headers, as transferred: the app's code brotli-compressed by the relay, join, directory, the summaries' batches gzip-compressed; WebSocket frames both ways), median of ${FRESH_RUNS}. Warm = a new page on the first fresh run's device: navigation start until the same rows (documents from IndexedDB), and until synced; ${WARM_RUNS} runs. ms as median (min–max).`,
      '',
      '| page | fresh: rows shown ms | fresh: synced ms | warm: DOMContentLoaded ms | warm: rows shown ms | warm: synced ms | warm: longest task ms | fresh bytes: HTTP | WS in | WS out | total | target |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
      `| (a) township desk, ${seeded.deskCases} cases of 20 communities | ${ms(desk.freshVisible)} | ${ms(desk.freshSynced)} | ${ms(desk.warmCode)} | ${ms(desk.warmVisible)} | ${ms(desk.warmSynced)} | ${ms(desk.warmLongest)} | ${kib(db.http)} | ${kib(db.wsIn)} | ${kib(db.wsOut)} | ${kib(db.total)} | warm ${verdict(median(desk.warmVisible), 1000)}; fresh ${verdict(median(desk.freshVisible), 10_000)} |`,
      `| (b) county table, ${seeded.communities} communities reporting | ${ms(county.freshVisible)} | ${ms(county.freshSynced)} | ${ms(county.warmCode)} | ${ms(county.warmVisible)} | ${ms(county.warmSynced)} | ${ms(county.warmLongest)} | ${kib(cb.http)} | ${kib(cb.wsIn)} | ${kib(cb.wsOut)} | ${kib(cb.total)} | warm ${verdict(median(county.warmVisible), 2000)} |`,
      '',
      `WebSockets Chromium refused with "Insufficient resources" over the whole run (its limit is 255 per profile, closing ones included): ${refused}.`,
    ].join('\n');
    const seen = [...new Set(consoleLines)].slice(0, 10);
    if (seen.length) log(`console errors and warnings (first distinct ${seen.length}):\n  ${seen.join('\n  ')}`);
    console.log(`\n${text}`);
    if (full) writeResults(text);
  } finally {
    await browser?.close().catch(() => undefined);
    await relay.stop();
  }
}

function writeResults(text: string): void {
  const file = join(REPO_ROOT, 'test/bench/RESULTS.md');
  const start = '<!-- bench:tier:start -->';
  const end = '<!-- bench:tier:end -->';
  const block = `${start}\n## Tier: the township desk and the county table (issue 22)\n\n${text}\n${end}`;
  const current = readFileSync(file, 'utf8');
  const at = current.indexOf(start);
  writeFileSync(file, at >= 0 ? current.slice(0, at) + block + current.slice(current.indexOf(end) + end.length) : `${current.trimEnd()}\n\n${block}\n`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
