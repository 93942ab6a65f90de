// Relay benchmark (issue 2): the Lianxin relay beside the y-websocket 1.5 reference server and
// Hocuspocus, one after the other under the same stepped load. See README.md here.
//   npx tsx test/bench/relay/run.ts [--quick] [--servers=relay,y-websocket,hocuspocus]
//     [--steps=50,100,…] [--clients=auto|providers|raw-observers|raw] [--provider-max=200]
//     [--raw-observers-max=200]
//     [--warmup=3] [--window=20] [--max-rooms=3200] [--retries=1] [--runs=3] [--runs-max-rooms=400]
//     [--repeat=relay,y-websocket] [--write|--no-write] [--probe[=DIR]] [--load-semi-space=64|default]
//     [--caveat=text] [--profile=DIR] [--nice=N] [--report-only] [--ack-ms=N]
//   npx tsx test/bench/relay/run.ts --durability   (issue 19: `stored` after fsync vs LIANXIN_DURABILITY=process)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClientKind } from './load/loadConfig';
import { clientsLabel, ms } from './harness/report';
import { renderReport } from './harness/report';
import type { RunInfo } from './harness/report';
import { largestProfile, summarizeProfile } from './harness/profileSummary';
import { LOAD_CORE, runStep } from './harness/runStep';
import type { StepSettings, Timing } from './harness/runStep';
import { StepOutcome } from './harness/stepResult';
import { combineRuns } from './harness/combineRuns';
import { countedAttempt } from './harness/countedAttempt';
import { heldLagP99 } from './harness/heldLag';
import { nextAttempt } from './harness/nextAttempt';
import type { ClientChoice } from './harness/nextAttempt';
import type { StepResult } from './harness/stepResult';
import { CLIENT_FAMILY, TargetId, prepareTarget } from './harness/targets';
import type { PreparedTarget } from './harness/targets';
import { packageVersion } from './servers/packageVersion';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const RESULTS = join(root, 'test', 'bench', 'RESULTS.md');
let SECTION_START = '<!-- bench:relay:start -->';
let SECTION_END = '<!-- bench:relay:end -->';
let LAST_RUN = 'last-run.json';

interface Options {
  readonly quick: boolean;
  /** fsync vs process durability, own section of RESULTS.md */
  readonly durability: boolean;
  /** extra environment for the relay targets */
  readonly relayEnv: Readonly<Record<string, string>>;
  readonly servers: readonly TargetId[];
  readonly steps: readonly number[];
  readonly clients: Clients;
  readonly providerMax: number;
  readonly rawObserversMax: number;
  readonly timing: Timing;
  readonly retries: number;
  /** Runs per step for the servers in `repeated`, up to `runsMaxRooms` rooms. */
  readonly runs: number;
  readonly runsMaxRooms: number;
  readonly repeated: readonly TargetId[];
  readonly write: boolean;
  readonly caveat: string | null;
  readonly profileDir: string | null;
  readonly probeDir: string | null;
  readonly loadSemiSpaceMiB: number | null;
  readonly niceness: number | null;
}

function parseNiceness(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < -20 || n > 19) throw new Error(`--nice must be an integer from -20 to 19, got ${raw}`);
  return n;
}

function parseOptions(argv: readonly string[]): Options {
  const values = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match?.[1]) throw new Error(`unknown argument ${arg}: options look like --name or --name=value`);
    values.set(match[1], match[2] ?? 'true');
  }
  const known = new Set(['quick', 'servers', 'steps', 'clients', 'provider-max', 'raw-observers-max', 'warmup', 'window', 'max-rooms', 'retries', 'runs', 'runs-max-rooms', 'repeat', 'write', 'no-write', 'caveat', 'profile', 'probe', 'load-semi-space', 'nice', 'report-only', 'durability', 'ack-ms']);
  for (const key of values.keys()) if (!known.has(key)) throw new Error(`unknown option --${key}`);
  const quick = values.has('quick');
  const number = (key: string, fallback: number): number => {
    const raw = values.get(key);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${key} must be a positive number, got ${raw}`);
    return parsed;
  };
  const allServers: TargetId[] = [TargetId.relay, TargetId.relayProcess, TargetId.yWebsocket, TargetId.hocuspocus];
  // `--durability` (issue 19): the relay as configured by default (`stored` after fsync) beside
  // LIANXIN_DURABILITY=process, one run per step, 10-s windows, a `stored` per batch
  // (LIANXIN_ACK_MS=0: otherwise the 1-s acknowledgement interval hides the fsync): ~5 min.
  const durability = values.has('durability');
  const defaultServers = durability ? [TargetId.relay, TargetId.relayProcess] : [TargetId.relay, TargetId.yWebsocket, TargetId.hocuspocus];
  const ackMs = values.get('ack-ms') ?? (durability ? '0' : undefined);
  if (ackMs !== undefined && !/^\d+$/.test(ackMs)) throw new Error(`--ack-ms must be a whole number of ms, got ${ackMs}`);
  const servers = (values.get('servers')?.split(',') ?? defaultServers).map((name) => {
    const id = allServers.find((s) => s === name);
    if (id === undefined) throw new Error(`--servers: unknown server ${name} (known: ${allServers.join(', ')})`);
    return id;
  });
  const maxRooms = number('max-rooms', 3200);
  const doubling: number[] = [];
  for (let r = quick ? 10 : 50; r <= (quick ? 40 : maxRooms); r *= quick ? 4 : 2) doubling.push(r);
  const steps = values.get('steps')?.split(',').map((s) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--steps: ${s} is not a room count`);
    return n;
  }) ?? (durability && !quick ? [100, 200, 400, 800, 1600] : doubling);
  const clients = CLIENTS.find((c) => c === (values.get('clients') ?? 'auto'));
  if (clients === undefined) throw new Error(`--clients must be one of ${CLIENTS.join(', ')}`);
  return {
    quick,
    durability,
    relayEnv: ackMs === undefined ? {} : { LIANXIN_ACK_MS: ackMs },
    servers,
    steps,
    clients,
    providerMax: number('provider-max', 200),
    rawObserversMax: number('raw-observers-max', 200),
    timing: {
      warmupMs: number('warmup', quick ? 1 : 3) * 1000,
      // 20 s, three runs per step (`--runs`) for the servers target 1 compares: 60 s measured per
      // step and server, judged on the median run. One 30-s window (the earlier default) still
      // left p99 a draw of a few stalls, ±40 % from run to run.
      windowMs: number('window', quick ? 3 : durability ? 10 : 20) * 1000,
      cooldownMs: quick ? 300 : 1000,
      drainMs: quick ? 2000 : 3000,
    },
    retries: values.get('retries') === '0' ? 0 : Math.floor(number('retries', 1)),
    runs: Math.floor(number('runs', quick || durability ? 1 : 3)),
    runsMaxRooms: number('runs-max-rooms', 400),
    // Target 1 compares these two at every step; Hocuspocus only needs its largest R held.
    repeated: (values.get('repeat')?.split(',') ?? [TargetId.relay, TargetId.yWebsocket]).map((name) => {
      const id = allServers.find((s) => s === name);
      if (id === undefined) throw new Error(`--repeat: unknown server ${name} (known: ${allServers.join(', ')})`);
      return id;
    }),
    write: values.has('write') || (!quick && !values.has('no-write')),
    caveat: values.get('caveat') ?? (ackMs === undefined ? null : `the relays ran with LIANXIN_ACK_MS=${ackMs}${ackMs === '0' ? ' (one `stored` per stored batch), so stored-ack measures storage and fsync, not the 1-s acknowledgement interval' : ''}`),
    niceness: parseNiceness(values.get('nice')),
    loadSemiSpaceMiB: values.get('load-semi-space') === 'default' ? null : number('load-semi-space', 64),
    probeDir: !values.has('probe') ? null : values.get('probe') === 'true' ? join(tmpdir(), 'lianxin-bench-probes') : resolve(values.get('probe') ?? ''),
    profileDir: !values.has('profile') ? null : values.get('profile') === 'true' ? join(tmpdir(), 'lianxin-bench-profiles') : resolve(values.get('profile') ?? ''),
  };
}

const CLIENTS = ['auto', 'providers', 'raw-observers', 'raw'] as const;
type Clients = (typeof CLIENTS)[number];

/** Full providers while the load core keeps up with them, lighter clients above that. */
function clientsFor(options: Options, rooms: number): ClientChoice {
  const choice = options.clients !== 'auto'
    ? options.clients
    : rooms <= options.providerMax ? 'providers' : rooms <= options.rawObserversMax ? 'raw-observers' : 'raw';
  return {
    writers: choice === 'raw' ? ClientKind.raw : ClientKind.provider,
    observers: choice === 'providers' ? ClientKind.provider : ClientKind.raw,
  };
}

function versions(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const of = (name: string): string => {
    try {
      return packageVersion(require.resolve(name));
    } catch {
      return '?';
    }
  };
  const reference = require.resolve('y-websocket-1/bin/utils');
  return {
    'y-websocket server': packageVersion(reference),
    'its ws': packageVersion(createRequire(reference).resolve('ws')),
    '@hocuspocus/server': of('@hocuspocus/server'),
    '@hocuspocus/provider': of('@hocuspocus/provider'),
    'y-websocket provider': of('y-websocket'),
    yjs: of('yjs'),
    'ws (clients)': of('ws'),
  };
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function writeSection(markdown: string): void {
  const section = `${SECTION_START}\n${markdown}${SECTION_END}`;
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const start = current.indexOf(SECTION_START);
  const end = current.indexOf(SECTION_END);
  const next = start >= 0 && end > start
    ? `${current.slice(0, start)}${section}${current.slice(end + SECTION_END.length)}`
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(RESULTS, next);
}

function describe(step: StepResult): string {
  const l = step.load;
  if (!l) return `${step.target} R=${step.rooms}: ${step.outcome} ${step.error?.split('\n')[0] ?? ''}`;
  return `${step.target} R=${step.rooms} (${clientsLabel(l.writers, l.observers)}): p50 ${ms(l.latency.p50)} p99 ${ms(l.latency.p99)} ms, lost ${l.lost}/${l.expected}, sent ${l.achievedRate.toFixed(0)}/${l.targetRate}/s, server CPU ${step.serverCpuPercent?.toFixed(0) ?? '?'}% (waited ${step.serverWaitPercent?.toFixed(0) ?? '?'}%, others on its core ${step.serverCoreOtherPercent?.toFixed(0) ?? '?'}%), RSS ${step.peakRssMiB?.toFixed(0) ?? '?'} MiB, load CPU ${l.loadCpuPercent.toFixed(0)}% (waited ${l.loadWaitPercent?.toFixed(0) ?? '?'}%)${l.storedAck ? `, stored-ack p99 ${ms(l.storedAck.p99)} ms (${l.storedAck.count})` : ''} → ${step.outcome}${step.loadProblems.length ? ` (${step.loadProblems.join('; ')})` : ''}`;
}

/** The server's CPU profile cut to the measured window, printed and kept beside the profile. */
function printProfile(dir: string, step: StepResult): void {
  const file = largestProfile(dir);
  if (file === null) {
    console.log(`  (no CPU profile in ${dir})`);
    return;
  }
  const lines = summarizeProfile(file, step.windowUs?.[0] ?? null, step.windowUs?.[1] ?? null, step.target === TargetId.relay ? 'relay/src' : 'node_modules');
  writeFileSync(join(dir, 'summary.txt'), `${lines.join('\n')}\n`);
  console.log(lines.map((l) => `  ${l}`).join('\n'));
}

function failedSetup(target: TargetId, rooms: number, message: string): StepResult {
  return {
    target,
    rooms,
    outcome: StepOutcome.error,
    load: null,
    serverCpuPercent: null,
    serverWaitPercent: null,
    peakRssMiB: null,
    loadProblems: [],
    error: `setup failed: ${message}`,
    earlierAttempts: [],
    windowUs: null,
  };
}

/** Renders the report again from last-run.json (e.g. after a change to the report itself). */
function reportOnly(write: boolean): number {
  const saved = JSON.parse(readFileSync(join(here, LAST_RUN), 'utf8')) as { info: RunInfo; steps: StepResult[] };
  const markdown = renderReport(saved.steps, { ...saved.info, rerenderedAt: new Date().toISOString() });
  console.log(markdown);
  if (write) writeSection(markdown);
  return 0;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.durability) {
    SECTION_START = '<!-- bench:relay-durability:start -->';
    SECTION_END = '<!-- bench:relay-durability:end -->';
    LAST_RUN = 'last-durability-run.json';
  }
  if (process.argv.includes('--report-only')) return reportOnly(options.write);
  // This process only waits and reads /proc, but keep it off the server's core too.
  execFileSync('taskset', ['-p', '-c', String(LOAD_CORE), String(process.pid)], { stdio: 'ignore' });
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const steps: StepResult[] = [];
  const loadAverages: Record<string, string> = {};
  // Token setup for the relay happens here, before any step, so it is never measured.
  const targets: PreparedTarget[] = [];
  for (const id of options.servers) {
    try {
      targets.push(prepareTarget(id, root, options.relayEnv));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`${id}: setup failed: ${message}`);
      steps.push(failedSetup(id, options.steps[0] ?? 0, message));
    }
  }
  // Interleaved by step (R = 50 on every server, then R = 100, …) so that a burst of other work
  // on the shared cores hits the servers more evenly than running one server's steps in a row.
  let active = [...targets];
  const attemptRules = { fixedClients: options.clients !== 'auto', retries: options.retries };
  try {
    for (const rooms of options.steps) {
      loadAverages[`R=${rooms}`] = loadavg().map((v) => v.toFixed(2)).join('/');
      // Runs of one step alternate between the servers (A B A B …), one fresh server and fresh
      // rooms each, so slow drifts of the machine hit every server alike.
      const runsOf = (target: PreparedTarget): number => (options.repeated.includes(target.id) && rooms <= options.runsMaxRooms ? options.runs : 1);
      const attempts = new Map<TargetId, number>();
      const results = new Map<TargetId, StepResult[]>();
      const rounds = Math.max(1, ...active.map(runsOf));
      // A server run fewer times takes the last rounds: its failures are then judged against
      // every run of the others that held this step (heldLagP99).
      const stepRuns = (): StepResult[] => [...results.values()].flat();
      for (let round = 1; round <= rounds; round++) {
        for (const target of active) {
          if (round <= rounds - runsOf(target)) continue;
          const settings = (clients: ClientChoice = clientsFor(options, rooms)): StepSettings => {
            const attempt = (attempts.get(target.id) ?? 0) + 1;
            attempts.set(target.id, attempt);
            return {
              ...clients,
              timing: options.timing,
              attempt,
              profileDir: options.profileDir === null ? null : join(options.profileDir, `${target.id}-r${rooms}-a${attempt}`),
              probeDir: options.probeDir === null ? null : join(options.probeDir, `${target.id}-r${rooms}-a${attempt}`),
              loadSemiSpaceMiB: options.loadSemiSpaceMiB,
              niceness: options.niceness,
              heldLagP99Ms: heldLagP99(stepRuns(), CLIENT_FAMILY[target.id], clients.writers, clients.observers),
            };
          };
          const label = runsOf(target) > 1 ? ` [run ${round - (rounds - runsOf(target))}/${runsOf(target)}]` : '';
          let current = settings();
          let step = await runStep(root, target, rooms, current);
          // A single-run step that fails is run again before it counts (harness/nextAttempt.ts):
          // with lighter clients while the load process could not keep up, then once more with
          // the same ones, because the cores are shared. Repeated steps are judged on their median.
          const tried: StepResult[] = [step];
          let retriesUsed = 0;
          while (runsOf(target) === 1) {
            const next = nextAttempt(step, current, attemptRules, retriesUsed);
            if (next === null) break;
            if (next.usesRetry) retriesUsed++;
            const lighter = next.clients.writers !== current.writers || next.clients.observers !== current.observers;
            console.log(`${describe(step)} — running the step again${lighter ? ` with ${clientsLabel(next.clients.writers, next.clients.observers)}` : ''}`);
            current = settings(next.clients);
            step = await runStep(root, target, rooms, current);
            tried.push(step);
          }
          step = countedAttempt(tried, (s) => (s.load ? clientsLabel(s.load.writers, s.load.observers) : '–'));
          console.log(`${describe(step)}${label}`);
          if (current.profileDir !== null) printProfile(current.profileDir, step);
          results.set(target.id, [...(results.get(target.id) ?? []), step]);
        }
      }
      for (const target of active) {
        const runs = results.get(target.id) ?? [];
        if (runs.length === 0) continue;
        const step = runs.length === 1 ? (runs[0] as StepResult) : combineRuns(runs);
        if (runs.length > 1) console.log(`${target.id} R=${rooms}: median of ${runs.length} runs: p99 ${step.load?.latency.p99.toFixed(1) ?? '–'} ms → ${step.outcome}`);
        steps.push(step);
      }
      active = active.filter((t) => steps.some((s) => s.target === t.id && s.rooms === rooms && s.outcome === StepOutcome.held));
      if (active.length === 0) break;
    }
  } finally {
    for (const target of targets) target.cleanup();
  }
  steps.sort((a, b) => options.servers.indexOf(a.target) - options.servers.indexOf(b.target) || a.rooms - b.rooms);
  const info: RunInfo = {
    command: `npx tsx test/bench/relay/run.ts${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
    startedAt,
    durationS: (performance.now() - started) / 1000,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    node: process.version,
    commit: commit(),
    versions: versions(),
    timing: `Per step: ${options.timing.warmupMs / 1000} s warm-up, ${options.timing.windowMs / 1000} s measured, writes go on ${options.timing.cooldownMs / 1000} s after the window, then up to ${options.timing.drainMs / 1000} s for deliveries before a write counts as lost. Steps: ${options.steps.join(', ')} rooms, stopping a server at its first step with p99 > 50 ms, a lost message, or a load generator that did not keep up (a step that fails is run ${options.retries} more time(s) first, with fresh rooms and a fresh server; one whose load generator did not keep up is first run again with the next lighter clients, down to raw ones, without using up a retry). ${options.runs > 1 ? `Steps up to ${options.runsMaxRooms} rooms are run ${options.runs} times for ${options.repeated.join(' and ')}, alternating between the servers (A B A B …, a fresh server and fresh rooms each); such a step is judged on its median run by p99 (any lost message in a run that counts still fails it; no retries), and every run is listed below the table. Where the relay's median run is higher than the reference's, it is worse only if its runs rank above the reference's beyond chance (one-sided exact Mann–Whitney U, p < 0.05; needs 4 + 4 runs or more, below that a higher median is worse).` : ''}`,
    loadAverages,
    caveat: options.caveat,
    niceness: options.niceness,
  };
  const markdown = renderReport(steps, info);
  console.log(`\n${markdown}`);
  if (options.write) {
    writeSection(markdown);
    writeFileSync(join(here, LAST_RUN), `${JSON.stringify({ info, steps }, null, 2)}\n`);
    console.log(`written to ${RESULTS} (${options.durability ? 'relay-durability' : 'relay'} section) and test/bench/relay/${LAST_RUN}`);
  }
  return steps.some((s) => s.outcome === StepOutcome.error) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
