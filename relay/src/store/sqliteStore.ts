import { truncateSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { InviteRecord, RevocationsSince, Store, StoredDocument, TokenRecord, UpdateToStore } from './Store';
import { SETUP_CODE_TTL_MS } from './Store';
import { toCommunity, toInvite, toRegion, toToken, type CommunityRow, type InviteRow, type RegionRow, type TokenRow } from './sqliteRows';
import { StoreConflictError } from './Store';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import { LogTail } from './logTail';
import { migrate } from './sqliteSchema';
import { foldUnfolded } from './foldUnfolded';
import { openUpdateJournal, readJournal, type JournalEntry } from './updateJournal';
import { JournalMover } from './journalMover';
import { GroupCommit } from './groupCommit';
import { WriteHealth, type StoreWriteState } from './writeHealth';
import { startWriteProbe } from './writeProbe';

/**
 * `NORMAL` (default): in WAL mode a commit is written to the WAL file before it returns, so a
 * killed process (SIGKILL, crash) loses nothing committed; a power loss may lose the last
 * commits. `FULL` also fsyncs each commit and survives power loss, at a latency cost.
 */
export type SqliteSynchronous = 'NORMAL' | 'FULL';

/**
 * What a confirmed write has survived. `fsync`: it is on disk (the journal record fsynced by a
 * group commit, every SQLite commit at `synchronous=FULL`), so a power cut loses nothing
 * confirmed. `process`: it is in the OS (journal `write()`, WAL at the `synchronous` asked for),
 * so a killed process loses nothing but a power cut may lose the last confirmed writes.
 */
export type Durability = 'fsync' | 'process';

export interface SqliteStoreOptions {
  /** Path of the database file, or ':memory:'. */
  readonly file: string;
  /** SQLite's `synchronous` with `durability: 'process'`; `fsync` needs FULL (the default then). */
  readonly synchronous?: SqliteSynchronous;
  /** Default `process` (the command line); the relay passes its `LIANXIN_DURABILITY`. */
  readonly durability?: Durability;
  /** Told when the store stops or starts being able to write (a full disk and back). */
  readonly onWriteState?: (state: StoreWriteState) => void;
  /** While the store cannot write, probe this often whether it can again (default 1000 ms). */
  readonly probeMs?: number;
  /** Tests hold or count the journal's fsyncs: called with the real one, returns when it is done. */
  readonly journalFsync?: (fsync: () => Promise<void>) => Promise<void>;
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
  /**
   * Make updates durable in the update journal (`<file>.updates`, one write per batch) and move
   * them into the database in large transactions, instead of one SQLite commit per batch.
   * Default: on for the instance that owns the log, off for ':memory:'.
   */
  readonly journal?: boolean;
  /** Where journal problems are reported: a damaged tail found on opening, a failed move. */
  readonly onJournalError?: (message: string) => void;
  /** Where a failed cut of folded log rows is reported (the rows stay; a later cut retries). */
  readonly onCutError?: (message: string) => void;
  /**
   * Ask for a document to be compacted (`wantsCompaction`) once its oldest unfolded update is
   * this many updates behind the newest: it holds back the cut of the shared log, and loads scan
   * what is not cut (default 20000).
   */
  readonly compactLag?: number;
}

/** The update journal beside a database file. */
export const journalPath = (file: string): string => `${file}.updates`;

/**
 * Cut the log when at least this many folded rows lead it, at most this many per step: a step
 * holds the event loop for about 0.3 ms (measured in the bench at 50 rooms: 4000 rows took 1.2 ms,
 * a stall every few seconds). What is left is cut in further steps, one per turn.
 */
const CUT_MIN_ROWS = 500;
const CUT_MAX_ROWS = 1000;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT');
}

/**
 * Under sustained writes, journal fsyncs start at least this far apart (the first after a pause
 * starts at once). Back to back (~0.3 ms each) they cost the store about 2.4× the CPU per update
 * of `process` durability in `test/bench/relay/durabilityCost.ts`, mostly system time; 5 ms apart
 * about 1.4–1.6× (medians of alternating runs on a busy machine). A writer's `stored` is held for up
 * to LIANXIN_ACK_MS (1 s) anyway.
 */
const FSYNC_GAP_MS = 5;

/** Rows per multi-row INSERT (5 parameters each, far below SQLite's limit). */
const INSERT_CHUNK = 64;

const asBytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

/** The embedded default store: one SQLite file in WAL mode. */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const durability = options.durability ?? 'process';
  if (durability === 'fsync' && options.synchronous === 'NORMAL') {
    throw new Error('durability fsync needs SQLite synchronous=FULL: a commit at NORMAL returns before it is on disk');
  }
  const synchronous = durability === 'fsync' ? 'FULL' : (options.synchronous ?? 'NORMAL');
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
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
    insertCommunity: db.prepare<[string, string, string, number, string | null]>('INSERT INTO communities (id, name, kind, created_at, township) VALUES (?, ?, ?, ?, ?)'),
    community: db.prepare<[string], CommunityRow>('SELECT * FROM communities WHERE id = ?'),
    countCommunities: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM communities'),
    communitiesOf: db.prepare<[string], CommunityRow>('SELECT * FROM communities WHERE township = ? ORDER BY id'),
    setTownship: db.prepare<[string | null, string]>('UPDATE communities SET township = ? WHERE id = ?'),
    insertRegion: db.prepare<[string, string, string, string | null, number]>('INSERT INTO regions (id, name, level, parent, created_at) VALUES (?, ?, ?, ?, ?)'),
    region: db.prepare<[string], RegionRow>('SELECT * FROM regions WHERE id = ?'),
    regionsOf: db.prepare<[string], RegionRow>('SELECT * FROM regions WHERE parent = ? ORDER BY id'),
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
    forgetSetupCodes: db.prepare<[number]>('DELETE FROM setup_codes WHERE issued_at <= ?'),
    insertSetupCode: db.prepare<[string, number]>('INSERT OR REPLACE INTO setup_codes (code_hash, issued_at) VALUES (?, ?)'),
    // One statement: whichever process runs it first for a good code removes them all.
    consumeSetupCode: db.prepare<[string, number]>('DELETE FROM setup_codes WHERE EXISTS (SELECT 1 FROM setup_codes WHERE code_hash = ? AND issued_at > ?)'),
    ping: db.prepare<[], { ok: number }>('SELECT 1 AS ok'),
  };

  const health = new WriteHealth(options.onWriteState);
  /** A write refused by the disk, not by the data (a duplicate key is the caller's mistake). */
  const isStorageError = (error: unknown): boolean => !isUniqueViolation(error);
  const writing = <T>(write: () => T): T => health.run(write, isStorageError);

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
  const insertEntries = (entries: readonly JournalEntry[]): void => {
    for (let start = 0; start < entries.length; start += INSERT_CHUNK) {
      const rows = Math.min(INSERT_CHUNK, entries.length - start);
      const params: unknown[] = new Array(rows * 5);
      for (let i = 0; i < rows; i++) {
        const e = entries[start + i] as JournalEntry;
        const p = i * 5;
        params[p] = e.seq;
        params[p + 1] = e.docId;
        // better-sqlite3 binds any Uint8Array as a blob: no Buffer view per update.
        params[p + 2] = e.update;
        params[p + 3] = e.author;
        params[p + 4] = e.time;
      }
      insertRows(rows).run(params);
    }
  };
  const moveInTransaction = db.transaction(insertEntries);
  const moveEntries = (entries: readonly JournalEntry[]): void => writing(() => moveInTransaction(entries));
  // A journaled update waits in memory for its move: keep it whatever the caller does to its bytes.
  const copy = (update: Uint8Array): Uint8Array => (mover ? update.slice() : update);
  /** Assigns seqs (and docs rows); on failure the seqs are handed back. */
  const toEntries = (updates: readonly UpdateToStore[]): JournalEntry[] =>
    updates.map((u) => ({ seq: ++lastSeq, docId: docId(u.doc, true) as number, update: copy(u.update), author: u.author, time: u.time }));
  const appendInTransaction = db.transaction((updates: readonly UpdateToStore[]): JournalEntry[] => {
    const first = lastSeq;
    try {
      const entries = toEntries(updates);
      insertEntries(entries);
      return entries;
    } catch (error) {
      // The transaction is rolled back: so are the seqs and any docs row it created.
      lastSeq = first;
      docIds.clear();
      throw error;
    }
  });

  const reportJournal = options.onJournalError ?? ((m) => console.error(m));
  const journaling = options.journal ?? (ownsLog && options.file !== ':memory:');
  let mover: JournalMover | null = null;
  let group: GroupCommit | null = null;
  /** Replayed entries the database would not take on opening (a full disk): read from memory. */
  let unmoved: JournalEntry[] = [];
  const seqInDatabase = lastSeq;
  if (ownsLog && options.file !== ':memory:') {
    // What an earlier process journaled but had not moved yet (seqs the database already holds
    // were moved just before it stopped).
    const path = journalPath(options.file);
    const { entries, damage } = readJournal(path);
    if (damage) reportJournal(`update journal: ${damage.bytes} bytes at offset ${damage.offset} are not a whole record (a torn last write); replayed what came before`);
    const fresh = entries.filter((e) => e.seq > lastSeq);
    if (fresh.length > 0) {
      try {
        moveEntries(fresh);
      } catch (error) {
        // Reading must not need free space: keep them journaled, serve them from memory, move later.
        if (!journaling) throw error;
        reportJournal(`could not move ${fresh.length} journaled updates into the database on opening (${String(error)}); they stay in the journal and are moved once it can write`);
        unmoved = fresh;
        // Later records must not land behind a torn one (cutting it off frees space, needs none).
        if (damage) truncateSync(path, damage.offset);
      }
      for (const e of fresh) if (e.seq > lastSeq) lastSeq = e.seq;
    }
    // Per-record fdatasync only for `process` with FULL (the old setting); `fsync` groups them.
    const journal = openUpdateJournal(path, { sync: durability === 'process' && synchronous === 'FULL' });
    if (unmoved.length === 0) journal.clear();
    if (journaling) {
      mover = new JournalMover(journal, moveEntries, reportJournal, undefined, unmoved);
      const fsync = (): Promise<void> => journal.flushToDisk();
      const hook = options.journalFsync;
      if (durability === 'fsync') group = new GroupCommit(hook ? () => hook(fsync) : fsync, FSYNC_GAP_MS);
    } else journal.close();
  }
  const buildTail = (): LogTail => {
    const built = new LogTail((s.firstSeq.get()?.n ?? seqInDatabase + 1) - 1);
    if (!ownsLog) return built;
    for (const row of s.unfolded.all()) {
      built.appended(row.doc, row.first);
      built.appended(row.doc, row.last);
    }
    for (const e of unmoved) built.appended(e.docId, e.seq);
    return built;
  };
  let tail = buildTail();
  const reportCut = options.onCutError ?? ((m) => console.error(`could not cut the update log: ${m}`));
  let cutStep: NodeJS.Immediate | null = null;
  /** Deletes every folded row at the head of the log (opening, closing). */
  const cutAll = (): void => {
    const through = tail.nextCut(lastSeq, 1, Number.MAX_SAFE_INTEGER);
    if (through === null) return;
    // Rows still in the journal would be inserted below the cut and never deleted.
    mover?.moveNow();
    s.cutLog.run(through);
    tail.cut(through);
  };
  /**
   * Deletes one bounded step of folded rows (throws if the database refuses) and, while more are
   * due, schedules the next step in a turn of its own. The step stops below the rows still waiting
   * in the journal instead of moving them first, which would lengthen it; the cut after the next
   * compaction gets them.
   */
  const cutStepNow = (): void => {
    let through = tail.nextCut(lastSeq, CUT_MIN_ROWS, CUT_MAX_ROWS);
    if (through === null) return;
    const waiting = mover?.oldestWaitingSeq ?? null;
    const held = waiting !== null && through >= waiting;
    if (held) through = waiting - 1;
    if (through <= tail.truncatedThrough) return;
    s.cutLog.run(through);
    tail.cut(through);
    if (!held && cutStep === null && tail.nextCut(lastSeq, CUT_MIN_ROWS, CUT_MAX_ROWS) !== null) {
      cutStep = setImmediate(() => {
        cutStep = null;
        if (closed) return;
        try {
          cutStepNow();
        } catch (error) {
          reportCut(String(error));
        }
      });
    }
  };
  const append = (updates: readonly UpdateToStore[]): JournalEntry[] => {
    if (!mover) return writing(() => appendInTransaction(updates));
    const first = lastSeq;
    let entries: JournalEntry[];
    try {
      entries = writing(() => {
        const made = toEntries(updates);
        (mover as JournalMover).append(made);
        return made;
      });
    } catch (error) {
      lastSeq = first;
      throw error;
    }
    group?.written();
    return entries;
  };
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

  const compactLag = options.compactLag ?? 20_000;
  // The database's rows, then what still waits in the journal (all newer): a load writes
  // nothing, so it works on a full disk.
  const loadSince = (doc: string, afterSeq: number): StoredDocument => {
    const id = docId(doc, false);
    if (id === null) return { snapshot: null, updates: [], lastSeq: 0 };
    const snap = s.snapshot.get(id);
    const through = snap ? snap.through_seq : 0;
    const after = Math.max(through, afterSeq);
    const rows = s.updates.all(id, after);
    const updates = rows.map((r) => ({ seq: r.seq, update: asBytes(r.data), author: r.author, time: r.time }));
    for (const e of mover?.entriesOf(id, after) ?? []) updates.push({ seq: e.seq, update: e.update, author: e.author, time: e.time });
    const last = updates.at(-1);
    return {
      snapshot: snap && through > afterSeq ? asBytes(snap.state) : null,
      updates,
      lastSeq: last ? last.seq : Math.max(through, afterSeq),
    };
  };

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
    try {
      // Not `writing`: a transaction that found nothing to fold proves nothing about free space.
      db.transaction(() => foldUnfolded(db, tail, options.onFoldError ?? ((doc, m) => console.error(`could not fold ${doc}: ${m}`))))();
      if (unmoved.length === 0) cutAll();
    } catch (error) {
      if (isStorageError(error)) health.failed(error);
      // Rolled back: the tail must not believe what the transaction had folded. Loads still read
      // the rows; the relay compacts the documents it loads.
      reportJournal(`could not fold the update log on opening (${String(error)}); it stays as it is`);
      tail = buildTail();
    }
  }

  // A full disk: probe until the store can write again (`writeProbe.ts`).
  const stopProbe = options.file === ':memory:' ? () => undefined : startWriteProbe(health, `${options.file}.probe`, options.probeMs ?? 1000, () => {
    if (mover && mover.waiting > 0) mover.moveNow();
  });

  return {
    kind: 'sqlite',
    async loadDocument(doc): Promise<StoredDocument> {
      return loadSince(doc, 0);
    },
    async loadSince(doc, afterSeq): Promise<StoredDocument> {
      return loadSince(doc, afterSeq);
    },
    wantsCompaction(doc) {
      if (!ownsLog) return false;
      const id = docIds.get(doc);
      return id !== undefined && tail.lag(id, lastSeq) >= compactLag;
    },
    async appendUpdates(updates) {
      const entries = append(updates);
      if (ownsLog) for (const e of entries) tail.appended(e.docId, e.seq);
      return entries.map((e) => e.seq);
    },
    async durable() {
      if (!group) return;
      try {
        await group.durable();
      } catch (error) {
        health.failed(error);
        throw error;
      }
    },
    writeState() {
      return health.state;
    },
    async compact(doc, snapshot, throughSeq) {
      let id: number | null;
      try {
        id = writing(() => compact(doc, snapshot, throughSeq));
      } catch (error) {
        docIds.clear();
        throw error;
      }
      if (id !== null && ownsLog) {
        tail.folded(id, throughSeq);
        // The snapshot is committed: a cut that fails leaves rows a later cut takes, and must not
        // make the caller think the compaction failed.
        try {
          writing(cutStepNow);
        } catch (error) {
          reportCut(String(error));
        }
      }
      // One writer per data folder (relay.lock): no other process compacts at the same time.
      return true;
    },
    async createCommunity(c) {
      if (s.region.get(c.id)) throw new StoreConflictError(`${c.id} is a region`);
      insertOrConflict(() => writing(() => s.insertCommunity.run(c.id, c.name, c.kind, c.createdAt, c.township)), `community ${c.id}`);
    },
    async getCommunity(id) {
      const row = s.community.get(id);
      return row ? toCommunity(row) : null;
    },
    async countCommunities() {
      return s.countCommunities.get()?.n ?? 0;
    },
    async listCommunities(township) {
      return s.communitiesOf.all(township).map(toCommunity);
    },
    async setCommunityTownship(community, township) {
      return writing(() => s.setTownship.run(township, community)).changes > 0;
    },
    async createRegion(r) {
      if (s.community.get(r.id)) throw new StoreConflictError(`${r.id} is a community`);
      insertOrConflict(() => writing(() => s.insertRegion.run(r.id, r.name, r.level, r.parent, r.createdAt)), `region ${r.id}`);
    },
    async getRegion(id) {
      const row = s.region.get(id);
      return row ? toRegion(row) : null;
    },
    async listRegions(parent) {
      return s.regionsOf.all(parent).map(toRegion);
    },
    async recordToken(t: TokenRecord) {
      insertOrConflict(() => writing(() => s.insertToken.run(t.id, t.community, t.person, t.name, t.role, t.createdAt, t.expiresAt, t.revokedAt)), `token ${t.id}`);
    },
    async getToken(id) {
      const row = s.token.get(id);
      return row ? toToken(row) : null;
    },
    async listTokens(community) {
      return s.tokens.all(community).map(toToken);
    },
    async revokeToken(id, at) {
      return writing(() => revoke(id, at));
    },
    async revocationsSince(cursor): Promise<RevocationsSince> {
      const rows = s.revocations.all(cursor);
      const last = rows.at(-1);
      return { cursor: last ? last.seq : cursor, tokenIds: rows.map((r) => r.token_id) };
    },
    async createInvite(i: InviteRecord) {
      insertOrConflict(
        () => writing(() => s.insertInvite.run(i.codeHash, i.community, i.role, i.name, i.person, i.createdBy, i.createdAt, i.expiresAt)),
        'invite',
      );
    },
    async redeemInvite(codeHash, now) {
      return writing(() => redeem(codeHash, now));
    },
    async issueSetupCode(codeHash, at) {
      writing(() => {
        s.forgetSetupCodes.run(at - SETUP_CODE_TTL_MS);
        s.insertSetupCode.run(codeHash, at);
      });
    },
    async consumeSetupCode(codeHash, now) {
      return writing(() => s.consumeSetupCode.run(codeHash, now - SETUP_CODE_TTL_MS)).changes > 0;
    },
    async ping() {
      if (closed) return false;
      return s.ping.get()?.ok === 1;
    },
    async close() {
      if (closed) return;
      closed = true;
      if (cutStep !== null) clearImmediate(cutStep);
      stopProbe();
      // The journal's descriptor must outlive a running fsync.
      await group?.idle();
      await checkpointer?.stop();
      try {
        mover?.close();
      } catch (error) {
        // Still journaled: the next open replays it.
        reportJournal(`could not move journaled updates into the database on closing: ${String(error)}`);
      }
      try {
        if (ownsLog) cutAll();
      } catch (error) {
        // A full disk: the folded rows stay and the next opening cuts them.
        reportCut(String(error));
      } finally {
        // The last connection to close checkpoints everything and removes the WAL.
        db.close();
      }
    },
  };
}
