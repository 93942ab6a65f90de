import type * as Y from 'yjs';
import {
  FIXED_DOCS,
  canRead,
  canWrite,
  minutesDoc,
  parseRoom,
  peekTokenClaims,
  type FixedDoc,
  type TokenClaims,
} from '@lianxin/protocol';
import { compactIfLarge, deleteLocalDoc, openCommunityDatabase, storedDocNames, type CommunityDatabase } from './communityDatabase';
import type { WebSocketClass } from './countingWebSocket';
import { defaultNetworkEvents, watchNetwork } from './networkEvents';
import { relayEndpoints } from './relayEndpoints';
import type { StorageOptions } from './storageOptions';
import { SyncedDoc } from './syncedDoc';
import { OfflineReason, aggregateStatus, isFatal, type SessionStatus, type SyncStatus } from './syncStatus';
import { TokenProbe, type FetchFunction } from './tokenProbe';

export interface CommunitySessionOptions extends StorageOptions {
  /** The relay's base URL, e.g. `http://127.0.0.1:8787` (in a browser: `location.origin`). */
  readonly relayUrl: string;
  /** A token from setup or join; its claims choose the community, person and role. */
  readonly token: string;
  /** The WebSocket class; in Node pass `ws`'s. Default: the global one. */
  readonly WebSocketPolyfill?: WebSocketClass;
  /** Used to ask the relay about the token when sockets keep failing. Default: global fetch. */
  readonly fetch?: FetchFunction;
  /** Connect to the relay once loaded (default true); false keeps the session local. */
  readonly connect?: boolean;
  /** Upper bound of the reconnect back-off in ms (default 2500). */
  readonly maxBackoffMs?: number;
  /** Clock, ms since epoch (tests). */
  readonly now?: () => number;
  /**
   * Where the device's `online`/`offline` events come from. Default: the global object when it
   * is a browser window (has `addEventListener` and `navigator.onLine`); null ignores them.
   */
  readonly networkEvents?: EventTarget | null;
}

/** A minutes document opened with `openMinutes`; call `release()` when done with it. */
export interface MinutesHandle {
  readonly meetingId: string;
  readonly synced: SyncedDoc;
  readonly doc: Y.Doc;
  readonly awareness: SyncedDoc['awareness'];
  /** Idempotent; the document closes when its last handle is released. */
  release(): void;
}

/**
 * The documents of one community that a token's role may read, each kept on this device and
 * synced with the relay, and one status over all of them. Problems become status, never throws
 * (except for bad arguments, which throw at once).
 */
export interface CommunitySession {
  readonly claims: TokenClaims;
  /** The fixed documents, null where this role may not read them. */
  readonly docs: Readonly<Record<FixedDoc, Y.Doc | null>>;
  /** Resolves once every fixed document is loaded from this device (and unreadable copies purged). */
  readonly whenLoaded: Promise<void>;
  /** The SyncedDoc behind a fixed document (awareness, per-document status), or null. */
  handle(doc: FixedDoc): SyncedDoc | null;
  /** Current status; stable identity until something changes (for useSyncExternalStore). */
  getStatus(): SessionStatus;
  subscribe(listener: (status: SessionStatus) => void): () => void;
  /** Opens the minutes of a meeting (reference-counted). Throws for an invalid meeting id. */
  openMinutes(meetingId: string): MinutesHandle;
  /**
   * Resolves with the status once it is synced with nothing pending, or offline for a reason
   * reconnecting cannot fix, or the session was destroyed.
   */
  whenSynced(): Promise<SessionStatus>;
  /** Resolves when everything written so far is committed to IndexedDB. */
  flush(): Promise<void>;
  /** Closes every document and the database; the local copy stays. */
  destroy(): Promise<void>;
}

/** Opens a community for the token's person; documents load from IndexedDB, then connect. */
export function openCommunitySession(options: CommunitySessionOptions): CommunitySession {
  return new Session(options);
}

// Tokens are per person: a refusal of the token stops every document, not only the one that saw it.
/** How long after loading a long stored history is merged (see `compactIfLarge`). */
const COMPACT_DELAY_MS = 1_000;

const TOKEN_REASONS: readonly OfflineReason[] = [OfflineReason.revoked, OfflineReason.expired, OfflineReason.unauthorized];
const MAX_TIMER = 2 ** 31 - 1;

class Session implements CommunitySession {
  readonly claims: TokenClaims;
  readonly docs: Readonly<Record<FixedDoc, Y.Doc | null>>;
  readonly whenLoaded: Promise<void>;
  private readonly db: CommunityDatabase;
  private readonly fixed = new Map<FixedDoc, SyncedDoc>();
  private readonly minutes = new Map<string, { synced: SyncedDoc; refs: number; unsubscribe: () => void }>();
  private readonly listeners = new Set<(status: SessionStatus) => void>();
  private readonly syncUrl: string;
  private readonly probe: TokenProbe;
  private readonly WebSocket: WebSocketClass;
  private readonly now: () => number;
  private status: SessionStatus;
  private tokenFailure: OfflineReason | null = null;
  private expiryTimer: ReturnType<typeof setTimeout> | null = null;
  private compactTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed: Promise<void> | null = null;
  private batching = 0;
  private readonly unwatchNetwork: () => void;
  private networkDown = false;

  constructor(private readonly options: CommunitySessionOptions) {
    const claims = typeof options.token === 'string' ? peekTokenClaims(options.token) : null;
    if (!claims) throw new Error('openCommunitySession: the token is not a readable Lianxin token');
    const endpoints = relayEndpoints(options.relayUrl);
    const WebSocketImpl = options.WebSocketPolyfill ?? globalThis.WebSocket;
    if (!WebSocketImpl) throw new Error('openCommunitySession: no WebSocket here; pass WebSocketPolyfill (in Node, the ws package)');
    this.claims = claims;
    this.syncUrl = endpoints.sync;
    this.WebSocket = WebSocketImpl;
    this.now = options.now ?? Date.now;
    this.probe = new TokenProbe(endpoints.api, options.token, options.fetch);
    this.db = openCommunityDatabase(claims.cid, claims.sub, options);

    const docs = {} as Record<FixedDoc, Y.Doc | null>;
    for (const kind of FIXED_DOCS) {
      if (!canRead(claims.role, kind)) {
        docs[kind] = null;
        continue;
      }
      const synced = this.createDoc(kind, kind);
      synced.subscribe(this.onDocStatus);
      this.fixed.set(kind, synced);
      docs[kind] = synced.doc;
    }
    this.docs = docs;
    this.status = this.aggregate();
    this.armExpiry();
    // Only the events count, not `navigator.onLine` at start: browsers report "offline" for
    // machines with no network interface even when the relay is on the same machine.
    this.unwatchNetwork = watchNetwork(options.networkEvents === undefined ? defaultNetworkEvents() : options.networkEvents, {
      offline: this.onOffline,
      online: this.onOnline,
    });
    this.whenLoaded = Promise.all([...[...this.fixed.values()].map((d) => d.whenLoaded), this.purgeUnreadable()]).then(() => undefined);
    // A long history makes every cold open slow. y-dexie merges it only 10 s after opening, so a
    // short visit never did; shortly after loading (not during the first render) it is merged.
    void this.whenLoaded.then(() => {
      if (!this.destroyed) this.compactTimer = setTimeout(() => void compactIfLarge(this.db).catch(() => undefined), COMPACT_DELAY_MS);
    });
  }

  handle(doc: FixedDoc): SyncedDoc | null {
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
    return new Promise((resolve) => {
      const done = (s: SessionStatus): boolean => (s.type === 'synced' && s.pending === 0) || isFatal(s) || this.destroyed !== null;
      if (done(this.status)) return resolve(this.status);
      const unsubscribe = this.subscribe((s) => {
        if (!done(s)) return;
        unsubscribe();
        resolve(s);
      });
    });
  }

  async flush(): Promise<void> {
    await Promise.all(this.allDocs().map((d) => d.flush()));
  }

  destroy(): Promise<void> {
    if (this.destroyed) return this.destroyed;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.unwatchNetwork();
    let flushed: Promise<void>[] = [];
    this.batch(() => {
      flushed = this.allDocs().map((d) => d.destroy());
    });
    this.destroyed = Promise.all([...flushed, this.whenLoaded.catch(() => undefined)]).then(() => this.db.close());
    this.onDocStatus();
    return this.destroyed;
  }

  private createDoc(name: string, kind: FixedDoc | 'minutes'): SyncedDoc {
    const synced = new SyncedDoc({
      db: this.db,
      communityId: this.claims.cid,
      name,
      kind,
      access: canWrite(this.claims.role, kind) ? 'write' : 'read',
      syncUrl: this.syncUrl,
      token: this.options.token,
      WebSocket: this.WebSocket,
      connect: this.options.connect,
      maxBackoffMs: this.options.maxBackoffMs,
      onConnectFailed: () => this.checkToken(),
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

  private armExpiry(): void {
    const left = this.claims.exp * 1000 - this.now();
    if (left <= 0) {
      this.failToken(OfflineReason.expired);
      return;
    }
    this.expiryTimer = setTimeout(() => this.armExpiry(), Math.min(left, MAX_TIMER));
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
    if (status && status.type === 'offline' && TOKEN_REASONS.includes(status.reason)) this.failToken(status.reason);
    const next = this.aggregate();
    if (sameSession(next, this.status)) return;
    this.status = next;
    for (const l of this.listeners) l(next);
  };

  private aggregate(): SessionStatus {
    const docs: Record<string, SyncStatus> = {};
    for (const [kind, d] of this.fixed) docs[kind] = d.status;
    for (const [id, m] of this.minutes) docs[minutesDoc(id)] = m.synced.status;
    return aggregateStatus(docs);
  }
}

function sameSession(a: SessionStatus, b: SessionStatus): boolean {
  const ka = Object.keys(a.docs);
  const kb = Object.keys(b.docs);
  if (ka.length !== kb.length || ka.some((k) => a.docs[k] !== b.docs[k])) return false;
  return a.type === b.type && a.pending === b.pending && a.refused === b.refused && (a.type !== 'offline' || (b.type === 'offline' && a.reason === b.reason && a.closeCode === b.closeCode));
}
