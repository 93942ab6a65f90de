import type * as Y from 'yjs';
import { COMMUNITY_DOCS, FIXED_DOCS, canRead, canWrite, minutesDoc, parseRoom, peekTokenClaims, type CommunityDoc, type TokenClaims } from '@lianxin/protocol';
import { deleteLocalDoc, openCommunityDatabase, storedDocNames, type CommunityDatabase } from './communityDatabase';
import type { CommunitySession, CommunitySessionOptions, MinutesHandle } from './communitySessionTypes';
import type { WebSocketClass } from './countingWebSocket';
import { defaultNetworkEvents, watchNetwork } from './networkEvents';
import { RelayChoice, relaysOf } from './relayChoice';
import { SyncedDoc } from './syncedDoc';
import { OfflineReason, aggregateStatus, sameSessionStatus, type SessionStatus, type SyncStatus } from './syncStatus';
import { tokenRefusal, watchTokenExpiry, whenSessionSynced } from './sessionToken';
import { TokenProbe } from './tokenProbe';

export type { CommunitySession, CommunitySessionOptions, MinutesHandle } from './communitySessionTypes';

/** Opens a community for the token's person; documents load from IndexedDB, then connect. */
export function openCommunitySession(options: CommunitySessionOptions): CommunitySession {
  return new Session(options);
}

/** Resolves at the next idle moment (at most 500 ms later; a timer where there is no requestIdleCallback). */
function afterIdle(): Promise<void> {
  const g = globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number };
  return new Promise((resolve) => (g.requestIdleCallback ? g.requestIdleCallback(() => resolve(), { timeout: 500 }) : setTimeout(resolve, 0)));
}

class Session implements CommunitySession {
  readonly claims: TokenClaims;
  readonly docs: Readonly<Record<CommunityDoc, Y.Doc | null>>;
  readonly whenLoaded: Promise<void>;
  private readonly db: CommunityDatabase;
  private readonly fixed = new Map<CommunityDoc, SyncedDoc>();
  /** Readable documents not opened yet, with what opens each (starts its load). */
  private readonly closed = new Map<CommunityDoc, () => void>();
  private readonly minutes = new Map<string, { synced: SyncedDoc; refs: number; unsubscribe: () => void }>();
  private readonly listeners = new Set<(status: SessionStatus) => void>();
  private readonly relays: RelayChoice;
  private readonly probe: TokenProbe;
  private readonly WebSocket: WebSocketClass;
  private readonly now: () => number;
  private status: SessionStatus;
  private tokenFailure: OfflineReason | null = null;
  private stopExpiry: () => void = () => undefined;
  private destroyed: Promise<void> | null = null;
  private batching = 0;
  private readonly unwatchNetwork: () => void;
  private networkDown = false;

  constructor(private readonly options: CommunitySessionOptions) {
    const claims = typeof options.token === 'string' ? peekTokenClaims(options.token) : null;
    if (!claims) throw new Error('openCommunitySession: the token is not a readable Lianxin token');
    const relays = new RelayChoice(relaysOf(options, 'openCommunitySession'));
    const WebSocketImpl = options.WebSocketPolyfill ?? globalThis.WebSocket;
    if (!WebSocketImpl) throw new Error('openCommunitySession: no WebSocket here; pass WebSocketPolyfill (in Node, the ws package)');
    this.claims = claims;
    this.relays = relays;
    this.WebSocket = WebSocketImpl;
    this.now = options.now ?? Date.now;
    this.probe = new TokenProbe(relays, options.token, options.fetch);
    this.db = openCommunityDatabase(claims.cid, claims.sub, options);

    const docs = {} as Record<CommunityDoc, Y.Doc | null>;
    const readable = COMMUNITY_DOCS.filter((kind) => canRead(claims.role, kind));
    // Opened now: the route's documents (default every readable one with a fixed name; the
    // documents facing the township only when asked for). The others wait for `ensureOpen`: a
    // member's route does not load a 3 MB work history it does not show.
    const openNow = options.open ? readable.filter((k) => options.open!.includes(k)) : readable.filter((k) => (FIXED_DOCS as readonly string[]).includes(k));
    const first = openNow.filter((kind) => options.loadFirst?.includes(kind));
    let firstLoaded: Promise<unknown> | undefined;
    for (const kind of COMMUNITY_DOCS) docs[kind] = null;
    for (const kind of [...first, ...readable.filter((k) => !first.includes(k))]) {
      let gate: Promise<unknown> | undefined;
      if (!openNow.includes(kind)) {
        let open!: () => void;
        gate = new Promise<void>((resolve) => (open = resolve));
        this.closed.set(kind, open);
      } else if (first.length > 0 && !first.includes(kind)) {
        // The rest wait for the first ones and then for an idle moment: their reads and applies
        // would compete with loading and rendering the page that needs only the first ones.
        gate = firstLoaded ??= Promise.all(first.map((k) => this.fixed.get(k)!.whenContentLoaded)).then(afterIdle);
      }
      const synced = this.createDoc(kind, kind, gate);
      synced.subscribe(this.onDocStatus);
      this.fixed.set(kind, synced);
      docs[kind] = synced.doc;
    }
    this.docs = Object.fromEntries(COMMUNITY_DOCS.map((k) => [k, docs[k]])) as Record<CommunityDoc, Y.Doc | null>;
    this.status = this.aggregate();
    this.stopExpiry = watchTokenExpiry(claims.exp, this.now, () => this.failToken(OfflineReason.expired));
    // Only the events count, not `navigator.onLine` at start: browsers report "offline" for
    // machines with no network interface even when the relay is on the same machine.
    this.unwatchNetwork = watchNetwork(options.networkEvents === undefined ? defaultNetworkEvents() : options.networkEvents, {
      offline: this.onOffline,
      online: this.onOnline,
    });
    this.whenLoaded = Promise.all([...openNow.map((k) => this.fixed.get(k)!.whenLoaded), this.purgeUnreadable()]).then(() => undefined);
    for (const kind of openNow) options.onOpen?.(kind);
    void this.openUnsent();
  }

  isOpen(kind: CommunityDoc): boolean {
    return this.fixed.has(kind) && !this.closed.has(kind);
  }

  ensureOpen(kinds: readonly CommunityDoc[]): void {
    if (this.destroyed) return;
    let opened = false;
    for (const kind of kinds) {
      const open = this.closed.get(kind);
      if (!open) continue;
      this.closed.delete(kind);
      open();
      opened = true;
      this.options.onOpen?.(kind);
    }
    if (opened) this.onDocStatus();
  }

  /**
   * A document not shown but holding changes of an earlier run the relay has not confirmed is
   * opened anyway, once the route's own documents are in: its changes are sent, and counted in
   * the status and in a revoked device's handover.
   */
  private async openUnsent(): Promise<void> {
    if (this.closed.size === 0) return;
    try {
      const rows = await this.db.pending.toArray();
      const unsent = [...this.closed.keys()].filter((kind) => rows.some((r) => r.doc === kind && r.count > 0));
      if (unsent.length === 0) return;
      await this.whenLoaded;
      await afterIdle();
      this.ensureOpen(unsent);
    } catch {
      // Unreadable counts: the document opens when a page shows it, as any other.
    }
  }

  relayUrl(): string {
    return this.relays.current().url;
  }

  handle(doc: CommunityDoc): SyncedDoc | null {
    return this.fixed.get(doc) ?? null;
  }

  readonly getStatus = (): SessionStatus => this.status;

  readonly subscribe = (listener: (status: SessionStatus) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  openMinutes(meetingId: string): MinutesHandle {
    const name = minutesDoc(meetingId);
    if (this.destroyed) throw new Error('openMinutes: the session is closed');
    let entry = this.minutes.get(meetingId);
    if (!entry) {
      const synced = this.createDoc(name, 'minutes');
      entry = { synced, refs: 0, unsubscribe: synced.subscribe(this.onDocStatus) };
      this.minutes.set(meetingId, entry);
      this.onDocStatus();
    }
    entry.refs += 1;
    const opened = entry;
    let released = false;
    return {
      meetingId,
      synced: opened.synced,
      doc: opened.synced.doc,
      awareness: opened.synced.awareness,
      release: () => {
        if (released) return;
        released = true;
        opened.refs -= 1;
        if (opened.refs === 0 && this.minutes.get(meetingId) === opened) {
          this.minutes.delete(meetingId);
          opened.unsubscribe();
          void opened.synced.destroy();
          this.onDocStatus();
        }
      },
    };
  }

  whenSynced(): Promise<SessionStatus> {
    return whenSessionSynced(this, () => this.destroyed !== null);
  }

  async flush(): Promise<void> {
    await Promise.all(this.allDocs().map((d) => d.flush()));
  }

  destroy(): Promise<void> {
    if (this.destroyed) return this.destroyed;
    this.stopExpiry();
    this.unwatchNetwork();
    let flushed: Promise<void>[] = [];
    // Documents never opened are only freed: their load stays unstarted, so a closed (or
    // deleted, after a revocation) database is not opened again by it.
    const never = new Set(this.closed.keys());
    this.closed.clear();
    this.batch(() => {
      flushed = [...this.fixed].filter(([kind]) => !never.has(kind)).map(([, d]) => d.destroy());
      for (const kind of never) this.fixed.get(kind)!.discard();
      flushed.push(...[...this.minutes.values()].map((m) => m.synced.destroy()));
    });
    this.destroyed = Promise.all([...flushed, this.whenLoaded.catch(() => undefined)]).then(() => this.db.close());
    this.onDocStatus();
    return this.destroyed;
  }

  private createDoc(name: string, kind: CommunityDoc | 'minutes', loadAfter?: Promise<unknown>): SyncedDoc {
    const synced = new SyncedDoc({
      db: this.db,
      name,
      room: `${this.claims.cid}/${name}`,
      kind,
      access: canWrite(this.claims.role, kind) ? 'write' : 'read',
      relays: this.relays,
      token: this.options.token,
      WebSocket: this.WebSocket,
      connect: this.options.connect,
      maxBackoffMs: this.options.maxBackoffMs,
      onConnectFailed: () => this.checkToken(),
      loadAfter,
    });
    if (this.tokenFailure) synced.fail(this.tokenFailure);
    else if (this.networkDown) synced.networkLost();
    return synced;
  }

  private allDocs(): SyncedDoc[] {
    return [...this.fixed.values(), ...[...this.minutes.values()].map((m) => m.synced)];
  }

  /** A socket failed before opening: a refused upgrade looks the same as a relay that is down. */
  private checkToken(): void {
    if (this.tokenFailure || this.destroyed) return;
    void this.probe.check().then((result) => {
      if (result.type === 'refused') this.failToken(result.reason);
    });
  }

  private readonly onOffline = (): void => {
    if (this.destroyed) return;
    this.networkDown = true;
    this.batch(() => {
      for (const d of this.allDocs()) d.networkLost();
    });
    this.onDocStatus();
  };

  private readonly onOnline = (): void => {
    if (this.destroyed) return;
    this.networkDown = false;
    for (const d of this.allDocs()) d.networkRestored();
  };

  private failToken(reason: OfflineReason): void {
    if (this.tokenFailure || this.destroyed) return;
    this.tokenFailure = reason;
    this.batch(() => {
      for (const d of this.allDocs()) d.fail(reason);
    });
    this.onDocStatus();
  }

  /** Runs `change` with document notifications held back, so listeners see one final status. */
  private batch(change: () => void): void {
    this.batching += 1;
    try {
      change();
    } finally {
      this.batching -= 1;
    }
  }

  /** Deletes local copies of documents this role may no longer read (e.g. after a role change). */
  private async purgeUnreadable(): Promise<void> {
    try {
      const names = await storedDocNames(this.db);
      for (const name of names) {
        const room = parseRoom(`${this.claims.cid}/${name}`);
        if (!room || !canRead(this.claims.role, room.kind)) await deleteLocalDoc(this.db, name);
      }
    } catch {
      // The next session tries again; nothing depends on it now.
    }
  }

  private readonly onDocStatus = (status?: SyncStatus): void => {
    if (this.batching > 0) return;
    const refused = tokenRefusal(status);
    if (refused) this.failToken(refused);
    const next = this.aggregate();
    if (sameSessionStatus(next, this.status)) return;
    this.status = next;
    for (const l of this.listeners) l(next);
  };

  private aggregate(): SessionStatus {
    const docs: Record<string, SyncStatus> = {};
    // Documents not open have nothing to sync and nothing unsent: they do not hold "synced" back.
    for (const [kind, d] of this.fixed) if (!this.closed.has(kind)) docs[kind] = d.status;
    for (const [id, m] of this.minutes) docs[minutesDoc(id)] = m.synced.status;
    return aggregateStatus(docs);
  }
}
