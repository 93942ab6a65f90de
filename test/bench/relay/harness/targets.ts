// The three servers under test and how the load reaches each: the Lianxin relay (SQLite on
// disk, durable), the y-websocket 1.5 reference server and Hocuspocus (both in memory).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClientFamily } from '../load/loadConfig';
import type { ServerCommand } from './serverProcess';

/** `relay` runs as configured by default (`stored` after fsync); `relay-process` with LIANXIN_DURABILITY=process. */
export const TargetId = { relay: 'relay', relayProcess: 'relay-process', yWebsocket: 'y-websocket', hocuspocus: 'hocuspocus' } as const;
export type TargetId = (typeof TargetId)[keyof typeof TargetId];

/** The client library (and wire protocol) the load uses for each server. */
export const CLIENT_FAMILY: Readonly<Record<TargetId, ClientFamily>> = { relay: 'y-websocket', 'relay-process': 'y-websocket', 'y-websocket': 'y-websocket', hocuspocus: 'hocuspocus' };

export interface PreparedTarget {
  readonly id: TargetId;
  command(port: number): ServerCommand;
  url(port: number): string;
  /** Room names for a step's attempt; the relay's must be `<community>/minutes/<id>`. */
  roomPrefix(rooms: number, attempt: number): string;
  readonly tokens: readonly [string, string, string] | null;
  readonly storedAcks: boolean;
  cleanup(): void;
}

const HOST = '127.0.0.1';
const COMMUNITY = 'bench';

/** Runs the relay's command line and returns its JSON answer (the last JSON line on stdout). */
function relayCli(root: string, args: readonly string[]): Record<string, unknown> {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'relay/src/cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = stdout.trim().split('\n').reverse();
  for (const line of lines) {
    try {
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed === 'object' && parsed !== null) return parsed as Record<string, unknown>;
    } catch {
      // a log line, not the answer
    }
  }
  throw new Error(`relay ${args.slice(0, 2).join(' ')} printed no JSON: ${stdout}`);
}

function tokenOf(answer: Record<string, unknown>): string {
  const token = answer.token;
  if (typeof token !== 'string' || token.length === 0) throw new Error(`relay answer has no token: ${JSON.stringify(Object.keys(answer))}`);
  return token;
}

/**
 * The Node flags of the root `relay` script (what `npm run relay -- serve` and `npm start` use),
 * so the benchmark measures the relay as it is launched, not as a bare `node` would run it.
 */
export function relayNodeFlags(root: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const script = pkg.scripts?.relay;
  if (!script) throw new Error('package.json has no "relay" script');
  // `… && LIANXIN_EXIT_WITH_PARENT=1 exec node [flags] relay/dist/cli.js`: the flags between
  // `node` and the script (or tsx's `--import`).
  const words = script.split(/\s+/);
  const at = words.indexOf('node');
  if (at < 0) throw new Error(`the "relay" script runs no node: ${script}`);
  const flags: string[] = [];
  for (const word of words.slice(at + 1)) {
    if (word === '--import' || !word.startsWith('--')) break;
    flags.push(word);
  }
  return flags;
}

/** Token setup happens here, before any step, so it is never part of a measurement. */
function prepareRelay(root: string, id: TargetId, env: Readonly<Record<string, string>>): PreparedTarget {
  const data = mkdtempSync(join(tmpdir(), 'lianxin-bench-relay-'));
  try {
    tokenOf(relayCli(root, ['community', 'create', COMMUNITY, '--name', 'Bench', '--data', data]));
    const token = (name: string): string =>
      tokenOf(relayCli(root, ['token', COMMUNITY, '--role', 'committee', '--name', name, '--data', data]));
    const tokens = [token('writer'), token('observer-a'), token('observer-b')] as const;
    return {
      id,
      command: (port) => ({
        script: 'relay/src/cli.ts',
        nodeFlags: relayNodeFlags(root),
        args: ['serve', '--port', String(port), '--host', HOST, '--data', data],
        cwd: root,
        // The load comes from one address with three tokens for hundreds of sockets: lift the
        // relay's per-address and per-token connection limits (issue 19), which real devices never
        // meet this way.
        env: { LIANXIN_MAX_SOCKETS_PER_TOKEN: '1000000', LIANXIN_MAX_CONNECTIONS_PER_ADDRESS: '1000000', ...env },
      }),
      url: (port) => `ws://${HOST}:${port}/sync`,
      roomPrefix: (rooms, attempt) => `${COMMUNITY}/minutes/r${rooms}a${attempt}-`,
      tokens,
      storedAcks: true,
      cleanup: () => rmSync(data, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(data, { recursive: true, force: true });
    throw error;
  }
}

/** `relayEnv`: extra environment for both relay targets (e.g. LIANXIN_ACK_MS=0). */
export function prepareTarget(id: TargetId, root: string, relayEnv: Readonly<Record<string, string>> = {}): PreparedTarget {
  const here = 'test/bench/relay/servers';
  switch (id) {
    case TargetId.relay:
      return prepareRelay(root, id, relayEnv);
    case TargetId.relayProcess:
      return prepareRelay(root, id, { ...relayEnv, LIANXIN_DURABILITY: 'process' });
    case TargetId.yWebsocket:
      return {
        id,
        command: (port) => ({ script: `${here}/ywsReference.ts`, args: ['--port', String(port), '--host', HOST], cwd: root }),
        url: (port) => `ws://${HOST}:${port}`,
        roomPrefix: (rooms, attempt) => `${COMMUNITY}/minutes/r${rooms}a${attempt}-`,
        tokens: null,
        storedAcks: false,
        cleanup: () => undefined,
      };
    case TargetId.hocuspocus:
      return {
        id,
        command: (port) => ({ script: `${here}/hocuspocus.ts`, args: ['--port', String(port), '--host', HOST], cwd: root }),
        url: (port) => `ws://${HOST}:${port}`,
        roomPrefix: (rooms, attempt) => `${COMMUNITY}/minutes/r${rooms}a${attempt}-`,
        tokens: null,
        storedAcks: false,
        cleanup: () => undefined,
      };
  }
}
