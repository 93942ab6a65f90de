import type Database from 'better-sqlite3';

/**
 * The SQLite schema and its migrations. Version 2 keys document rows by an integer id (no string
 * per row on the hot write path) and assigns update seqs itself. Version 3 drops the per-document
 * index of the update log: each index entry dirtied one more page per commit (about half of a
 * durable write's cost); loads scan the log instead, which the relay keeps short (`LogTail`).
 * Version 4 adds `wal_restarts`, the row the checkpoint worker writes so that it, not the event
 * loop, restarts the WAL (see checkpointer.ts). Version 5 adds regions (townships and counties)
 * and a community's township. Version 6 adds first-run setup codes (they lived in a process's memory).
 */
export const SCHEMA_VERSION = 6;

/** One row, rewritten by the checkpoint worker after each complete checkpoint. */
const WAL_RESTARTS = `
CREATE TABLE IF NOT EXISTS wal_restarts (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  at INTEGER NOT NULL
);
`;

const PEOPLE_AND_ACCESS = `
CREATE TABLE IF NOT EXISTS communities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  township TEXT
);
CREATE INDEX IF NOT EXISTS communities_by_township ON communities (township);
CREATE TABLE IF NOT EXISTS regions (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  parent TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS regions_by_parent ON regions (parent);
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  community TEXT NOT NULL,
  person TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS tokens_by_community ON tokens (community, created_at);
CREATE TABLE IF NOT EXISTS revocations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  token_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS invites (
  code_hash TEXT PRIMARY KEY,
  community TEXT NOT NULL,
  role TEXT NOT NULL,
  name TEXT,
  person TEXT,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE TABLE IF NOT EXISTS setup_codes (
  code_hash TEXT PRIMARY KEY,
  issued_at INTEGER NOT NULL
);
`;

const DOCUMENTS = `
CREATE TABLE docs (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE doc_snapshots (
  doc INTEGER PRIMARY KEY,
  state BLOB NOT NULL,
  through_seq INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- seq is assigned by the relay (one writer per data folder, see relay.lock), increasing forever.
CREATE TABLE doc_updates (
  seq INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,
  data BLOB NOT NULL,
  author TEXT NOT NULL,
  time INTEGER NOT NULL
);
`;

/** Version 1 stored the document name in every row. */
const FROM_V1 = `
ALTER TABLE doc_snapshots RENAME TO doc_snapshots_v1;
ALTER TABLE doc_updates RENAME TO doc_updates_v1;
DROP INDEX IF EXISTS doc_updates_by_doc;
${DOCUMENTS}
INSERT INTO docs (name) SELECT doc FROM doc_snapshots_v1 UNION SELECT doc FROM doc_updates_v1;
INSERT INTO doc_snapshots (doc, state, through_seq, updated_at)
  SELECT d.id, s.state, s.through_seq, s.updated_at FROM doc_snapshots_v1 s JOIN docs d ON d.name = s.doc;
INSERT INTO doc_updates (seq, doc, data, author, time)
  SELECT u.seq, d.id, u.data, u.author, u.time FROM doc_updates_v1 u JOIN docs d ON d.name = u.doc;
DROP TABLE doc_snapshots_v1;
DROP TABLE doc_updates_v1;
`;

/** Creates or upgrades the schema; refuses a database from a newer relay. */
export function migrate(db: Database.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) throw new Error(`${file} was written by a newer relay (schema ${version}); upgrade the relay`);
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    // A community table from before version 5 lacks its township (CREATE … IF NOT EXISTS keeps it).
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('communities')").all();
    if (columns.length > 0 && !columns.some((c) => c.name === 'township')) db.exec('ALTER TABLE communities ADD COLUMN township TEXT');
    db.exec(PEOPLE_AND_ACCESS);
    if (version === 0) db.exec(DOCUMENTS);
    if (version === 1) db.exec(FROM_V1);
    if (version === 2) db.exec('DROP INDEX IF EXISTS doc_updates_by_doc');
    db.exec(WAL_RESTARTS);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
