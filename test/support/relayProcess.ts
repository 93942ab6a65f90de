/**
 * Starts real relay processes for tests (`node relay/dist/cli.js serve …`: the built relay that
 * production runs, built once per test run by vitest's global setup, test/support/buildRelayOnce.ts;
 * no wrapper process, so signals reach the relay itself) and runs the relay's command line. Every
 * relay started here is killed, and every temp data folder removed, when the test process exits;
 * a relay also stops by itself when its stdin closes (LIANXIN_EXIT_WITH_STDIN), so it cannot
 * outlive a crashed test runner.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
/** The built relay (relay/scripts/buildRelay.mjs). */
export const CLI = join(REPO_ROOT, 'relay/dist/cli.js');

export interface StartRelayOptions {
  /** Use this data folder (kept); default: a fresh temp folder removed at exit. */
  readonly dataDir?: string;
  readonly env?: Record<string, string>;
  /** Extra `serve` arguments. */
  readonly args?: readonly string[];
  /** `--store`: a postgres:// URL (default: the data folder's SQLite file). */
  readonly store?: string;
  /** Port to listen on; default 0 (a free one). */
  readonly port?: number;
  /** What node runs instead of the built relay, e.g. `['--import', 'tsx', 'relay/src/cli.ts']` (benchmarks). */
  readonly entry?: readonly string[];
}

export interface RelayProcess {
  /** http://127.0.0.1:port */
  readonly url: string;
  /** ws://127.0.0.1:port/sync, for `new WebsocketProvider(wsUrl, '<community>/<doc>', …)` */
  readonly wsUrl: string;
  readonly port: number;
  readonly dataDir: string;
  readonly pid: number;
  /** stdout lines so far (pino JSON) */
  logs(): string[];
  /** stderr so far */
  stderr(): string;
  /** stdout lines parsed as JSON (lines that are not JSON are skipped) */
  logRecords(): Record<string, unknown>[];
  /** Resolves with the first log record (past or future) matching `predicate`. */
  waitForLog(predicate: (record: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** The one-time setup code printed on stderr, if this start printed one (so far). */
  setupCode(): string | null;
  /** Waits for the setup link on stderr; rejects if none appears in time. */
  waitForSetupCode(timeoutMs?: number): Promise<string>;
  /** SIGTERM, then wait for exit; resolves with the exit code (null if killed by a signal). */
  stop(): Promise<number | null>;
  /** SIGKILL, then wait for exit. */
  kill(): Promise<void>;
  /** Starts a new relay on the same data folder (and port, if it is free). */
  restart(): Promise<RelayProcess>;
  readonly exited: boolean;
}

/** The /metrics bearer token of relays started here (LIANXIN_METRICS_TOKEN). */
export const METRICS_TOKEN = 'test-metrics-token-0123456789';

/** GET /metrics with the test relays' bearer token. */
export async function fetchMetrics(url: string): Promise<string> {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  if (res.status !== 200) throw new Error(`GET /metrics answered ${res.status}`);
  return res.text();
}

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of children) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
}

/** A fresh temp folder, removed when the test process exits. */
export function tempDataDir(prefix = 'lianxin-relay-'): string {
  installExitHook();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

function waitExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export async function startRelay(opts: StartRelayOptions = {}): Promise<RelayProcess> {
  installExitHook();
  const dataDir = opts.dataDir ?? tempDataDir();
  const args = [...(opts.entry ?? [CLI]), 'serve', '--port', String(opts.port ?? 0), '--host', '127.0.0.1', '--data', dataDir, ...(opts.store ? ['--store', opts.store] : []), ...(opts.args ?? [])];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, LIANXIN_EXIT_WITH_STDIN: '1', LIANXIN_LOG_LEVEL: 'debug', LIANXIN_METRICS_TOKEN: METRICS_TOKEN, ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));

  const lines: string[] = [];
  const records: Record<string, unknown>[] = [];
  const waiters: { predicate: (r: Record<string, unknown>) => boolean; resolve: (r: Record<string, unknown>) => void }[] = [];
  let errText = '';
  let partial = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    partial += chunk;
    let nl: number;
    while ((nl = partial.indexOf('\n')) >= 0) {
      const line = partial.slice(0, nl);
      partial = partial.slice(nl + 1);
      if (line.trim() === '') continue;
      lines.push(line);
      try {
        const record = JSON.parse(line) as Record<string, unknown>;
        records.push(record);
        for (const w of [...waiters]) {
          if (w.predicate(record)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(record);
          }
        }
      } catch {
        // not JSON: kept in lines only
      }
    }
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    errText += chunk;
  });

  const waitForLog = (predicate: (r: Record<string, unknown>) => boolean, timeoutMs = 10_000): Promise<Record<string, unknown>> => {
    const found = records.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        resolve: (r: Record<string, unknown>) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new Error(`no matching relay log within ${timeoutMs} ms; stderr:\n${errText}\nlast logs:\n${lines.slice(-20).join('\n')}`));
      }, timeoutMs);
      waiters.push(waiter);
    });
  };

  const listening = await Promise.race([
    waitForLog((r) => r.msg === 'listening', 30_000),
    new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) => reject(new Error(`relay exited (${code ?? signal}) before listening; stderr:\n${errText}`))),
    ),
  ]);
  const url = String(listening.url);
  const port = Number(listening.port);

  const relay: RelayProcess = {
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/sync`,
    port,
    dataDir,
    pid: child.pid as number,
    logs: () => [...lines],
    stderr: () => errText,
    logRecords: () => [...records],
    waitForLog,
    setupCode: () => /\/setup#code=([A-Za-z0-9_-]+)/.exec(errText)?.[1] ?? null,
    async waitForSetupCode(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const code = relay.setupCode();
        if (code) return code;
        if (Date.now() > deadline) throw new Error(`no setup link on stderr:\n${errText}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      const exit = waitExit(child);
      child.kill('SIGTERM');
      return exit;
    },
    async kill() {
      const exit = waitExit(child);
      child.kill('SIGKILL');
      await exit;
    },
    async restart() {
      if (child.exitCode === null && child.signalCode === null) await relay.stop();
      try {
        return await startRelay({ ...opts, dataDir, port });
      } catch (error) {
        // Someone took the port meanwhile: any free one will do.
        if (!String(error).includes('EADDRINUSE')) throw error;
        return startRelay({ ...opts, dataDir, port: 0 });
      }
    },
    get exited() {
      return child.exitCode !== null || child.signalCode !== null;
    },
  };
  return relay;
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built relay's command line (`relay/dist/cli.js <args>`) to completion. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function cliJson<T>(args: readonly string[]): Promise<T> {
  const result = await runCli(args);
  if (result.code !== 0) throw new Error(`relay ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  const last = result.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as T;
}

export type TokenRoleName = 'secretary' | 'committee' | 'member' | 'township' | 'county';

/** `community create <id> --name <name> --kind <kind>`: the community and a secretary token. */
export function createCommunity(dataDir: string, id: string, name: string, kind: 'urban' | 'village' = 'urban', township?: string): Promise<{ community: string; token: string; tokenId: string }> {
  return cliJson(['community', 'create', id, '--name', name, '--kind', kind, ...(township ? ['--township', township] : []), '--data', dataDir]);
}

/** `region create <id> --name <name> --level <level> [--county <id>]`: the region and its first staff token. */
export function createRegion(dataDir: string, id: string, name: string, level: 'county' | 'township', county?: string): Promise<{ region: string; token: string; tokenId: string }> {
  return cliJson(['region', 'create', id, '--name', name, '--level', level, ...(county ? ['--county', county] : []), '--data', dataDir]);
}

/** `community township <id> <township>|none` */
export function setCommunityTownship(dataDir: string, id: string, township: string | null): Promise<{ community: string; township: string | null }> {
  return cliJson(['community', 'township', id, township ?? 'none', '--data', dataDir]);
}

/** `token <community> --role <role> --name <name> [--ttl <ttl>]` */
export function createToken(dataDir: string, community: string, role: TokenRoleName, name: string, ttl?: string): Promise<{ token: string; tokenId: string }> {
  return cliJson(['token', community, '--role', role, '--name', name, ...(ttl ? ['--ttl', ttl] : []), '--data', dataDir]);
}

/** `revoke <tokenId>` */
export function revokeToken(dataDir: string, tokenId: string): Promise<{ revoked: true; tokenId: string }> {
  return cliJson(['revoke', tokenId, '--data', dataDir]);
}
