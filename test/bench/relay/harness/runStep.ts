// One step: start the server on core 0, run the load process on core 1, sample the server's
// CPU at the load's window events and its peak RSS at the end, stop the server.
import { spawn } from 'node:child_process';
import type { ClientKind, LoadConfig } from '../load/loadConfig';
import type { LoadEvent, LoadResult } from '../load/loadResult';
import { freePort } from './freePort';
import { readLines } from './lineReader';
import { monotonicMicros } from './profileSummary';
import { coreBusySeconds, cpuSeconds, peakRssMiB, runQueueWaitNs } from './procStats';
import { pinned, probeFlags, startServer } from './serverProcess';
import type { RunningServer } from './serverProcess';
import { StepOutcome, judge, stepProblems } from './stepResult';
import type { StepResult } from './stepResult';
import { CLIENT_FAMILY, type PreparedTarget } from './targets';

export const SERVER_CORE = 0;
export const LOAD_CORE = 1;

export interface StepSettings {
  readonly writers: ClientKind;
  readonly observers: ClientKind;
  readonly timing: Timing;
  readonly attempt: number;
  /** Write a CPU profile of the server process into this folder. */
  readonly profileDir: string | null;
  /** Preload the loop/GC probe into server and load process, writing into this folder. */
  readonly probeDir: string | null;
  /** The load process's `--max-semi-space-size` in MiB; null: node's default. */
  readonly loadSemiSpaceMiB: number | null;
  /** Run server and load at this niceness (negative: ahead of other work on the cores). */
  readonly niceness: number | null;
  /**
   * The latest write slots (scheduler lag p99, ms) under which another run of this step, with
   * the same clients, held; null when none has.
   */
  readonly heldLagP99Ms: number | null;
}

export interface Timing {
  readonly warmupMs: number;
  readonly windowMs: number;
  readonly cooldownMs: number;
  readonly drainMs: number;
}

interface LoadRun {
  result: LoadResult | null;
  error: string | null;
  serverCpuPercent: number | null;
  serverWaitPercent: number | null;
  serverCoreOtherPercent: number | null;
  /** CLOCK_MONOTONIC µs of the window events, to cut a CPU profile to the window. */
  windowUs: [number, number] | null;
}

function runLoad(root: string, config: LoadConfig, server: RunningServer, settings: StepSettings): Promise<LoadRun> {
  const { niceness, probeDir, loadSemiSpaceMiB } = settings;
  const probe = probeFlags(probeDir, 'load');
  // A larger young generation: the load allocates many short-lived buffers, and scavenges
  // were its largest single cost (8 MiB or node's default: 3–8× the GC time). GC on the main
  // thread only: the load has one core, and V8's helper threads there only took turns with it
  // (its run-queue wait fell from 2–4 % to 1 %). The servers run with node's defaults.
  const [program, args] = pinned(LOAD_CORE, niceness, [
    process.execPath,
    ...(loadSemiSpaceMiB === null ? [] : [`--max-semi-space-size=${loadSemiSpaceMiB}`]),
    '--single-threaded-gc',
    ...probe.flags,
    '--import',
    'tsx',
    'test/bench/relay/load.ts',
    JSON.stringify(config),
  ]);
  const child = spawn(program, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...probe.env } });
  const run: LoadRun = { result: null, error: null, serverCpuPercent: null, serverWaitPercent: null, serverCoreOtherPercent: null, windowUs: null };
  let windowStartUs = 0;
  let windowCpu = 0;
  let windowWait = 0;
  let windowCoreBusy = 0;
  let windowWall = 0;
  const limitMs = config.connectTimeoutMs * 2 + config.warmupMs + config.windowMs + config.cooldownMs + config.drainMs + 60_000;
  return new Promise((resolve) => {
    const stdoutTail = readLines(child.stdout, (line) => {
      let event: LoadEvent;
      try {
        event = JSON.parse(line) as LoadEvent;
      } catch {
        return;
      }
      try {
        if (event.event === 'window-start') {
          windowCpu = cpuSeconds(server.pid);
          windowWait = runQueueWaitNs(server.pid);
          windowCoreBusy = coreBusySeconds(SERVER_CORE);
          windowWall = performance.now();
          windowStartUs = monotonicMicros();
        } else if (event.event === 'window-end') {
          const seconds = (performance.now() - windowWall) / 1000;
          const serverCpu = cpuSeconds(server.pid) - windowCpu;
          run.serverCpuPercent = (serverCpu / seconds) * 100;
          // Clock ticks of the core and of the process are counted apart: a tick or two of skew.
          run.serverCoreOtherPercent = Math.max(0, ((coreBusySeconds(SERVER_CORE) - windowCoreBusy - serverCpu) / seconds) * 100);
          run.serverWaitPercent = ((runQueueWaitNs(server.pid) - windowWait) / 1e9 / seconds) * 100;
          run.windowUs = [windowStartUs, monotonicMicros()];
        } else if (event.event === 'result') {
          run.result = event;
        } else if (event.event === 'error') {
          run.error = event.message;
        }
      } catch (error) {
        run.error = `server process gone during the window: ${error instanceof Error ? error.message : String(error)}`;
      }
    });
    const stderrTail = readLines(child.stderr, () => undefined);
    const timer = setTimeout(() => {
      run.error ??= `load process still running after ${limitMs} ms`;
      child.kill('SIGKILL');
    }, limitMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (run.result === null && run.error === null) {
        run.error = `load process exited (${code ?? signal}) without a result:\n${[...stdoutTail(), ...stderrTail()].join('\n')}`;
      }
      resolve(run);
    });
  });
}

export async function runStep(
  root: string,
  target: PreparedTarget,
  rooms: number,
  settings: StepSettings,
): Promise<StepResult> {
  const { writers, observers, timing, attempt } = settings;
  const port = await freePort();
  let server: RunningServer;
  try {
    server = await startServer(target.command(port), SERVER_CORE, settings);
  } catch (error) {
    return failed(target, rooms, error);
  }
  try {
    const config: LoadConfig = {
      family: CLIENT_FAMILY[target.id],
      url: target.url(port),
      roomPrefix: target.roomPrefix(rooms, attempt),
      rooms,
      tokens: target.tokens === null ? null : [...target.tokens],
      storedAcks: target.storedAcks,
      writers,
      observers,
      hz: 20,
      ...timing,
      connectConcurrency: 300,
      connectTimeoutMs: 60_000,
    };
    const run = await runLoad(root, config, server, settings);
    const peak = server.hasExited() ? null : peakRssMiB(server.pid);
    if (run.result === null || run.error !== null) {
      const detail = server.hasExited() ? `\nserver exited:\n${server.tail().join('\n')}` : '';
      return {
        ...failed(target, rooms, new Error(`${run.error ?? 'no result'}${detail}`)),
        serverCpuPercent: run.serverCpuPercent,
        serverWaitPercent: run.serverWaitPercent,
        serverCoreOtherPercent: run.serverCoreOtherPercent,
        peakRssMiB: peak,
        load: run.result,
        windowUs: run.windowUs,
      };
    }
    const problems = stepProblems(run.result, run.serverWaitPercent, run.serverCoreOtherPercent, settings.heldLagP99Ms);
    return {
      target: target.id,
      rooms,
      outcome: judge(run.result, problems, run.serverCpuPercent),
      load: run.result,
      serverCpuPercent: run.serverCpuPercent,
      serverWaitPercent: run.serverWaitPercent,
      serverCoreOtherPercent: run.serverCoreOtherPercent,
      peakRssMiB: peak,
      loadProblems: [...problems.noise, ...problems.load, ...problems.notes],
      error: null,
      earlierAttempts: [],
      windowUs: run.windowUs,
    };
  } finally {
    await server.stop();
  }
}

function failed(target: PreparedTarget, rooms: number, error: unknown): StepResult {
  return {
    target: target.id,
    rooms,
    outcome: StepOutcome.error,
    load: null,
    serverCpuPercent: null,
    serverWaitPercent: null,
    peakRssMiB: null,
    loadProblems: [],
    error: error instanceof Error ? error.message : String(error),
    earlierAttempts: [],
    windowUs: null,
  };
}
