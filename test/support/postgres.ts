/**
 * A real PostgreSQL server for tests: a fresh cluster in a temporary folder, on a free loopback
 * port, with the server's default durability (fsync on, synchronous_commit on). Postgres refuses
 * to run as root, so as root the cluster belongs to the `postgres` user (Debian's package makes
 * it) and its commands run through `runuser`. Nothing is skipped: if the server cannot start, the
 * error says why (initdb's or the server's own log).
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:port/postgres */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** A fresh, empty database on this server; its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server at once (`-m immediate`: like a crash); `resume` starts it again on the same port. */
  halt(): Promise<void>;
  resume(): Promise<void>;
  /** Stops the server (fast shutdown) and removes its folder. */
  stop(): Promise<void>;
}

/** Where the server binaries are: `pg_config --bindir`, else Debian's /usr/lib/postgresql/<newest>/bin, else PATH. */
async function binDir(): Promise<string> {
  try {
    const dir = (await run('pg_config', ['--bindir'])).stdout.trim();
    if (existsSync(join(dir, 'pg_ctl'))) return dir;
  } catch {
    // no pg_config: look on PATH
  }
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian) ? readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((x, y) => Number(y) - Number(x)) : [];
  for (const dir of [...versions.map((v) => join(debian, v, 'bin')), '/usr/local/bin', '/usr/bin']) if (existsSync(join(dir, 'pg_ctl'))) return dir;
  throw new Error('PostgreSQL server binaries not found (pg_config --bindir, /usr/lib/postgresql/*/bin, /usr/local/bin, /usr/bin); install the Debian package postgresql (.ci/run does)');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let databases = 0;

export async function startPostgres(): Promise<PostgresServer> {
  const bin = await binDir();
  const asRoot = userInfo().uid === 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'lianxin-pg-'));
  const cluster = join(dataDir, 'cluster');
  const logFile = join(dataDir, 'server.log');
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']).catch(() => {
      throw new Error('Postgres refuses to run as root and there is no `postgres` user to run it as (the Debian package postgresql creates it)');
    });
    const uid = Number(stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    chownSync(dataDir, uid, gid);
  }
  // The socket folder is the temp folder too: nothing is left in /var/run.
  chmodSync(dataDir, 0o700);
  const as = (command: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args]) : run(join(bin, command), args));
  const port = await freePort();
  const serverLog = (): string => (existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '(no server log)');
  const start = async (): Promise<void> => {
    try {
      await as('pg_ctl', ['-D', cluster, '-l', logFile, '-w', '-t', '60', '-o', `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1`, 'start']);
    } catch (error) {
      throw new Error(`Postgres did not start on port ${port}: ${(error as Error).message}\n${serverLog()}`);
    }
  };
  const removeFolder = (): void => rmSync(dataDir, { recursive: true, force: true });
  try {
    // --no-sync makes only initdb itself faster; the server runs with fsync on (its default).
    await as('initdb', ['-D', cluster, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  } catch (error) {
    removeFolder();
    throw new Error(`initdb failed: ${(error as Error).message}`);
  }
  try {
    await start();
  } catch (error) {
    removeFolder();
    throw error;
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    dataDir,
    async createDatabase() {
      const name = `t${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async halt() {
      await as('pg_ctl', ['-D', cluster, '-m', 'immediate', '-w', 'stop']);
    },
    resume: start,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await as('pg_ctl', ['-D', cluster, '-m', 'fast', '-w', 'stop']);
      } finally {
        removeFolder();
      }
    },
  };
}
