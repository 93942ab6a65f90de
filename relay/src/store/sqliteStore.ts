import Database from 'better-sqlite3';
import { COMMUNITY_KINDS } from './Store';
import type {
  CommunityKind,
  CommunityRecord,
  InviteRecord,
  RevocationsSince,
  Store,
  StoredDocument,
  TokenRecord,
  UpdateToStore,
} from './Store';
import { StoreConflictError } from './Store';
import type { CommunityId, TokenRole } from '@lianxin/protocol';
import { isTokenRole } from '@lianxin/protocol';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import { LogTail } from './logTail';
import { migrate } from './sqliteSchema';
import { foldUnfolded } from './foldUnfolded';

/**
 * `NORMAL` (default): in WAL mode a commit is written to the WAL file before it returns, so a
 * killed process (SIGKILL, crash) loses nothing committed; a power loss may lose the last
 * commits. `FULL` also fsyncs each commit and survives power loss, at a latency cost.
 */
export type SqliteSynchronous = 'NORMAL' | 'FULL';

export interface SqliteStoreOptions {
  /** Path of the database file, or ':memory:'. */
  readonly file: string;
  readonly synchronous?: SqliteSynchronous;
  /**
   * Checkpoint the WAL from a worker thread every this many ms instead of inside commits
   * (default 1000 for a relay; 0 keeps SQLite's automatic checkpoint, as the CLI does).
   */
  readonly checkpointMs?: number;
  /** Where checkpoint failures are reported. */
  readonly onCheckpointError?: (message: string) => void;
  /**
   * This instance writes the update log (the relay; default true): it cuts folded rows off the
   * log and, on opening, folds into snapshots what an unclean stop left unfolded. The command
   * line opens the same file beside a running relay with false.
   */
  readonly ownsLog?: boolean;
  /** Where a document that could not be folded on opening is reported (it stays in the log). */
  readonly onFoldError?: (doc: string, message: string) => void;
}

/** Cut the log when at least this many folded rows lead it, at most this many per cut (~1 ms). */
const CUT_MIN_ROWS = 1000;
const CUT_MAX_ROWS = 4000;

interface CommunityRow {
  id: string;
  name: string;
  kind: string;
  created_at: number;
}
interface TokenRow {
  id: string;
  community: string;
  person: string;
  name: string;
  role: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}
interface InviteRow {
  code_hash: string;
  community: string;
  role: string;
  name: string | null;
  person: string | null;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

function toCommunity(row: CommunityRow): CommunityRecord {
  const kind = (COMMUNITY_KINDS as readonly string[]).includes(row.kind) ? (row.kind as CommunityKind) : 'urban';
  return { id: row.id as CommunityId, name: row.name, kind, createdAt: row.created_at };
}

function toRole(role: string): TokenRole {
  if (!isTokenRole(role)) throw new Error(`corrupt store: unknown role ${JSON.stringify(role)}`);
  return role;
}

function toToken(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    community: row.community as CommunityId,
    person: row.person,
    name: row.name,
    role: toRole(row.role),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

function toInvite(row: InviteRow): InviteRecord {
  return {
    codeHash: row.code_hash,
    community: row.community as CommunityId,
    role: toRole(row.role),
    name: row.name,
    person: row.person,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT');
}

/** Rows per multi-row INSERT (5 parameters each, far below SQLite's limit). */
const INSERT_CHUNK = 64;

const asBytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

/** The embedded default store: one SQLite file in WAL mode. */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  // The command line writes to the same file while the relay runs.
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  try {
    migrate(db, options.file);
  } catch (error) {
    db.close();
    throw error;
  }
  let checkpointer: Checkpointer | null = null;
  const checkpointMs = options.checkpointMs ?? 0;
  if (checkpointMs > 0 && options.file !== ':memory:') {
    db.pragma('wal_autocheckpoint = 0');
    checkpointer = startCheckpointer(options.file, checkpointMs, options.onCheckpointError ?? ((m) => console.error(`checkpoint failed: ${m}`)));
  }

  const s = {
    docId: db.prepare<[string], { id: number }>('SELECT id FROM docs WHERE name = ?'),
    insertDoc: db.prepare<[string]>('INSERT INTO docs (name) VALUES (?)'),
    maxSeq: db.prepare<[], { n: number | null }>('SELECT max(n) AS n FROM (SELECT max(seq) AS n FROM doc_updates UNION ALL SELECT max(through_seq) FROM doc_snapshots)'),
    snapshot: db.prepare<[number], { state: Buffer; through_seq: number }>('SELECT state, through_seq FROM doc_snapshots WHERE doc = ?'),
    updates: db.prepare<[number, number], { seq: number; data: Buffer; author: string; time: number }>(
      'SELECT seq, data, author, time FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq',
    ),
    upsertSnapshot: db.prepare<[number, Uint8Array, number, number]>(
      `INSERT INTO doc_snapshots (doc, state, through_seq, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (doc) DO UPDATE SET state = excluded.state, through_seq = excluded.through_seq, updated_at = excluded.updated_at
       WHERE excluded.through_seq >= doc_snapshots.through_seq`,
    ),
    cutLog: db.prepare<[number]>('DELETE FROM doc_updates WHERE seq <= ?'),
    firstSeq: db.prepare<[], { n: number | null }>('SELECT min(seq) AS n FROM doc_updates'),
    unfolded: db.prepare<[], { doc: number; first: number; last: number }>(
      `SELECT u.doc AS doc, min(u.seq) AS first, max(u.seq) AS last FROM doc_updates u
       LEFT JOIN doc_snapshots s ON s.doc = u.doc WHERE u.seq > coalesce(s.through_seq, 0) GROUP BY u.doc`,
    ),
    insertCommunity: db.prepare<[string, string, string, number]>('INSERT INTO communities (id, name, kind, created_at) VALUES (?, ?, ?, ?)'),
    community: db.prepare<[string], CommunityRow>('SELECT * FROM communities WHERE id = ?'),
    countCommunities: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM communities'),
    insertToken: db.prepare<[string, string, string, string, string, number, number, number | null]>(
      'INSERT INTO tokens (id, community, person, name, role, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    token: db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE id = ?'),
    tokens: db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE community = ? ORDER BY created_at, id'),
    revoke: db.prepare<[number, string]>('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    insertRevocation: db.prepare<[string]>('INSERT INTO revocations (token_id) VALUES (?)'),
    revocations: db.prepare<[number], { seq: number; token_id: string }>('SELECT seq, token_id FROM revocations WHERE seq > ? ORDER BY seq'),
    insertInvite: db.prepare<[string, string, string, string | null, string | null, string, number, number]>(
      'INSERT INTO invites (code_hash, community, role, name, person, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    invite: db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE code_hash = ?'),
    useInvite: db.prepare<[number, string]>('UPDATE invites SET used_at = ? WHERE code_hash = ? AND used_at IS NULL'),
    ping: db.prepare<[], { ok: number }>('SELECT 1 AS ok'),
  };

  // Document names → row ids, cached: the write path then binds two integers, not a string.
  const docIds = new Map<string, number>();
  const docId = (name: string, create: boolean): number | null => {
    const cached = docIds.get(name);
    if (cached !== undefined) return cached;
    let id = s.docId.get(name)?.id ?? null;
    if (id === null && create) id = Number(s.insertDoc.run(name).lastInsertRowid);
    if (id !== null) docIds.set(name, id);
    return id;
  };
  // Seqs only grow: compaction deletes rows but keeps the highest seq it folded as through_seq.
  let lastSeq = s.maxSeq.get()?.n ?? 0;
  const ownsLog = options.ownsLog ?? true;
  const tail = new LogTail((s.firstSeq.get()?.n ?? lastSeq + 1) - 1);
  if (ownsLog) {
    for (const row of s.unfolded.all()) {
      tail.appended(row.doc, row.first);
      tail.appended(row.doc, row.last);
    }
  }
  /** Deletes folded rows at the head of the log: all of them (opening, closing) or one bounded step. */
  const cutFolded = (all: boolean): void => {
    const through = all ? tail.nextCut(lastSeq, 1, Number.MAX_SAFE_INTEGER) : tail.nextCut(lastSeq, CUT_MIN_ROWS, CUT_MAX_ROWS);
    if (through === null) return;
    s.cutLog.run(through);
    tail.cut(through);
  };
  // One INSERT per chunk of rows rather than per row: each statement run is a native call plus
  // VM setup, a visible share of the write path at thousands of updates per second.
  const insertMany = new Map<number, Database.Statement<unknown[]>>();
  const insertRows = (rows: number): Database.Statement<unknown[]> => {
    let stmt = insertMany.get(rows);
    if (!stmt) {
      stmt = db.prepare<unknown[]>(`INSERT INTO doc_updates (seq, doc, data, author, time) VALUES ${new Array(rows).fill('(?, ?, ?, ?, ?)').join(', ')}`);
      insertMany.set(rows, stmt);
    }
    return stmt;
  };
  const append = db.transaction((updates: readonly UpdateToStore[]): number[] => {
    const first = lastSeq;
    try {
      const seqs = new Array<number>(updates.length);
      for (let start = 0; start < updates.length; start += INSERT_CHUNK) {
        const rows = Math.min(INSERT_CHUNK, updates.length - start);
        const params: unknown[] = new Array(rows * 5);
        for (let i = 0; i < rows; i++) {
          const u = updates[start + i] as UpdateToStore;
          lastSeq += 1;
          seqs[start + i] = lastSeq;
          const p = i * 5;
          params[p] = lastSeq;
          params[p + 1] = docId(u.doc, true);
          // better-sqlite3 binds any Uint8Array as a blob: no Buffer view per update.
          params[p + 2] = u.update;
          params[p + 3] = u.author;
          params[p + 4] = u.time;
        }
        insertRows(rows).run(params);
      }
      return seqs;
    } catch (error) {
      // The transaction is rolled back: so are the seqs and any docs row it created.
      lastSeq = first;
      docIds.clear();
      throw error;
    }
  });
  // Folded rows stay in the table (loads skip them: seq ≤ through_seq) until the log is cut.
  const compact = db.transaction((doc: string, snapshot: Uint8Array, throughSeq: number): number | null => {
    const id = docId(doc, true) as number;
    const written = s.upsertSnapshot.run(id, snapshot, throughSeq, Date.now());
    return written.changes > 0 ? id : null;
  });
  const revoke = db.transaction((id: string, at: number): boolean => {
    if (!s.token.get(id)) return false;
    if (s.revoke.run(at, id).changes > 0) s.insertRevocation.run(id);
    return true;
  });
  const redeem = db.transaction((codeHash: string, now: number) => {
    const row = s.invite.get(codeHash);
    if (!row) return { ok: false as const, reason: 'unknown' as const };
    if (row.used_at !== null) return { ok: false as const, reason: 'used' as const };
    if (row.expires_at <= now) return { ok: false as const, reason: 'expired' as const };
    s.useInvite.run(now, codeHash);
    return { ok: true as const, invite: toInvite({ ...row, used_at: now }) };
  });

  let closed = false;
  const insertOrConflict = (run: () => void, what: string): void => {
    try {
      run();
    } catch (error) {
      if (isUniqueViolation(error)) throw new StoreConflictError(`${what} exists`);
      throw error;
    }
  };

  if (ownsLog && tail.size > 0) {
    db.transaction(() => foldUnfolded(db, tail, options.onFoldError ?? ((doc, m) => console.error(`could not fold ${doc}: ${m}`))))();
    cutFolded(true);
  }

  return {
    kind: 'sqlite',
    async loadDocument(doc): Promise<StoredDocument> {
      const id = docId(doc, false);
      if (id === null) return { snapshot: null, updates: [], lastSeq: 0 };
      const snap = s.snapshot.get(id);
      const after = snap ? snap.through_seq : 0;
      const rows = s.updates.all(id, after);
      const last = rows.at(-1);
      return {
        snapshot: snap ? asBytes(snap.state) : null,
        updates: rows.map((r) => ({ seq: r.seq, update: asBytes(r.data), author: r.author, time: r.time })),
        lastSeq: last ? last.seq : after,
      };
    },
    async appendUpdates(updates) {
      const seqs = append(updates);
      if (ownsLog) for (let i = 0; i < seqs.length; i++) tail.appended(docIds.get((updates[i] as UpdateToStore).doc) as number, seqs[i] as number);
      return seqs;
    },
    async compact(doc, snapshot, throughSeq) {
      let id: number | null;
      try {
        id = compact(doc, snapshot, throughSeq);
      } catch (error) {
        docIds.clear();
        throw error;
      }
      if (id !== null && ownsLog) {
        tail.folded(id, throughSeq);
        cutFolded(false);
      }
    },
    async createCommunity(c) {
      insertOrConflict(() => s.insertCommunity.run(c.id, c.name, c.kind, c.createdAt), `community ${c.id}`);
    },
    async getCommunity(id) {
      const row = s.community.get(id);
      return row ? toCommunity(row) : null;
    },
    async countCommunities() {
      return s.countCommunities.get()?.n ?? 0;
    },
    async recordToken(t: TokenRecord) {
      insertOrConflict(() => s.insertToken.run(t.id, t.community, t.person, t.name, t.role, t.createdAt, t.expiresAt, t.revokedAt), `token ${t.id}`);
    },
    async getToken(id) {
      const row = s.token.get(id);
      return row ? toToken(row) : null;
    },
    async listTokens(community) {
      return s.tokens.all(community).map(toToken);
    },
    async revokeToken(id, at) {
      return revoke(id, at);
    },
    async revocationsSince(cursor): Promise<RevocationsSince> {
      const rows = s.revocations.all(cursor);
      const last = rows.at(-1);
      return { cursor: last ? last.seq : cursor, tokenIds: rows.map((r) => r.token_id) };
    },
    async createInvite(i: InviteRecord) {
      insertOrConflict(
        () => s.insertInvite.run(i.codeHash, i.community, i.role, i.name, i.person, i.createdBy, i.createdAt, i.expiresAt),
        'invite',
      );
    },
    async redeemInvite(codeHash, now) {
      return redeem(codeHash, now);
    },
    async ping() {
      if (closed) return false;
      return s.ping.get()?.ok === 1;
    },
    async close() {
      if (closed) return;
      closed = true;
      await checkpointer?.stop();
      if (ownsLog) cutFolded(true);
      // The last connection to close checkpoints everything and removes the WAL.
      db.close();
    },
  };
}
