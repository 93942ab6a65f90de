import { liveQuery, type Subscription } from 'dexie';
import * as Y from 'yjs';
import { DOC_UPDATES_TABLE, type CommunityDatabase } from './communityDatabase';
import { applyStored, compactStoredDoc, type UpdateRow } from './compactStoredDoc';
import { loadInSlices } from './loadInSlices';

/** Rows written since the last merge that make the next idle moment merge them (y-indexeddb: 500). */
export const COMPACT_AFTER_ROWS = 200;
/** A document loaded from more rows than this (not counting the chunks of a merge) is merged after `COMPACT_ON_LOAD_DELAY_MS`, when idle. */
export const COMPACT_ON_LOAD_ROWS = 20;
/** Not while the page is opening and the person starts using it (y-dexie waited 10 s). */
export const COMPACT_ON_LOAD_DELAY_MS = 3_000;
/** Longest wait for an idle moment before merging anyway, ms. */
const IDLE_TIMEOUT_MS = 2_000;

type IdleHandle = { cancel(): void };
/** Runs `run` at the first idle moment after `delayMs` (a timer where there is no requestIdleCallback). */
const whenIdle = (run: () => void, delayMs: number): IdleHandle => {
  const g = globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };
  let idleId: number | null = null;
  const timer = setTimeout(() => {
    if (g.requestIdleCallback) idleId = g.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    else run();
  }, delayMs || 50);
  return {
    cancel: () => {
      clearTimeout(timer);
      if (idleId !== null) g.cancelIdleCallback?.(idleId);
    },
  };
};

type DocsRow = { readonly name: string; readonly views?: Record<string, StoredView> };

/** A projection stored beside a document, with the state vector of the document it was made from. */
export interface StoredView {
  readonly stateVector: Uint8Array;
  readonly value: unknown;
}

export interface LocalDocStoreOptions {
  /** Loading starts when this resolves (the session loads what the page needs first). */
  readonly startAfter?: Promise<unknown>;
  /** Called with the first write or read error (the document keeps working in memory). */
  readonly onError?: (error: unknown) => void;
  /** Default `COMPACT_ON_LOAD_DELAY_MS`. */
  readonly compactOnLoadDelayMs?: number;
  /** Main-thread time per slice of the load (default `SLICE_MS`; tests: 0, one row per slice). */
  readonly sliceMs?: number;
}

/**
 * Keeps one Y.Doc on this device in y-dexie's tables and format (a `docs` row, V2 updates in
 * `$docs.content_updates` keyed by the document's name), with a faster path than y-dexie's
 * provider:
 * - loading reads the rows in pages and applies them in slices of a few ms, one transaction each,
 *   yielding to the event loop in between so the page takes input while a large document loads
 *   (`loadInSlices`; views skip all but the last slice: `isLoadingSlice`), all BEFORE anything
 *   listens to the document's updates (so Yjs does not re-encode the whole stored content as an
 *   update event), then listening starts;
 * - the stored history is kept short as it is written: once many rows have accumulated (or a
 *   load found many), they are merged at the next idle moment into chunks of about 64 KB
 *   (`compactStoredDoc`, one transaction, nothing lost to concurrent writers), which the next
 *   load applies one slice at a time;
 * - other tabs' writes arrive through a Dexie live query over rows newer than the last one seen.
 *
 * Updates this store applies carry the store as their transaction origin.
 */
export class LocalDocStore {
  readonly whenLoaded: Promise<void>;
  /** Rows the document was loaded from (what a cold open read). */
  loadedRows = 0;
  private readonly table;
  private lastSeen = 0;
  /**
   * Rows this tab wrote (its updates, its merged rows) by `i`, until the live query has passed
   * them: skipped only when the stored bytes are still these (another tab's merge may have put
   * its own merged row at the same `i`).
   */
  private readonly own = new Map<number, Uint8Array>();
  private sinceCompact = 0;
  private subscription: Subscription | null = null;
  private idle: IdleHandle | null = null;
  private compacting: Promise<unknown> | null = null;
  private destroyed = false;
  private loadedAt = 0;
  private readonly row: Promise<DocsRow | undefined>;
  private listed: Promise<unknown> = Promise.resolve();
  private viewsWritten = false;
  /** What each view key holds as far as this store knows (read or written): skips rewriting it. */
  /** What is stored under each view key, as read or written here; its JSON made when a write compares (not on the read a page waits for). */
  private readonly keptViews = new Map<string, { readonly stateVector: Uint8Array; json: () => string }>();

  constructor(
    private readonly db: CommunityDatabase,
    readonly name: string,
    readonly doc: Y.Doc,
    private readonly options: LocalDocStoreOptions = {},
  ) {
    this.table = db.table<UpdateRow, number>(DOC_UPDATES_TABLE);
    // Read first (before any write of this session): the row holds the kept views, which a page
    // shows while the document loads.
    this.row = db.docs.get(name).then(
      (row) => row as DocsRow | undefined,
      (error: unknown) => {
        options.onError?.(error);
        return undefined;
      },
    );
    this.whenLoaded = (options.startAfter ?? Promise.resolve()).then(() => this.load());
  }

  /** Merges the stored rows now (tests, or before closing). Resolves with the rows merged away. */
  compact(): Promise<number> {
    if (this.destroyed) return Promise.resolve(0);
    this.idle?.cancel();
    this.idle = null;
    const run = (this.compacting ?? Promise.resolve())
      .then(() => {
        if (this.destroyed) return 0;
        this.sinceCompact = 0;
        return compactStoredDoc(this.db, this.name, {
          doc: this.doc,
          origin: this,
          seen: (r) => r.i <= this.lastSeen || this.isOwn(r),
          merged: (i, u) => this.own.set(i, u),
        }).then(({ removed }) => removed);
      });
    this.compacting = run.catch(() => undefined);
    return run;
  }

  /**
   * A small projection of the document kept beside it (what a page's first screen shows), for
   * showing before the document itself is loaded. Null when none is stored under `key`.
   * Readable before loading: it is one small read of the `docs` row.
   */
  async readView(key: string): Promise<StoredView | null> {
    checkViewKey(key);
    const row = this.viewsWritten ? ((await this.db.docs.get(this.name)) as DocsRow | undefined) : await this.row;
    const view = row?.views?.[key];
    if (!view || !(view.stateVector instanceof Uint8Array)) return null;
    this.keptViews.set(key, { stateVector: view.stateVector, json: once(() => jsonOf(view.value)) });
    return view;
  }

  /**
   * Stores `value` as the projection under `key` of the document as it is now (with its state
   * vector). Call it after the document is loaded; skipped when the stored one is known to be
   * the same value from the same state of the document, so opening a page does not rewrite it.
   */
  async writeView(key: string, value: unknown): Promise<boolean> {
    checkViewKey(key);
    if (this.destroyed || !this.loadedAt) return false;
    const stateVector = Y.encodeStateVector(this.doc);
    const json = jsonOf(value);
    const known = this.keptViews.get(key);
    // Same document and same projection: nothing to write. A kept value that differs at the same
    // state vector (unreadable, or made by another version of the app) is replaced.
    if (known && sameBytes(known.stateVector, stateVector) && known.json() === json) return false;
    this.keptViews.set(key, { stateVector, json: () => json });
    const view: StoredView = { stateVector, value };
    this.viewsWritten = true;
    await this.listed;
    await this.db.docs.update(this.name, { [`views.${key}`]: view });
    return true;
  }

  /** Stops writing and observing; writes already issued still commit. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.doc.off('updateV2', this.onUpdate);
    this.subscription?.unsubscribe();
    this.idle?.cancel();
  }

  private async load(): Promise<void> {
    if (this.destroyed) return;
    // Edited before or while loading (nothing should, but nothing may be lost): stored once loaded.
    let edited = this.doc.store.clients.size > 0;
    const onEdit = (tr: Y.Transaction) => {
      if (tr.origin !== this && (tr.changed.size > 0 || tr.deleteSet.clients.size > 0)) edited = true;
    };
    this.doc.on('afterTransaction', onEdit);
    let loaded;
    try {
      loaded = await loadInSlices(this.table, this.name, this.doc, this, { cancelled: () => this.destroyed, sliceMs: this.options.sliceMs });
    } finally {
      this.doc.off('afterTransaction', onEdit);
    }
    if (this.destroyed) return;
    const early = edited ? Y.encodeStateAsUpdateV2(this.doc) : null;
    this.loadedRows = loaded.rows;
    this.loadedAt = Date.now();
    // The row in `docs` lists the document as stored here (y-dexie's layout); written after the
    // read, only when missing (a write before it would hold up the reads behind it).
    this.listed = this.row.then((row) =>
      row
        ? undefined
        : this.db
            .transaction('rw', this.db.docs, async () => {
              if (!(await this.db.docs.get(this.name))) await this.db.docs.add({ name: this.name } as never);
            })
            .catch((error: unknown) => this.options.onError?.(error)),
    );
    if (loaded.lastSeen > this.lastSeen) this.lastSeen = loaded.lastSeen;
    this.doc.on('updateV2', this.onUpdate);
    if (early) this.write(early);
    this.observe();
    // Many loose rows, or an old one-row merge to store in chunks.
    if (loaded.loose > COMPACT_ON_LOAD_ROWS || loaded.oversized) this.scheduleCompact(this.options.compactOnLoadDelayMs ?? COMPACT_ON_LOAD_DELAY_MS);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    this.write(update);
  };

  private write(update: Uint8Array): void {
    this.table.add({ k: this.name, u: update, f: 1 } as UpdateRow).then(
      (i) => {
        if (i > this.lastSeen) this.own.set(i, update);
      },
      (error: unknown) => this.options.onError?.(error),
    );
    if (++this.sinceCompact >= COMPACT_AFTER_ROWS) this.scheduleCompact();
  }

  private scheduleCompact(delayMs = 0): void {
    if (this.idle || this.destroyed) return;
    this.idle = whenIdle(() => {
      this.idle = null;
      void this.compact().catch((error: unknown) => this.options.onError?.(error));
    }, delayMs);
  }

  private isOwn(row: UpdateRow): boolean {
    const mine = this.own.get(row.i);
    return mine !== undefined && sameBytes(mine, row.u);
  }

  /** Rows other tabs write (this tab's own rows are skipped; Yjs would ignore them anyway). */
  private observe(): void {
    this.subscription = liveQuery(() => this.table.where('i').above(this.lastSeen).toArray()).subscribe({
      next: (rows) => {
        if (this.destroyed || rows.length === 0) return;
        const theirs = rows.filter((r) => r.k === this.name && r.i > this.lastSeen && !this.isOwn(r));
        for (const r of rows) if (r.i > this.lastSeen) this.lastSeen = r.i;
        for (const i of this.own.keys()) if (i <= this.lastSeen) this.own.delete(i);
        if (theirs.length > 0) Y.transact(this.doc, () => theirs.forEach((r) => applyStored(this.doc, r)), this, false);
      },
      error: (error: unknown) => this.options.onError?.(error),
    });
  }
}

/** A comparable form of a view's value (structured-cloneable; up to a few hundred KB, e.g. the roster's kept rows). */
function once(make: () => string): () => string {
  let made: string | undefined;
  return () => (made ??= make());
}

function jsonOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Keys are a path segment in Dexie's `update` (`views.<key>`): no dots. */
function checkViewKey(key: string): void {
  if (!/^[\w-]{1,64}$/.test(key)) throw new Error(`view key must be 1–64 letters, digits, _ or -: ${JSON.stringify(key)}`);
}
