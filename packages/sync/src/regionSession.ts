import type * as Y from 'yjs';
import { DocKind, isRegionRole, peekTokenClaims, regionAccess, type RegionRole, type TierDoc, type TokenClaims } from '@lianxin/protocol';
import { BatchedSummaries } from './batchedSummaries';
import { deleteLocalDoc, storedDocNames } from './communityDatabase';
import type { WebSocketClass } from './countingWebSocket';
import { defaultNetworkEvents, watchNetwork } from './networkEvents';
import { openRegionDatabase, type RegionDatabase } from './regionDatabase';
import { fetchRegionDirectory, RegionDirectorySchema, sameDirectory, type RegionDirectory } from './regionDirectory';
import { RelayChoice, relaysOf } from './relayChoice';
import type { StorageOptions } from './storageOptions';
import { SyncedDoc } from './syncedDoc';
import { OfflineReason, aggregateStatus, sameSessionStatus, type SessionStatus, type SyncStatus } from './syncStatus';
import { tokenRefusal, watchTokenExpiry, whenSessionSynced } from './sessionToken';
import { TokenProbe, type FetchFunction } from './tokenProbe';

export interface RegionSessionOptions extends StorageOptions {
  /** The relay's base URL, e.g. `http://127.0.0.1:8787`. Or `relayUrls` (as a community session's). */
  readonly relayUrl?: string;
  readonly relayUrls?: readonly string[];
  /** A township or county token (its `cid` is the region). */
  readonly token: string;
  readonly WebSocketPolyfill?: WebSocketClass;
  /** For `GET /api/region` and token checks. Default: global fetch. */
  readonly fetch?: FetchFunction;
  /** Connect (and ask for the directory) once loaded (default true); false keeps the session local. */
  readonly connect?: boolean;
  readonly maxBackoffMs?: number;
  readonly now?: () => number;
  readonly networkEvents?: EventTarget | null;
  /**
   * The documents of every community kept open for the whole session (what the first page shows
   * of all of them). Default: a township's `escalations` (its desk), a county's `summary`. Others
   * are opened on demand with `openCommunityDoc`; none the role may not read is ever opened.
   */
  readonly communityDocs?: readonly TierDoc[];
  /** How often open summaries are asked for again, ms (default `SUMMARY_REFRESH_MS`). */
  readonly summaryRefreshMs?: number;
  /**
   * The kept-open community documents wait for `loadCommunityDocs()` before they load from this
   * device (and connect): the first page shows the views kept beside them first. Default false.
   */
  readonly holdCommunityDocs?: boolean;
}

/** A community's document opened with `openCommunityDoc`; `release()` when the page is done with it. */
export interface CommunityDocHandle {
  readonly communityId: string;
  readonly kind: TierDoc;
  /** The document's own sync (a socket); null for a `summary`, synced with the others in batches. */
  readonly synced: SyncedDoc | null;
  readonly doc: Y.Doc;
  /** Idempotent; the document closes when its last handle is released (unless the session keeps it open). */
  release(): void;
}

/** A township's region document opened by its county with `openTownshipRegion`. */
export interface RegionDocHandle {
  readonly regionId: string;
  readonly doc: Y.Doc;
  /** Idempotent; the document closes when its last handle is released. */
  release(): void;
}

/**
 * What a township's or county's staff open: the region's own document and, for each community of
 * its directory, the documents the role may read that a page needs. One IndexedDB database per
 * person and region; the directory is kept there too, so the session opens with no network.
 */
export interface RegionSession {
  readonly claims: TokenClaims;
  readonly role: RegionRole;
  /** The region's own document (`<regionId>/region`). */
  readonly region: Y.Doc;
  regionHandle(): SyncedDoc;
  /**
   * Resolves once the region document, the kept directory (or, with none kept, the relay's first
   * answer or failure) and the kept-open community documents are loaded from this device.
   */
  readonly whenLoaded: Promise<void>;
  /**
   * Resolves once the region document and the kept directory (or the relay's first answer) are
   * loaded, the community documents opened but maybe still loading: a page can show its frame.
   */
  readonly whenOpened: Promise<void>;
  /** Lets held community documents load (`holdCommunityDocs`); idempotent. */
  loadCommunityDocs(): void;
  /** The view kept beside an open community document (`LocalDocStore.readView`), or null; readable before it loads. */
  readKeptView(communityId: string, kind: TierDoc, key: string): Promise<unknown>;
  /** Keeps `value` as that view of the document as it is now (once loaded; skipped when unchanged). */
  writeKeptView(communityId: string, kind: TierDoc, key: string, value: unknown): Promise<boolean>;
  /** The directory as last known (kept on this device, refreshed from the relay), or null before any. */
  getDirectory(): RegionDirectory | null;
  /** Fires when the directory or the set of open documents changes. */
  subscribeDocs(listener: () => void): () => void;
  /** A kept-open or opened community document, or null (not open, not in the region, or not readable). */
  communityDoc(communityId: string, kind: TierDoc): Y.Doc | null;
  /** Whether that document has loaded what this device stored. */
  isCommunityDocLoaded(communityId: string, kind: TierDoc): boolean;
  /** Opens a community's document (reference-counted); null when the community is not in the region or the role may not read it. */
  openCommunityDoc(communityId: string, kind: TierDoc): CommunityDocHandle | null;
  /**
   * Opens a township's own document, read-only, for its county (ratings and pairings, `below` in
   * the permission table); null for any other region or role. Released like a community's.
   */
  openTownshipRegion(townshipId: string): RegionDocHandle | null;
  /** Asks the relay for the directory again (also done at start and when the network returns). */
  refreshDirectory(): Promise<void>;
  getStatus(): SessionStatus;
  subscribe(listener: (status: SessionStatus) => void): () => void;
  whenSynced(): Promise<SessionStatus>;
  /** Local changes the relay has not confirmed, per document (room name) as one Yjs update each. */
  unsent(): { readonly doc: string; readonly pending: number; readonly update: Uint8Array }[];
  flush(): Promise<void>;
  destroy(): Promise<void>;
}

export function openRegionSession(options: RegionSessionOptions): RegionSession {
  return new Region(options);
}

const DIRECTORY_KEY = 'directory';

interface OpenDoc {
  readonly synced: SyncedDoc;
  readonly communityId: string;
  readonly kind: TierDoc | typeof DocKind.region;
  refs: number;
  /** kept open by the session (the region document, `communityDocs`) */
  kept: boolean;
  loaded: boolean;
  readonly unsubscribe: () => void;
}

class Region implements RegionSession {
  readonly claims: TokenClaims;
  readonly role: RegionRole;
  readonly region: Y.Doc;
  readonly whenLoaded: Promise<void>;
  readonly whenOpened: Promise<void>;
  private readonly db: RegionDatabase;
  /** Resolves when held community documents may load (at once unless `holdCommunityDocs`). */
  private readonly communityGate: Promise<void> | undefined;
  private releaseCommunityDocs: () => void = () => undefined;
  private readonly open = new Map<string, OpenDoc>();
  private readonly statusListeners = new Set<(status: SessionStatus) => void>();
  private readonly docListeners = new Set<() => void>();
  private readonly relays: RelayChoice;
  private readonly probe: TokenProbe;
  private readonly WebSocket: WebSocketClass;
  private readonly kept: readonly TierDoc[];
  private readonly unwatchNetwork: () => void;
  private directory: RegionDirectory | null = null;
  private status: SessionStatus;
  private tokenFailure: OfflineReason | null = null;
  private networkDown = false;
  private stopExpiry: () => void = () => undefined;
  private destroyed: Promise<void> | null = null;
  private batching = 0;
  private refreshing: Promise<void> | null = null;
  /** Every open `summary`, synced in batches over HTTP (never a socket each). */
  private readonly summaries: BatchedSummaries;
  /** Holders of each open summary (`kept`: the session keeps it open). */
  private readonly summaryRefs = new Map<string, { refs: number; kept: boolean }>();

  constructor(private readonly options: RegionSessionOptions) {
    const claims = typeof options.token === 'string' ? peekTokenClaims(options.token) : null;
    if (!claims) throw new Error('openRegionSession: the token is not a readable Lianxin token');
    if (!isRegionRole(claims.role)) throw new Error(`openRegionSession: a ${claims.role} token has no region (township or county only)`);
    const WebSocketImpl = options.WebSocketPolyfill ?? globalThis.WebSocket;
    if (!WebSocketImpl) throw new Error('openRegionSession: no WebSocket here; pass WebSocketPolyfill (in Node, the ws package)');
    const relays = new RelayChoice(relaysOf(options, 'openRegionSession'));
    this.claims = claims;
    this.role = claims.role;
    this.relays = relays;
    this.WebSocket = WebSocketImpl;
    this.probe = new TokenProbe(relays, options.token, options.fetch);
    this.kept = (options.communityDocs ?? (claims.role === 'township' ? [DocKind.escalations] : [DocKind.summary])).filter((k) => regionAccess(this.role, k, 'own') !== 'none');
    this.db = openRegionDatabase(claims.cid, claims.sub, options);
    this.summaries = new BatchedSummaries({
      db: this.db,
      relays,
      token: options.token,
      fetch: options.fetch,
      connect: options.connect,
      refreshMs: options.summaryRefreshMs,
      maxBackoffMs: options.maxBackoffMs,
      onRefused: () => this.checkToken(),
      onStaleDirectory: () => void this.refreshDirectory(),
      onChange: () => {
        this.onDocStatus();
        this.emitDocs();
      },
    });
    if (options.holdCommunityDocs) this.communityGate = new Promise<void>((resolve) => (this.releaseCommunityDocs = resolve));

    const region = this.add(claims.cid, DocKind.region, true);
    this.region = region.synced.doc;
    this.status = this.aggregate();
    this.stopExpiry = watchTokenExpiry(claims.exp, (options.now ?? Date.now), () => this.failToken(OfflineReason.expired));
    this.unwatchNetwork = watchNetwork(options.networkEvents === undefined ? defaultNetworkEvents() : options.networkEvents, { offline: this.onOffline, online: this.onOnline });

    const cached = this.readCachedDirectory();
    const first = cached.then((directory) => {
      if (directory && !this.directory) this.setDirectory(directory);
      const asked = options.connect === false ? Promise.resolve() : this.refreshDirectory();
      // With a directory kept, the session opens from it and the relay's answer follows.
      return directory ? undefined : asked;
    });
    this.whenLoaded = first
      .then(() => Promise.all([region.synced.whenLoaded, ...[...this.open.values()].map((d) => d.synced.whenLoaded), this.summaries.whenLoaded()]))
      .then(() => undefined);
    this.whenOpened = Promise.all([first, region.synced.whenLoaded]).then(() => undefined);
  }

  loadCommunityDocs(): void {
    this.releaseCommunityDocs();
  }

  async readKeptView(communityId: string, kind: TierDoc, key: string): Promise<unknown> {
    const entry = this.open.get(`${communityId}/${kind}`);
    return entry ? ((await entry.synced.store.readView(key))?.value ?? null) : null;
  }

  writeKeptView(communityId: string, kind: TierDoc, key: string, value: unknown): Promise<boolean> {
    const entry = this.open.get(`${communityId}/${kind}`);
    return entry ? entry.synced.store.writeView(key, value) : Promise.resolve(false);
  }

  regionHandle(): SyncedDoc {
    return this.open.get(`${this.claims.cid}/${DocKind.region}`)!.synced;
  }

  readonly getDirectory = (): RegionDirectory | null => this.directory;

  readonly subscribeDocs = (listener: () => void): (() => void) => {
    this.docListeners.add(listener);
    return () => this.docListeners.delete(listener);
  };

  communityDoc(communityId: string, kind: TierDoc): Y.Doc | null {
    if (kind === DocKind.summary) return this.summaries.doc(communityId);
    return this.open.get(`${communityId}/${kind}`)?.synced.doc ?? null;
  }

  isCommunityDocLoaded(communityId: string, kind: TierDoc): boolean {
    if (kind === DocKind.summary) return this.summaries.isLoaded(communityId);
    return this.open.get(`${communityId}/${kind}`)?.loaded ?? false;
  }

  openCommunityDoc(communityId: string, kind: TierDoc): CommunityDocHandle | null {
    if (this.destroyed) throw new Error('openCommunityDoc: the session is closed');
    if (!this.mayOpen(communityId, kind)) return null;
    if (kind === DocKind.summary) return this.openSummary(communityId);
    const entry = this.open.get(`${communityId}/${kind}`) ?? this.add(communityId, kind, false);
    entry.refs += 1;
    this.emitDocs();
    let released = false;
    return {
      communityId,
      kind,
      synced: entry.synced,
      doc: entry.synced.doc,
      release: () => {
        if (released) return;
        released = true;
        entry.refs -= 1;
        if (entry.refs === 0 && !entry.kept) this.close(entry, false);
      },
    };
  }

  openTownshipRegion(townshipId: string): RegionDocHandle | null {
    if (this.destroyed) throw new Error('openTownshipRegion: the session is closed');
    if (this.role !== 'county' || !this.directory?.townships.some((t) => t.id === townshipId)) return null;
    const entry = this.open.get(`${townshipId}/${DocKind.region}`) ?? this.add(townshipId, DocKind.region, false, 'below');
    entry.refs += 1;
    this.emitDocs();
    let released = false;
    return {
      regionId: townshipId,
      doc: entry.synced.doc,
      release: () => {
        if (released) return;
        released = true;
        entry.refs -= 1;
        if (entry.refs === 0 && !entry.kept) this.close(entry, false);
      },
    };
  }

  private openSummary(communityId: string): CommunityDocHandle {
    const held = this.summaryRefs.get(communityId) ?? { refs: 0, kept: false };
    this.summaryRefs.set(communityId, held);
    held.refs += 1;
    void this.summaries.open([communityId]);
    this.onDocStatus();
    this.emitDocs();
    let released = false;
    return {
      communityId,
      kind: DocKind.summary,
      synced: null,
      doc: this.summaries.doc(communityId)!,
      release: () => {
        if (released) return;
        released = true;
        held.refs -= 1;
        if (held.refs === 0 && !held.kept) this.closeSummary(communityId, false);
      },
    };
  }

  private closeSummary(communityId: string, deleteCopy: boolean): void {
    this.summaryRefs.delete(communityId);
    this.summaries.close(communityId, deleteCopy);
  }

  refreshDirectory(): Promise<void> {
    if (this.destroyed || this.tokenFailure) return Promise.resolve();
    this.refreshing ??= fetchRegionDirectory(this.relays, this.options.token, this.options.fetch)
      .then(async (answer) => {
        if (this.destroyed) return;
        if (answer.type === 'refused') this.checkToken();
        if (answer.type !== 'ok' || sameDirectory(answer.directory, this.directory)) return;
        this.setDirectory(answer.directory);
        await this.db.meta.put({ key: DIRECTORY_KEY, value: answer.directory }).catch(() => undefined);
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  readonly getStatus = (): SessionStatus => this.status;

  readonly subscribe = (listener: (status: SessionStatus) => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  whenSynced(): Promise<SessionStatus> {
    return whenSessionSynced(this, () => this.destroyed !== null);
  }

  unsent(): { doc: string; pending: number; update: Uint8Array }[] {
    return [...this.open.entries()].flatMap(([name, d]) => {
      const update = d.synced.unsentUpdate();
      return update ? [{ doc: name, pending: d.synced.status.pending, update }] : [];
    });
  }

  async flush(): Promise<void> {
    await Promise.all([...this.open.values()].map((d) => d.synced.flush()));
  }

  destroy(): Promise<void> {
    if (this.destroyed) return this.destroyed;
    this.stopExpiry();
    this.unwatchNetwork();
    let flushed: Promise<void>[] = [];
    this.batch(() => {
      flushed = [...this.open.values()].map((d) => d.synced.destroy());
    });
    flushed.push(this.summaries.destroy());
    // Held documents' loads (and the flushes that wait for them) end now: they see the store destroyed.
    this.releaseCommunityDocs();
    this.destroyed = Promise.all([...flushed, this.whenLoaded.catch(() => undefined), this.refreshing?.catch(() => undefined)]).then(() => this.db.close());
    this.onDocStatus();
    return this.destroyed;
  }

  /** In the directory and readable by the role: nothing else is ever opened. */
  private mayOpen(communityId: string, kind: TierDoc): boolean {
    if (!this.directory?.communities.some((c) => c.id === communityId)) return false;
    return regionAccess(this.role, kind, 'own') !== 'none';
  }

  private setDirectory(next: RegionDirectory): void {
    this.directory = next;
    const ids = new Set<string>(next.communities.map((c) => c.id));
    const townships = new Set<string>(next.townships.map((t) => t.id));
    this.batch(() => {
      for (const kind of this.kept.filter((k) => k !== DocKind.summary)) for (const c of next.communities) if (!this.open.has(`${c.id}/${kind}`)) this.add(c.id, kind, true);
      if (this.kept.includes(DocKind.summary)) {
        for (const c of next.communities) {
          const held = this.summaryRefs.get(c.id);
          if (held) held.kept = true;
          else this.summaryRefs.set(c.id, { refs: 0, kept: true });
        }
        // Every community's at once: one read from this device, then one request to the relay.
        void this.summaries.open(next.communities.map((c) => c.id));
      }
      for (const id of this.summaries.communities()) if (!ids.has(id)) this.closeSummary(id, true);
      // A community that left the region: its copies go, as a community session purges what its role may no longer read.
      for (const d of [...this.open.values()]) {
        const gone = d.kind === DocKind.region ? d.communityId !== this.claims.cid && !townships.has(d.communityId) : !ids.has(d.communityId);
        if (gone) this.close(d, true);
      }
    });
    this.onDocStatus();
    this.emitDocs();
  }

  private add(communityId: string, kind: TierDoc | typeof DocKind.region, kept: boolean, relation: 'own' | 'below' = 'own'): OpenDoc {
    const name = `${communityId}/${kind}`;
    const access = regionAccess(this.role, kind, relation);
    const synced = new SyncedDoc({
      db: this.db,
      // In one database for many communities the local copy is named by its whole room.
      name,
      room: name,
      kind,
      access: access === 'write' ? 'write' : 'read',
      relays: this.relays,
      token: this.options.token,
      WebSocket: this.WebSocket,
      connect: this.options.connect,
      maxBackoffMs: this.options.maxBackoffMs,
      onConnectFailed: () => this.checkToken(),
      loadAfter: kept && kind !== DocKind.region ? this.communityGate : undefined,
    });
    const entry: OpenDoc = { synced, communityId, kind, refs: 0, kept, loaded: false, unsubscribe: synced.subscribe(this.onDocStatus) };
    void synced.whenContentLoaded.then(() => {
      entry.loaded = true;
      this.emitDocs();
    });
    this.open.set(name, entry);
    if (this.tokenFailure) synced.fail(this.tokenFailure);
    else if (this.networkDown) synced.networkLost();
    this.onDocStatus();
    return entry;
  }

  private close(entry: OpenDoc, deleteCopy: boolean): void {
    const name = `${entry.communityId}/${entry.kind}`;
    if (this.open.get(name) !== entry) return;
    this.open.delete(name);
    entry.unsubscribe();
    const closed = entry.synced.destroy();
    if (deleteCopy) void closed.then(() => deleteLocalDoc(this.db, name)).catch(() => undefined);
    this.onDocStatus();
    this.emitDocs();
  }

  private async readCachedDirectory(): Promise<RegionDirectory | null> {
    try {
      const row = await this.db.meta.get(DIRECTORY_KEY);
      const parsed = RegionDirectorySchema.safeParse(row?.value);
      if (!parsed.success) return null;
      // Copies of communities no longer in the kept directory (left while this device was away).
      // (A county's copies of its townships' region documents stay while the township does.)
      const ids = new Set<string>([...parsed.data.communities.map((c) => c.id), ...parsed.data.townships.map((t) => t.id)]);
      for (const name of await storedDocNames(this.db)) {
        const cid = name.split('/')[0]!;
        if (cid !== this.claims.cid && !ids.has(cid)) await deleteLocalDoc(this.db, name);
      }
      return parsed.data;
    } catch {
      return null;
    }
  }

  private checkToken(): void {
    if (this.tokenFailure || this.destroyed) return;
    void this.probe.check().then((result) => {
      if (result.type === 'refused') this.failToken(result.reason);
    });
  }

  private failToken(reason: OfflineReason): void {
    if (this.tokenFailure || this.destroyed) return;
    this.tokenFailure = reason;
    this.batch(() => {
      for (const d of this.open.values()) d.synced.fail(reason);
      this.summaries.fail(reason);
    });
    this.onDocStatus();
  }

  private readonly onOffline = (): void => {
    if (this.destroyed) return;
    this.networkDown = true;
    this.batch(() => {
      for (const d of this.open.values()) d.synced.networkLost();
      this.summaries.networkLost();
    });
    this.onDocStatus();
  };

  private readonly onOnline = (): void => {
    if (this.destroyed) return;
    this.networkDown = false;
    for (const d of this.open.values()) d.synced.networkRestored();
    this.summaries.networkRestored();
    void this.refreshDirectory();
  };

  private batch(change: () => void): void {
    this.batching += 1;
    try {
      change();
    } finally {
      this.batching -= 1;
    }
  }

  private emitDocs(): void {
    for (const l of this.docListeners) l();
  }

  private readonly onDocStatus = (status?: SyncStatus): void => {
    if (this.batching > 0) return;
    const refused = tokenRefusal(status);
    if (refused) this.failToken(refused);
    const next = this.aggregate();
    if (this.status && sameSessionStatus(next, this.status)) return;
    this.status = next;
    for (const l of this.statusListeners) l(next);
  };

  private aggregate(): SessionStatus {
    const docs: Record<string, SyncStatus> = {};
    for (const [name, d] of this.open) docs[name] = d.synced.status;
    // One request answers for every open summary: they share its status.
    for (const id of this.summaries.communities()) docs[`${id}/${DocKind.summary}`] = this.summaries.status;
    return aggregateStatus(docs);
  }
}
