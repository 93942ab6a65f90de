import pg from 'pg';
import type { Store } from '../Store';
import { WriteHealth, type StoreWriteState } from '../writeHealth';
import { createPgDirectory } from './pgDirectory';
import { createPgDocumentLog, type PgContext } from './pgDocumentLog';
import { explain, isConnectionError } from './pgErrors';
import { migratePg } from './pgSchema';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  readonly url: string;
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
  /** Told when the store stops or starts being able to write (a lost database and back). */
  readonly onWriteState?: (state: StoreWriteState) => void;
  /** While the store cannot write, probe this often whether it can again (default 1000 ms). */
  readonly probeMs?: number;
  /** Where errors of idle pooled connections are reported (the pool replaces them). */
  readonly onPoolError?: (message: string) => void;
  /** How long a query waits for a connection before it fails (default 5000 ms). */
  readonly connectMs?: number;
}

/** int8 (bigint) as a number: seqs, times in ms and counts stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format ?? 'text'))) as typeof pg.types.getTypeParser,
};

/**
 * A write the database refused for a reason that stops every write (lost connection, full disk,
 * a read-only server), as opposed to one about the data (a duplicate key: the caller's mistake).
 */
function stopsWrites(error: unknown): boolean {
  if (isConnectionError(error)) return true;
  const code = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : '';
  return code.startsWith('53') || code.startsWith('58') || code === '25006' || code.startsWith('XX');
}

/**
 * The document log and directory of a service of many relay processes, on one Postgres database.
 * The pool reconnects by itself: a query after a lost connection opens a new one. While writes
 * fail, `writeState()` says why (the relay refuses updates, /healthz reports it) and a probe
 * writes one row every `probeMs` until one succeeds.
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectMs ?? 5000,
    idleTimeoutMillis: 30_000,
    types,
  });
  // An idle connection that dies (a restarted server) must not crash the process.
  pool.on('error', (error) => (options.onPoolError ?? ((m) => console.error(`postgres pool: ${m}`)))(error.message));
  try {
    await migratePg(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = explain(error);
    throw reason instanceof Error ? reason : new Error(String(reason));
  }

  const health = new WriteHealth(options.onWriteState);
  let closed = false;
  const open = (): void => {
    if (closed) throw new Error('store is closed');
  };
  const ctx: PgContext = {
    pool,
    async read(run) {
      open();
      try {
        return await run();
      } catch (error) {
        throw explain(error);
      }
    },
    async write(run) {
      open();
      try {
        const result = await run();
        health.succeeded();
        return result;
      } catch (error) {
        if (stopsWrites(error)) health.failed(explain(error));
        throw explain(error);
      }
    },
    writeState: () => health.state,
  };
  const log = createPgDocumentLog(ctx);
  const directory = createPgDirectory(ctx);

  let probing = false;
  const probe = setInterval(() => {
    if (health.state.writable || probing || closed) return;
    probing = true;
    pool
      .query('INSERT INTO write_probe (id, at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET at = excluded.at', [Date.now()])
      .then(
        () => health.succeeded(),
        () => undefined,
      )
      .finally(() => {
        probing = false;
      });
  }, options.probeMs ?? 1000);
  probe.unref();

  return {
    ...directory,
    ...log,
    kind: 'postgres',
    async ping() {
      if (closed) return false;
      try {
        await pool.query('SELECT 1');
        return true;
      } catch (error) {
        throw explain(error);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(probe);
      await log.idle();
      await pool.end();
    },
  };
}
