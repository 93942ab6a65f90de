import type pg from 'pg';

/**
 * The Postgres schema. Documents carry their own seq counter (`docs.last_seq`): appends to one
 * document from any process number its updates 1, 2, 3 … without gaps, so a process that sees a
 * gap in a document's broadcasts knows it missed something. The update log has a (doc, seq) key:
 * compaction deletes one document's folded rows, nothing is shared between documents.
 */
export const PG_SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS lianxin_schema (version integer NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  last_seq bigint NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  doc bigint PRIMARY KEY REFERENCES docs (id),
  state bytea NOT NULL,
  through_seq bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_updates (
  doc bigint NOT NULL REFERENCES docs (id),
  seq bigint NOT NULL,
  data bytea NOT NULL,
  author text NOT NULL,
  time bigint NOT NULL,
  PRIMARY KEY (doc, seq)
);
CREATE TABLE IF NOT EXISTS communities (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL,
  created_at bigint NOT NULL,
  township text
);
CREATE INDEX IF NOT EXISTS communities_by_township ON communities (township);
CREATE TABLE IF NOT EXISTS regions (
  id text PRIMARY KEY,
  name text NOT NULL,
  level text NOT NULL,
  parent text,
  created_at bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS regions_by_parent ON regions (parent);
CREATE TABLE IF NOT EXISTS tokens (
  id text PRIMARY KEY,
  community text NOT NULL,
  person text NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  revoked_at bigint
);
CREATE INDEX IF NOT EXISTS tokens_by_community ON tokens (community, created_at);
CREATE TABLE IF NOT EXISTS revocations (
  seq bigserial PRIMARY KEY,
  token_id text NOT NULL
);
CREATE TABLE IF NOT EXISTS invites (
  code_hash text PRIMARY KEY,
  community text NOT NULL,
  role text NOT NULL,
  name text,
  person text,
  created_by text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at bigint
);
CREATE TABLE IF NOT EXISTS setup_codes (
  code_hash text PRIMARY KEY,
  issued_at bigint NOT NULL
);
-- One row the write probe rewrites while the store cannot write (postgresStore.ts).
CREATE TABLE IF NOT EXISTS write_probe (
  id integer PRIMARY KEY CHECK (id = 1),
  at bigint NOT NULL
);
`;

/** Advisory lock keys (first half): one namespace per purpose. */
export const LockSpace = { migrate: 0x4c58_0001, compact: 0x4c58_0002, directoryId: 0x4c58_0003, revocation: 0x4c58_0004 } as const;

/** Creates or checks the schema; several processes starting at once take turns (an advisory lock). */
export async function migratePg(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [LockSpace.migrate]);
    await client.query(SCHEMA);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM lianxin_schema');
    const version = rows[0]?.version ?? 0;
    if (version > PG_SCHEMA_VERSION) throw new Error(`the database was written by a newer relay (schema ${version}); upgrade the relay`);
    if (rows.length === 0) await client.query('INSERT INTO lianxin_schema (version) VALUES ($1)', [PG_SCHEMA_VERSION]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
