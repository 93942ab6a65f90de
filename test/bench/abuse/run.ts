// Abuse bench (issue #19): honest writers and observers in many rooms, measured without and then
// with one heavy writer on another community's `work` document, against one relay process, in
// the same run; /healthz is polled throughout. `npx tsx test/bench/abuse/run.ts [--quick]
// [--rooms=100] [--window=20] [--keys=<the relay's per-update structure cap>] [--period=250]
// [--no-limits]` (`--no-limits` turns the structure caps and CPU budgets off: the relay as it was
// before them). Full runs write the abuse section of test/bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { defaultCpuBudget, defaultLimits } from '../../../relay/src/config';
import { startServer } from '../relay/harness/serverProcess';
import { freePort } from '../relay/harness/freePort';
import { relayNodeFlags } from '../relay/harness/targets';
import { coreBusySeconds, cpuSeconds, runQueueWaitNs } from '../relay/harness/procStats';
import { connect, type SyncClient } from '../../support/syncClient';
import { overwriteChain, startHeavyWriter } from './heavyWriter';

const root = join(import.meta.dirname, '..', '..', '..');
const argv = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};
const quick = argv.includes('--quick');
const noLimits = argv.includes('--no-limits');
const ROOMS = flag('rooms', quick ? 30 : 100);
const WINDOW_S = flag('window', quick ? 8 : 20);
const KEYS = flag('keys', defaultLimits.maxUpdateStructs);
const PERIOD_MS = flag('period', 250);
const RUNS = flag('runs', quick ? 1 : 3);
const WRITE_HZ = 10;
const WARMUP_MS = 3000;
const HOST = '127.0.0.1';

function cli(data: string, args: string[]): string {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'relay/src/cli.ts', ...args, '--data', data], { cwd: root, encoding: 'utf8' });
  const answer = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { token?: string };
  if (!answer.token) throw new Error(`no token from relay ${args.join(' ')}`);
  return answer.token;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

type Phase = 'without' | 'with';
let latencies: Record<Phase, number[]> = { without: [], with: [] };
let health: Record<Phase, number[]> = { without: [], with: [] };
let phase: Phase | null = null;
let expected: Record<Phase, number> = { without: 0, with: 0 };

interface Row {
  readonly p: Phase;
  readonly n: number;
  readonly expected: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly hp99: number;
  readonly hmax: number;
  readonly hn: number;
  /** the relay's CPU, its run-queue wait, and what other processes took of its core, % of the window */
  readonly cpu: number;
  readonly waited: number;
  readonly other: number;
}

interface Sample {
  readonly at: number;
  readonly cpu: number;
  readonly wait: number;
  readonly core: number;
}

function sample(pid: number): Sample {
  return { at: performance.now(), cpu: cpuSeconds(pid), wait: runQueueWaitNs(pid) / 1e9, core: coreBusySeconds(0) };
}

function usage(a: Sample, b: Sample): { cpu: number; waited: number; other: number } {
  const seconds = (b.at - a.at) / 1000;
  const cpu = b.cpu - a.cpu;
  return { cpu: (100 * cpu) / seconds, waited: (100 * (b.wait - a.wait)) / seconds, other: Math.max(0, (100 * (b.core - a.core - cpu)) / seconds) };
}
interface RunResult {
  readonly rows: readonly [Row, Row];
  readonly ratio: number;
  readonly attacker: string;
}

async function main(): Promise<void> {
  // The load (this process) on core 1, the relay on core 0, as in the relay bench.
  execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
  const started = Date.now();
  const load = loadavg();
  const chainLength = Math.ceil((WINDOW_S * 1000) / PERIOD_MS) + 20;
  console.log(`making ${chainLength} updates of ${KEYS} keys …`);
  const chain = overwriteChain(KEYS, chainLength);
  const results: RunResult[] = [];
  for (let run = 1; run <= RUNS; run++) {
    latencies = { without: [], with: [] };
    health = { without: [], with: [] };
    expected = { without: 0, with: 0 };
    const result = await runOnce(chain);
    results.push(result);
    console.log(`run ${run}: p99 ${result.rows[0].p99.toFixed(1)} → ${result.rows[1].p99.toFixed(1)} ms (${result.ratio.toFixed(2)}×), /healthz max ${result.rows[0].hmax.toFixed(1)} / ${result.rows[1].hmax.toFixed(1)} ms, other work on the relay's core ${result.rows[0].other.toFixed(0)} / ${result.rows[1].other.toFixed(0)} %`);
  }
  report(results, chain, started, load);
}

async function runOnce(chain: readonly Uint8Array[]): Promise<RunResult> {
  const data = mkdtempSync(join(tmpdir(), 'lianxin-bench-abuse-'));
  try {
    const honestToken = cli(data, ['community', 'create', 'honest', '--name', 'Honest']);
    cli(data, ['community', 'create', 'target', '--name', 'Target']);
    const memberToken = cli(data, ['token', 'target', '--role', 'member', '--name', 'heavy']);
    const port = await freePort();
    // 200 honest sockets share one token and one address here; real devices do not. Lift the
    // HTTP surface's connection limits so the bench measures CPU, not them.
    Object.assign(process.env, { LIANXIN_MAX_SOCKETS_PER_TOKEN: '1000000', LIANXIN_MAX_CONNECTIONS_PER_ADDRESS: '1000000' });
    if (noLimits) {
      Object.assign(process.env, {
        LIANXIN_MAX_UPDATE_STRUCTS: '100000000',
        LIANXIN_MAX_UPDATE_CLIENTS: '100000000',
        LIANXIN_MAX_DOCUMENT_STRUCTS: '100000000',
        LIANXIN_CPU_MS: '0',
        LIANXIN_DOC_CPU_MS: '0',
      });
    }
    const server = await startServer(
      { script: 'relay/src/cli.ts', nodeFlags: relayNodeFlags(root), args: ['serve', '--port', String(port), '--host', HOST, '--data', data], cwd: root },
      0,
      { profileDir: process.env.LIANXIN_BENCH_PROFILE_DIR ?? null, probeDir: null, niceness: null },
    );
    const wsUrl = `ws://${HOST}:${port}/sync`;
    const clients: SyncClient[] = [];
    const writers: SyncClient[] = [];
    for (let r = 0; r < ROOMS; r++) {
      const room = `honest/minutes/r${r}`;
      const writer = await connect(wsUrl, room, honestToken);
      const observer = await connect(wsUrl, room, honestToken);
      await Promise.all([writer.waitSynced(), observer.waitSynced()]);
      const map = observer.doc.getMap('h');
      map.observe(() => {
        const sent = map.get('t') as number;
        const p = map.get('p') as Phase | null;
        if (p !== null && p !== undefined) latencies[p].push(performance.now() - sent);
      });
      clients.push(writer, observer);
      writers.push(writer);
    }
    // Writers at WRITE_HZ, staggered evenly; each write carries its send time and the phase it counts for.
    const interval = 1000 / WRITE_HZ;
    const timers: NodeJS.Timeout[] = [];
    writers.forEach((w, i) => {
      setTimeout(() => {
        timers.push(
          setInterval(() => {
            if (phase) expected[phase] += 1;
            w.write((d) => {
              const m = d.getMap('h');
              d.transact(() => {
                m.set('p', phase);
                m.set('t', performance.now());
              });
            });
          }, interval),
        );
      }, (i * interval) / writers.length);
    });
    const healthTimer = setInterval(() => {
      const p = phase;
      const t0 = performance.now();
      void fetch(`http://${HOST}:${port}/healthz`).then(
        async (res) => {
          await res.arrayBuffer();
          if (p) health[p].push(performance.now() - t0);
        },
        () => p && health[p].push(Number.POSITIVE_INFINITY),
      );
    }, 50);
    await sleep(WARMUP_MS);
    const s0 = sample(server.pid);
    phase = 'without';
    await sleep(WINDOW_S * 1000);
    phase = null;
    const s1 = sample(server.pid);
    await sleep(1000);
    const attacker = startHeavyWriter(wsUrl, 'target/work', memberToken, chain, PERIOD_MS);
    const s2 = sample(server.pid);
    phase = 'with';
    await sleep(WINDOW_S * 1000);
    phase = null;
    const s3 = sample(server.pid);
    const used = { without: usage(s0, s1), with: usage(s2, s3) };
    const stats = await attacker.stop();
    await sleep(3000);
    clearInterval(healthTimer);
    for (const t of timers) clearInterval(t);
    await Promise.all(clients.map((c) => c.close()));
    await server.stop();

    const rows = (['without', 'with'] as const).map((p): Row => {
      const sorted = [...latencies[p]].sort((a, b) => a - b);
      const h = [...health[p]].sort((a, b) => a - b);
      return { p, n: sorted.length, expected: expected[p], p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN, hp99: percentile(h, 99), hmax: h.at(-1) ?? Number.NaN, hn: h.length, ...used[p] };
    }) as [Row, Row];
    const closes = [...stats.closes].map(([code, n]) => `${n}× ${code}`).join(', ') || 'none';
    return { rows, ratio: rows[1].p99 / rows[0].p99, attacker: `${stats.sent} sent over ${stats.connections} connections, ${stats.confirmed} stored; closed: ${closes}` };
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : String(x));

function report(results: readonly RunResult[], chain: readonly Uint8Array[], started: number, load: number[]): void {
    const byRatio = [...results].sort((a, b) => a.ratio - b.ratio);
    const median = byRatio[Math.floor(byRatio.length / 2)] as RunResult;
    const healthMax = Math.max(...results.flatMap((r) => [r.rows[0].hmax, r.rows[1].hmax]));
    const table = [
      '| run | phase | writes seen / expected | p50 ms | p99 ms | max ms | /healthz p99 ms | /healthz max ms (polls) | relay CPU % | relay waited for CPU % | other work on relay core % | p99 with / without | heavy writer |',
      '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
      ...results.flatMap((res, i) =>
        res.rows.map((r) => `| ${i + 1}${res === median ? ' (median)' : ''} | ${r.p === 'without' ? 'without the heavy writer' : 'with the heavy writer'} | ${r.n}/${r.expected} | ${f(r.p50)} | ${f(r.p99)} | ${f(r.max)} | ${f(r.hp99)} | ${f(r.hmax)} (${r.hn}) | ${r.cpu.toFixed(0)} | ${r.waited.toFixed(0)} | ${r.other.toFixed(0)} | ${r.p === 'with' ? `${res.ratio.toFixed(2)}×` : ''} | ${r.p === 'with' ? res.attacker : ''} |`),
      ),
    ].join('\n');
    const verdict = [
      `honest p99 with / without the heavy writer, median run by ratio: ${median.ratio.toFixed(2)}× (runs: ${results.map((r) => r.ratio.toFixed(2)).join(', ')}; target ≤ 2×): ${median.ratio <= 2 ? 'met' : 'missed'}`,
      `/healthz max over every run and both windows: ${f(healthMax)} ms (target < 100 ms throughout): ${healthMax < 100 ? 'met' : 'missed'}`,
    ];
    const budget = noLimits ? 'caps and CPU budgets off (`--no-limits`)' : `default caps (${defaultLimits.maxUpdateStructs} structures per update, ${defaultLimits.maxDocumentStructs} per document, depth ${defaultLimits.maxDepth}) and budgets (connection ${defaultCpuBudget.connectionMsPerSecond} ms/s, burst ${defaultCpuBudget.connectionBurstMs} ms; document ${defaultCpuBudget.documentMsPerSecond} ms/s, burst ${defaultCpuBudget.documentBurstMs} ms)`;
    const text = [
      `Command: \`npx tsx test/bench/abuse/run.ts ${argv.join(' ')}\`, ${new Date(started).toISOString()}, took ${Math.round((Date.now() - started) / 1000)} s. Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, load average before ${load.map((x) => x.toFixed(2)).join('/')} (the machine is shared); Node ${process.version}.`,
      `Relay (SQLite, durable) pinned to CPU 0, this load process to CPU 1; ${budget}. ${ROOMS} honest rooms (\`honest/minutes/r*\`), each 1 writer + 1 observer (raw protocol clients with a Y.Doc), the writer setting a timestamp at ${WRITE_HZ} Hz, staggered; latency writer → observer over every write sent in a ${WINDOW_S}-s window, first without, then with the heavy writer (a member on \`target/work\`, one update setting ${KEYS} keys of a Y.Map every ${PERIOD_MS} ms, resending what was not confirmed after each close, reconnecting after 1 s); /healthz polled every 50 ms in both windows. ${results.length} run(s), each with a fresh relay and data folder; update size ${((chain[1]?.byteLength ?? 0) / 1e6).toFixed(2)} MB.`,
      '',
      table,
      '',
      ...verdict.map((v) => `- ${v}`),
    ].join('\n');
    console.log(`\n${text}`);
    if (!quick && !argv.some((a) => a.startsWith('--rooms=') || a.startsWith('--window=') || a.startsWith('--period='))) writeResults(noLimits ? 'abuse-no-limits' : 'abuse', text);
}

function writeResults(section: string, text: string): void {
  const file = join(root, 'test/bench/RESULTS.md');
  const start = `<!-- bench:${section}:start -->`;
  const end = `<!-- bench:${section}:end -->`;
  const title = section === 'abuse' ? '## Abuse: one heavy writer against honest rooms' : '## Abuse, caps and budgets off (the relay before them)';
  const block = `${start}\n${title}\n\n${text}\n${end}`;
  const current = readFileSync(file, 'utf8');
  const at = current.indexOf(start);
  const next = at >= 0 ? current.slice(0, at) + block + current.slice(current.indexOf(end) + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
