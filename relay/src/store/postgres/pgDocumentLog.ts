import type pg from 'pg';
import type { DocumentLog, StoredDocument, StoredUpdate, UpdateToStore } from '../DocumentLog';
import type { StoreWriteState } from '../writeHealth';
import { GroupAppend } from './groupAppend';
import { LockSpace } from './pgSchema';

/** What the log shares with the directory of the same store: the pool and the write account. */
export interface PgContext {
  readonly pool: pg.Pool;
  /** Runs a read; a lost connection becomes a StoreUnavailableError. Rejects once closed. */
  read<T>(run: () => Promise<T>): Promise<T>;
  /** Runs a write and records its outcome in the store's write state. */
  write<T>(run: () => Promise<T>): Promise<T>;
  writeState(): StoreWriteState;
}

/**
 * One statement numbers and inserts a batch (one transaction, one round trip): each document's
 * counter moves by its count of updates (documents in name order, so two processes appending to
 * the same documents lock their rows in one order), and its updates take the numbers in order.
 */
const APPEND = `
WITH input AS (
  SELECT t.doc, t.data, t.author, t.time, t.ord
  FROM unnest($1::text[], $2::bytea[], $3::text[], $4::int8[]) WITH ORDINALITY AS t(doc, data, author, time, ord)
),
counts AS (SELECT doc, count(*)::int8 AS n FROM input GROUP BY doc),
bumped AS (
  INSERT INTO docs AS d (name, last_seq) SELECT doc, n FROM counts ORDER BY doc
  ON CONFLICT (name) DO UPDATE SET last_seq = d.last_seq + excluded.last_seq
  RETURNING d.id, d.name, d.last_seq
),
numbered AS (
  SELECT i.ord, b.id AS doc_id, b.last_seq - c.n + row_number() OVER (PARTITION BY i.doc ORDER BY i.ord) AS seq, i.data, i.author, i.time
  FROM input i JOIN bumped b ON b.name = i.doc JOIN counts c ON c.doc = i.doc
),
written AS (INSERT INTO doc_updates (doc, seq, data, author, time) SELECT doc_id, seq, data, author, time FROM numbered)
SELECT seq FROM numbered ORDER BY ord`;

/**
 * One statement, so one snapshot of the database: a compaction committed meanwhile cannot take
 * rows away between reading the snapshot and reading the log. The first row is the header.
 */
const LOAD_SINCE = `
WITH d AS (SELECT id, last_seq FROM docs WHERE name = $1),
s AS (SELECT s.state, s.through_seq FROM doc_snapshots s JOIN d ON s.doc = d.id)
SELECT 0 AS header, NULL::int8 AS seq, (SELECT state FROM s) AS data, NULL AS author, (SELECT through_seq FROM s) AS time, (SELECT last_seq FROM d) AS last_seq
UNION ALL
(SELECT 1, u.seq, u.data, u.author, u.time, NULL FROM doc_updates u JOIN d ON u.doc = d.id
 WHERE u.seq > greatest($2::int8, coalesce((SELECT through_seq FROM s), 0)) ORDER BY u.seq)`;

const COMPACT = `
WITH d AS (SELECT id FROM docs WHERE name = $1),
s AS (
  INSERT INTO doc_snapshots AS s (doc, state, through_seq, updated_at) SELECT id, $2, $3, $4 FROM d
  ON CONFLICT (doc) DO UPDATE SET state = excluded.state, through_seq = excluded.through_seq, updated_at = excluded.updated_at
  WHERE excluded.through_seq >= s.through_seq
  RETURNING s.doc
),
cut AS (DELETE FROM doc_updates WHERE doc IN (SELECT doc FROM s) AND seq <= $3)
SELECT count(*)::int4 AS written FROM s`;

interface LoadRow {
  header: number;
  seq: number | null;
  data: Buffer | null;
  author: string | null;
  time: number | null;
  last_seq: number | null;
}

const asBytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

/** The document log on Postgres: an append resolves once committed (fsynced: Postgres' default). */
export function createPgDocumentLog(ctx: PgContext): Omit<DocumentLog, 'ping' | 'close'> & { idle(): Promise<void> } {
  const { pool } = ctx;
  const group = new GroupAppend(async (updates) => {
    const result = await pool.query<{ seq: number }>({
      text: APPEND,
      values: [updates.map((u) => u.doc), updates.map((u) => u.update), updates.map((u) => u.author), updates.map((u) => u.time)],
    });
    return result.rows.map((r) => r.seq);
  });

  const loadSince = async (doc: string, afterSeq: number): Promise<StoredDocument> => {
    const { rows } = await ctx.read(() => pool.query<LoadRow>(LOAD_SINCE, [doc, afterSeq]));
    const [header, ...log] = rows;
    if (!header || header.last_seq === null) return { snapshot: null, updates: [], lastSeq: 0 };
    const through = header.time ?? 0;
    const updates: StoredUpdate[] = log.map((r) => ({ seq: r.seq as number, update: asBytes(r.data as Buffer), author: r.author as string, time: r.time as number }));
    return {
      snapshot: header.data && through > afterSeq ? asBytes(header.data) : null,
      updates,
      lastSeq: Math.max(header.last_seq, through),
    };
  };

  return {
    kind: 'postgres',
    loadDocument: (doc) => loadSince(doc, 0),
    loadSince,
    async appendUpdates(updates: readonly UpdateToStore[]) {
      if (updates.length === 0) return [];
      return ctx.write(() => group.append(updates));
    },
    // An append resolves once its transaction committed, and a commit is on disk.
    async durable() {},
    writeState: () => ctx.writeState(),
    async compact(doc, snapshot, throughSeq) {
      return ctx.write(async () => {
        // The document row must exist for the snapshot; DO NOTHING takes no lock on an existing one.
        await pool.query('INSERT INTO docs (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [doc]);
        const client = await pool.connect();
        let release: boolean | Error = false;
        try {
          await client.query('BEGIN');
          // One compaction of a document at a time, whichever processes hold it: the others skip.
          const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS got', [LockSpace.compact, doc]);
          if (!rows[0]?.got) {
            await client.query('ROLLBACK');
            return false;
          }
          await client.query(COMPACT, [doc, snapshot, throughSeq, Date.now()]);
          await client.query('COMMIT');
          return true;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          release = error instanceof Error ? error : true;
          throw error;
        } finally {
          // A client whose query failed may be broken: the pool drops it rather than reuse it.
          client.release(release);
        }
      });
    },
    // Each document's log is its own (keyed by document): nothing holds another back.
    wantsCompaction: () => false,
    idle: () => group.idle(),
  };
}
