// A server under test as its own process, pinned to one core with taskset. taskset (and nice)
// exec node in place, so the child's pid is the server's pid, which /proc is read for.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readLines } from './lineReader';

export interface ServerCommand {
  /** The TS/JS entry point, run with `node --import tsx`. */
  readonly script: string;
  /** Node flags for the server process (the relay runs with the flags `npm start` gives it). */
  readonly nodeFlags?: readonly string[];
  readonly args: readonly string[];
  readonly cwd: string;
  /** Extra environment (e.g. the relay's LIANXIN_DURABILITY). */
  readonly env?: Readonly<Record<string, string>>;
}

export interface RunningServer {
  readonly pid: number;
  /** The server's own "listening" line, parsed. */
  readonly listening: Record<string, unknown>;
  /** Last lines of its stdout and stderr, for error messages. */
  tail(): string[];
  hasExited(): boolean;
  stop(): Promise<void>;
}

function parseListening(line: string): Record<string, unknown> | null {
  if (!line.includes('listening')) return null;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed !== null && (parsed as { msg?: unknown }).msg === 'listening') {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // not a JSON log line
  }
  return null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** `nice -n N taskset -c core …`, or just taskset when no niceness is asked for. */
export function pinned(core: number, niceness: number | null, command: readonly string[]): [string, string[]] {
  const taskset = ['taskset', '-c', String(core), ...command];
  return niceness === null ? ['taskset', taskset.slice(1)] : ['nice', ['-n', String(niceness), ...taskset]];
}

/** The loop/GC probe (harness/loopProbe.mjs) as node flags and environment, when asked for. */
export function probeFlags(probeDir: string | null, role: 'server' | 'load'): { flags: string[]; env: Record<string, string> } {
  if (probeDir === null) return { flags: [], env: {} };
  return {
    flags: ['--import', pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'loopProbe.mjs')).href],
    env: { LIANXIN_BENCH_PROBE: probeDir, LIANXIN_BENCH_PROBE_ROLE: role },
  };
}

/**
 * `profileDir`: write a V8 CPU profile of the server there when it exits (`--cpu-prof`);
 * `probeDir`: preload the loop/GC probe.
 */
export function startServer(
  command: ServerCommand,
  core: number,
  options: { readonly profileDir: string | null; readonly probeDir: string | null; readonly niceness: number | null },
  startTimeoutMs = 30_000,
): Promise<RunningServer> {
  const profile = options.profileDir === null ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`];
  const probe = probeFlags(options.probeDir, 'server');
  const [program, args] = pinned(core, options.niceness, [process.execPath, ...(command.nodeFlags ?? []), ...profile, ...probe.flags, '--import', 'tsx', command.script, ...command.args]);
  const child = spawn(program, args, {
    cwd: command.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', ...command.env, ...probe.env },
  });
  const pid = child.pid;
  return new Promise((resolve, reject) => {
    let settled = false;
    const tail = (): string[] => [...stdoutTail(), ...stderrTail()].slice(-40);
    const fail = (message: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${message}\n${tail().join('\n')}`));
    };
    const onLine = (line: string): void => {
      const listening = parseListening(line);
      if (listening === null || settled || pid === undefined) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        pid,
        listening,
        tail,
        hasExited: () => child.exitCode !== null || child.signalCode !== null,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          if (!(await waitForExit(child, 10_000))) {
            child.kill('SIGKILL');
            await waitForExit(child, 5_000);
          }
        },
      });
    };
    const stdoutTail = child.stdout ? readLines(child.stdout, onLine) : (): string[] => [];
    const stderrTail = child.stderr ? readLines(child.stderr, onLine) : (): string[] => [];
    const timer = setTimeout(() => fail(`${command.script} did not print a "listening" line within ${startTimeoutMs} ms`), startTimeoutMs);
    child.once('error', (error) => fail(`could not start ${command.script}: ${error.message}`));
    child.once('exit', (code, signal) => fail(`${command.script} exited before listening (${code ?? signal})`));
  });
}
