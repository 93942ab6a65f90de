import type * as Y from 'yjs';
import type { CommunityDoc, TokenClaims } from '@lianxin/protocol';
import type { WebSocketClass } from './countingWebSocket';
import type { StorageOptions } from './storageOptions';
import type { SyncedDoc } from './syncedDoc';
import type { SessionStatus } from './syncStatus';
import type { FetchFunction } from './tokenProbe';

export interface CommunitySessionOptions extends StorageOptions {
  /** The relay's base URL, e.g. `http://127.0.0.1:8787` (in a browser: `location.origin`). Or `relayUrls`. */
  readonly relayUrl?: string;
  /**
   * Several processes of one relay service, tried in this order: the session stays on one while
   * it works and moves to the next (round robin) when it cannot be reached. Instead of `relayUrl`.
   */
  readonly relayUrls?: readonly string[];
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
  /**
   * Documents to load first (what the page being opened shows); the others start loading once
   * these are loaded, so the page does not wait for documents it does not show. Default: all at once.
   */
  readonly loadFirst?: readonly CommunityDoc[];
  /**
   * Documents to open now (load from this device, then sync): what the route shows. The other
   * readable ones open on `ensureOpen`, or by themselves when this device holds changes of
   * theirs the relay has not confirmed. Default: every readable document with a fixed name (the
   * ones facing the township, `escalations` and `summary`, open only when asked for).
   */
  readonly open?: readonly CommunityDoc[];
  /** Told of each document as it is opened (loads and syncs). */
  readonly onOpen?: (kind: CommunityDoc) => void;
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
  /** The documents with a fixed name (with `escalations` and `summary`), null where this role may not read them. */
  readonly docs: Readonly<Record<CommunityDoc, Y.Doc | null>>;
  /** Resolves once every fixed document opened at the start is loaded from this device (and unreadable copies purged). */
  readonly whenLoaded: Promise<void>;
  /**
   * The SyncedDoc behind a fixed document (awareness, per-document status), or null. A document
   * not open yet has one too: empty, not loading, not syncing, and outside the status.
   */
  handle(doc: CommunityDoc): SyncedDoc | null;
  /** The base URL of the relay the session uses now (its documents' sockets and its HTTP calls). */
  relayUrl(): string;
  /** Whether a readable document has been opened (its load started). */
  isOpen(doc: CommunityDoc): boolean;
  /** Opens these documents if they are not open yet (those the role may not read are ignored). */
  ensureOpen(docs: readonly CommunityDoc[]): void;
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
