import type { StoreWriteState } from './writeHealth';

export type { StoreWriteState } from './writeHealth';

/** One accepted Yjs update, as appended to a document's log. */
export interface UpdateToStore {
  readonly doc: string;
  readonly update: Uint8Array;
  /** person id of the writer */
  readonly author: string;
  /** ms since epoch */
  readonly time: number;
}

export interface StoredUpdate {
  readonly seq: number;
  readonly update: Uint8Array;
  readonly author: string;
  readonly time: number;
}

/** What is stored for one document: the latest snapshot and the log written after it. */
export interface StoredDocument {
  /** `Y.encodeStateAsUpdate` of the document at compaction time, null if never compacted. */
  readonly snapshot: Uint8Array | null;
  /** Updates with `seq` greater than the snapshot's, in order. */
  readonly updates: readonly StoredUpdate[];
  /** Highest seq folded into the snapshot or present in the log; 0 for an unknown document. */
  readonly lastSeq: number;
}

/** Which implementation a log or directory is (logged at start, shown by /healthz). */
export type StoreKind = 'sqlite' | 'memory' | 'postgres';

/**
 * The document log: each document's snapshot and the updates stored after it. Implementations:
 * memory (tests), SQLite (the default), Postgres (many relay processes); all pass
 * `runDocumentLogContractTests`. How an implementation makes a write durable (SQLite's journal,
 * group-commit fsync, log cut; Postgres' commit) stays inside it.
 */
export interface DocumentLog {
  readonly kind: StoreKind;
  loadDocument(doc: string): Promise<StoredDocument>;
  /**
   * What a reader that holds the document up to `afterSeq` lacks: the updates after it, and the
   * snapshot only where compaction folded some of them away (then `updates` follow the snapshot).
   * A process that sees a gap in a document's seqs calls this instead of reloading it whole.
   */
  loadSince(doc: string, afterSeq: number): Promise<StoredDocument>;
  /**
   * Appends every update atomically (one transaction); returns their seqs in order. Seqs grow
   * within a document, forever (compaction does not reuse them); across documents they say nothing.
   */
  appendUpdates(updates: readonly UpdateToStore[]): Promise<number[]>;
  /**
   * Resolves once every update appended before the call is as durable as the store makes it
   * (SQLite with `durability: 'fsync'`: one group-commit fsync covers every append made while the
   * previous one ran; Postgres: at once, an append resolves once committed). Rejects if it failed.
   */
  durable(): Promise<void>;
  /** Whether the log can write now (a full disk, a lost database: no, with the reason). Reads never depend on it. */
  writeState(): StoreWriteState;
  /**
   * Replaces the log up to `throughSeq` by `snapshot`, atomically. The snapshot must contain at
   * least every update with seq ≤ throughSeq; later updates stay in the log. A compaction older
   * than the stored snapshot changes nothing. Resolves false, changing nothing, while another
   * process compacts the same document (one at a time): the caller tries again later.
   */
  compact(doc: string, snapshot: Uint8Array, throughSeq: number): Promise<boolean>;
  /**
   * The log's own reason to compact a document whose log is short (SQLite: its oldest unfolded
   * update holds back the cut of the shared log). Cheap and synchronous: asked after every write.
   */
  wantsCompaction(doc: string): boolean;
  /** Cheap liveness probe for /healthz; rejects with the reason when the log is unreachable. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
