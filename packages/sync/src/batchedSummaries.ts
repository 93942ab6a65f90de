import * as Y from 'yjs';
import { DocKind, SummariesBatch, decodeBase64, encodeBase64, type SummaryWant } from '@lianxin/protocol';
import { DOC_UPDATES_TABLE, deleteLocalDoc, type CommunityDatabase } from './communityDatabase';
import { applyStored, compactStoredDoc, needsCompaction, type UpdateRow } from './compactStoredDoc';
import { fetchSummaries } from './fetchSummaries';
import type { RelayChoice } from './relayChoice';
import { OfflineReason, sameStatus, type SyncStatus } from './syncStatus';
import type { FetchFunction } from './tokenProbe';

/** How often open summaries are asked for again (communities recompute theirs at most every 5 minutes). */
export const SUMMARY_REFRESH_MS = 60_000;
/** A summary loaded from more stored rows than this is merged into one when idle. */
const COMPACT_ROWS = 8;
const COMPACT_DELAY_MS = 3_000;
/** Rounds of `deferred` answers followed in one refresh (each round is at most 4 MiB). */
const MAX_ROUNDS = 20;

export interface BatchedSummariesOptions {
  /** The region's database: documents named by their room (`<community>/summary`), y-dexie's rows. */
  readonly db: CommunityDatabase;
  /** The session's relay (several URLs: the one in use, moving on when one gives no answer). */
  readonly relays: RelayChoice;
  readonly token: string;
  readonly fetch?: FetchFunction;
  /** Ask the relay (default true); false keeps them local. */
  readonly connect?: boolean;
  readonly refreshMs?: number;
  /** Upper bound of the retry back-off after a failed request, ms. */
  readonly maxBackoffMs?: number;
  /** The relay refused the token (401/403): the session asks why. */
  readonly onRefused: () => void;
  /** The relay refused a community the directory lists (it left the region): the session asks for the directory. */
  readonly onStaleDirectory: () => void;
  /** Which documents are loaded, or the status, changed. */
  readonly onChange: () => void;
}

interface Entry {
  readonly doc: Y.Doc;
  loaded: boolean;
  /** a `docs` row lists it on this device (y-dexie's layout; the session purges by it) */
  listed: boolean;
}

const nameOf = (community: string) => `${community}/${DocKind.summary}`;

/**
 * The `summary` documents of many communities, read-only, as one set: kept in the region's
 * IndexedDB database like every other document (y-dexie's rows), loaded in one read for all of
 * them, and synced with `POST /api/region/summaries` (their state vectors in, the updates they
 * lack out) on open, every `refreshMs`, and when the network returns, instead of one WebSocket
 * per community. Each community's document is its own Y.Doc, so a page reads it like any other.
 *
 * Only the relay's updates are stored (the role may not write a summary; a local change stays in
 * memory). Other tabs' writes are not followed: each tab asks the relay itself.
 */
export class BatchedSummaries {
  private readonly entries = new Map<string, Entry>();
  private readonly table;
  private readonly remote = {};
  private toLoad: string[] = [];
  private loading: Promise<void> = Promise.resolve();
  private writes: UpdateRow[] = [];
  private writing: Promise<unknown> = Promise.resolve();
  private current: SyncStatus;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private compactTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly toCompact = new Set<string>();
  private failures = 0;
  private networkDown = false;
  private fatal: OfflineReason | null = null;
  private destroyed = false;

  constructor(private readonly options: BatchedSummariesOptions) {
    this.table = options.db.table<UpdateRow, number>(DOC_UPDATES_TABLE);
    this.current = options.connect === false ? { type: 'offline', pending: 0, refused: 0, reason: OfflineReason.stopped } : { type: 'connecting', pending: 0, refused: 0 };
  }

  get status(): SyncStatus {
    return this.current;
  }

  doc(community: string): Y.Doc | null {
    return this.entries.get(community)?.doc ?? null;
  }

  isLoaded(community: string): boolean {
    return this.entries.get(community)?.loaded ?? false;
  }

  has(community: string): boolean {
    return this.entries.has(community);
  }

  /** Resolves once every summary opened so far is loaded from this device. */
  whenLoaded(): Promise<void> {
    return this.loading;
  }

  /** Communities open now. */
  communities(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * Opens these communities' summaries (those not open yet): every one opened in the same turn is
   * read from IndexedDB in one request, then the relay is asked. Resolves once they are loaded.
   */
  open(communities: readonly string[]): Promise<void> {
    if (this.destroyed) return Promise.resolve();
    const fresh = communities.filter((c) => !this.entries.has(c));
    for (const c of fresh) this.entries.set(c, { doc: new Y.Doc(), loaded: false, listed: false });
    if (fresh.length === 0) return this.loading;
    if (this.toLoad.length === 0) this.loading = this.loading.then(() => new Promise<void>((resolve) => queueMicrotask(resolve))).then(() => this.loadQueued());
    this.toLoad.push(...fresh);
    return this.loading;
  }

  /** Closes one (its copy stays on the device unless `deleteCopy`). */
  close(community: string, deleteCopy: boolean): void {
    const entry = this.entries.get(community);
    if (!entry) return;
    this.entries.delete(community);
    entry.doc.destroy();
    if (deleteCopy) void this.writing.then(() => deleteLocalDoc(this.options.db, nameOf(community))).catch(() => undefined);
    if (this.entries.size === 0) this.clearTimer();
    this.options.onChange();
  }

  /** Asks the relay now (coalesced with a request under way: one more follows it). */
  refresh(): Promise<void> {
    if (this.destroyed || this.fatal || this.networkDown || this.options.connect === false) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.clearTimer();
    this.running = this.ask().finally(() => {
      this.running = null;
      if (this.again && !this.destroyed) {
        this.again = false;
        void this.refresh();
      } else this.schedule();
    });
    return this.running;
  }

  networkLost(): void {
    if (this.destroyed || this.options.connect === false) return;
    this.networkDown = true;
    this.clearTimer();
    if (!this.fatal) this.setStatus({ type: 'offline', pending: 0, refused: 0, reason: OfflineReason.network });
  }

  networkRestored(): void {
    if (!this.networkDown) return;
    this.networkDown = false;
    this.failures = 0;
    if (this.fatal || this.destroyed) return;
    this.setStatus({ type: 'connecting', pending: 0, refused: 0 });
    void this.refresh();
  }

  /** Stops asking for a reason asking again cannot fix (revoked, expired, …). */
  fail(reason: OfflineReason): void {
    if (this.destroyed) return;
    this.fatal = reason;
    this.clearTimer();
    this.setStatus({ type: 'offline', pending: 0, refused: 0, reason });
  }

  /** Stops; resolves once what was written is committed (the database may be closed after it). */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.clearTimer();
    if (this.compactTimer) clearTimeout(this.compactTimer);
    await this.loading.catch(() => undefined);
    await this.running?.catch(() => undefined);
    await this.writing.catch(() => undefined);
    for (const e of this.entries.values()) e.doc.destroy();
    this.entries.clear();
  }

  private async loadQueued(): Promise<void> {
    const communities = this.toLoad.splice(0);
    if (this.destroyed) return;
    const byName = new Map<string, UpdateRow[]>();
    try {
      // One request for all of them (summaries are small: no slices needed).
      const rows = await this.table.where('k').anyOf(communities.map(nameOf)).toArray();
      for (const r of rows) (byName.get(r.k) ?? byName.set(r.k, []).get(r.k)!).push(r);
    } catch {
      // Unreadable here: the relay's answer fills them in (and is kept if writes work).
    }
    if (this.destroyed) return;
    for (const community of communities) {
      const entry = this.entries.get(community);
      if (!entry) continue;
      const rows = (byName.get(nameOf(community)) ?? []).sort((a, b) => a.i - b.i);
      if (rows.length > 0) {
        Y.transact(entry.doc, () => rows.forEach((r) => applyStored(entry.doc, r)), this, false);
        entry.listed = true;
      }
      if (rows.length > COMPACT_ROWS && needsCompaction(rows)) this.toCompact.add(nameOf(community));
      entry.loaded = true;
      entry.doc.on('updateV2', (update: Uint8Array, origin: unknown) => {
        if (origin === this.remote) this.writes.push({ k: nameOf(community), u: update, f: 1 } as UpdateRow);
      });
    }
    this.options.onChange();
    this.scheduleCompaction();
    void this.refresh();
  }

  private async ask(): Promise<void> {
    let wants = this.wants(null);
    let ok = true;
    for (let round = 0; round < MAX_ROUNDS && wants.length > 0 && !this.destroyed; round++) {
      const chunks: SummaryWant[][] = [];
      for (let i = 0; i < wants.length; i += SummariesBatch.maxCommunities) chunks.push(wants.slice(i, i + SummariesBatch.maxCommunities));
      const results = await Promise.all(chunks.map((chunk) => fetchSummaries(this.options.relays, this.options.token, chunk, this.options.fetch)));
      if (this.destroyed) return;
      const deferred: string[] = [];
      let stale = false;
      for (const result of results) {
        if (result.type === 'refused') this.options.onRefused();
        if (result.type !== 'ok') {
          ok = false;
          continue;
        }
        for (const a of result.answer.summaries) {
          const entry = this.entries.get(a.community);
          if (!entry?.loaded) continue;
          if ('refused' in a) {
            stale = true;
            continue;
          }
          try {
            Y.applyUpdate(entry.doc, decodeBase64(a.update), this.remote);
          } catch {
            // A bad update from the relay: the rest still apply; the next refresh asks again.
          }
        }
        deferred.push(...result.answer.deferred);
      }
      this.store();
      if (stale) this.options.onStaleDirectory();
      wants = this.wants(new Set(deferred));
    }
    if (this.destroyed || this.fatal || this.networkDown) return;
    if (ok) {
      this.failures = 0;
      this.setStatus({ type: 'synced', pending: 0, refused: 0 });
    } else {
      this.failures += 1;
      this.setStatus({ type: 'offline', pending: 0, refused: 0, reason: OfflineReason.unreachable });
    }
  }

  /** What this device has of each loaded summary (only `among`, when given). */
  private wants(among: Set<string> | null): SummaryWant[] {
    const wants: SummaryWant[] = [];
    for (const [community, e] of this.entries) {
      if (!e.loaded || (among && !among.has(community))) continue;
      const sv = e.doc.store.clients.size === 0 ? '' : encodeBase64(Y.encodeStateVector(e.doc));
      // Past the limit: ask for the whole document (a summary's history has few writers).
      wants.push({ community, stateVector: sv.length > SummariesBatch.maxStateVectorChars ? '' : sv });
    }
    return wants;
  }

  /** Writes what the relay sent, in one transaction. */
  private store(): void {
    if (this.writes.length === 0) return;
    const rows = this.writes.splice(0);
    const { db } = this.options;
    const unlisted = new Set<string>();
    for (const [community, e] of this.entries) {
      if (!e.listed && rows.some((r) => r.k === nameOf(community))) {
        unlisted.add(nameOf(community));
        e.listed = true;
      }
    }
    this.writing = this.writing
      .then(() =>
        db.transaction('rw', [db.docs, this.table], async () => {
          await this.table.bulkAdd(rows as UpdateRow[]);
          if (unlisted.size > 0) await db.docs.bulkPut([...unlisted].map((name) => ({ name }) as never));
        }),
      )
      .catch(() => undefined);
  }

  private scheduleCompaction(): void {
    if (this.toCompact.size === 0 || this.compactTimer || this.destroyed) return;
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      const names = [...this.toCompact];
      this.toCompact.clear();
      this.writing = names.reduce((p, name) => p.then(() => compactStoredDoc(this.options.db, name)).catch(() => undefined), this.writing);
    }, COMPACT_DELAY_MS);
  }

  private schedule(): void {
    if (this.destroyed || this.fatal || this.networkDown || this.entries.size === 0 || this.options.connect === false) return;
    this.clearTimer();
    const delay = this.failures === 0 ? (this.options.refreshMs ?? SUMMARY_REFRESH_MS) : Math.min(this.options.maxBackoffMs ?? 30_000, 1000 * 2 ** Math.min(this.failures - 1, 10));
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setStatus(next: SyncStatus): void {
    if (sameStatus(next, this.current)) return;
    this.current = next;
    this.options.onChange();
  }
}
