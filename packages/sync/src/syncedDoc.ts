import * as decoding from 'lib0/decoding';
import * as random from 'lib0/random';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { DexieYProvider } from 'y-dexie';
import { AUTH_PERMISSION_DENIED, FATAL_CLOSE_CODES, MessageType, readStored, type DocKind } from '@lianxin/protocol';
import { flushWrites, localDocument, savePendingCount, takePendingCounts, type CommunityDatabase } from './communityDatabase';
import { INITIAL_PHASE, nextPhase, type ConnectionEvent, type ConnectionPhase } from './connectionPhase';
import { countingWebSocket, type WebSocketClass } from './countingWebSocket';
import { PendingTracker } from './pendingTracker';
import { OfflineReason, sameStatus, type SyncStatus } from './syncStatus';

export type DocAccess = 'read' | 'write';

export interface SyncedDocOptions {
  readonly db: CommunityDatabase;
  readonly communityId: string;
  /** `roster`, `minutes/<meetingId>`, …: the room name is `<communityId>/<name>`. */
  readonly name: string;
  readonly kind: DocKind;
  /** What the token may do; local changes to a `read` document are counted as refused. */
  readonly access: DocAccess;
  /** `ws(s)://host/sync` */
  readonly syncUrl: string;
  readonly token: string;
  readonly WebSocket: WebSocketClass;
  /** Connect once loaded (default true). */
  readonly connect?: boolean;
  /** Upper bound of the reconnect back-off, ms (y-websocket's default is 2500). */
  readonly maxBackoffMs?: number;
  /** Called when a socket closed without ever opening (the session then asks about the token). */
  readonly onConnectFailed?: (doc: SyncedDoc) => void;
}

/**
 * One document: its Y.Doc persisted on this device through y-dexie, and one relay connection
 * through the stock y-websocket provider, with the `stored` acknowledgement and permission
 * messages handled and a status. Loads from IndexedDB before it connects.
 *
 * Origins: the provider applies relay updates with itself as origin, y-dexie applies stored
 * ones with its DexieYProvider; every other transaction is a local change.
 */
export class SyncedDoc {
  readonly name: string;
  readonly kind: DocKind;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** Resolves once the local copy is loaded (also when loading failed: see `loadError`). */
  readonly whenLoaded: Promise<void>;
  /** Why the local copy could not be loaded or written, if it could not. */
  loadError: unknown = null;
  /** State vector of the relay's stored document, from its last `stored` message. */
  relayStateVector: Uint8Array | null = null;
  /** The relay's last permission-denied reason on this document. */
  deniedReason: string | null = null;

  private accessNow: DocAccess;
  private readonly provider: WebsocketProvider;
  private readonly store: DexieYProvider;
  private readonly tracker = new PendingTracker();
  private readonly run = random.uuidv4();
  private readonly db: CommunityDatabase;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private phase: ConnectionPhase = INITIAL_PHASE;
  private refused = 0;
  private opened = false;
  private destroyed: Promise<void> | null = null;
  /** Earlier runs' counts are taken over: from now on this run's count is written on each change. */
  private restored = false;
  private lastWrite: Promise<unknown> = Promise.resolve();
  private restoredAndLoaded = false;
  private networkDown = false;
  private current: SyncStatus;

  constructor(private readonly options: SyncedDocOptions) {
    this.name = options.name;
    this.kind = options.kind;
    this.db = options.db;
    this.accessNow = options.access;
    const local = localDocument(this.db, this.name);
    this.doc = local.doc;
    this.store = local.store;
    this.current = this.compute();

    // Registered before the provider's own update listener, so a change is recorded before the
    // provider sends the frame that carries it.
    this.doc.on('update', this.onUpdate);
    this.doc.on('afterAllTransactions', this.onTransactionsDone);
    this.tracker.subscribe(this.onPendingChanged);

    this.awareness = new Awareness(this.doc);
    // The relay drops awareness from read-only connections; not publishing any avoids the denial.
    if (options.access === 'read') this.awareness.setLocalState(null);
    this.provider = new WebsocketProvider(options.syncUrl, `${options.communityId}/${options.name}`, this.doc, {
      connect: false,
      awareness: this.awareness,
      params: { token: options.token },
      WebSocketPolyfill: countingWebSocket(options.WebSocket, (socket, data) => this.tracker.frameSent(socket, data)),
      // Cross-tab sync already happens through IndexedDB (y-dexie); a BroadcastChannel would also
      // let updates bypass the relay, and the pending count with it.
      disableBc: true,
      maxBackoffTime: options.maxBackoffMs ?? 2_500,
      // PROTOCOL.md: only expired, revoked and unknown room are final; y-websocket's default
      // would also give up on 4413/4429/4400.
      shouldReconnect: (event) => !FATAL_CLOSE_CODES.includes(event.code),
    });
    // Unreadable bytes from the relay are ignored rather than thrown out of the socket's
    // message handler: at worst a change stays counted as pending.
    this.provider.messageHandlers[MessageType.stored] = (_encoder, decoder, provider) => {
      let stored: ReturnType<typeof readStored>;
      try {
        stored = readStored(decoder);
      } catch {
        return;
      }
      this.relayStateVector = stored.stateVector;
      if (provider.ws) this.tracker.stored(provider.ws, stored.count);
    };
    // Replaces y-websocket's own auth handler, which logs the URL, and so the token.
    this.provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
      try {
        if (decoding.readVarUint(decoder) === AUTH_PERMISSION_DENIED) this.permissionDenied(decoding.readVarString(decoder));
      } catch {
        // not a permission message we can read
      }
    };
    this.provider.on('status', ({ status }) => {
      if (status === 'connecting') {
        this.opened = false;
        this.apply({ type: 'socketConnecting' });
      } else if (status === 'connected') {
        this.opened = true;
        this.apply({ type: 'socketOpen' });
      }
    });
    this.provider.on('sync', (synced) => {
      if (synced) this.apply({ type: 'handshakeDone' });
    });
    this.provider.on('connection-close', (event) => {
      const opened = this.opened;
      this.opened = false;
      this.apply({ type: 'socketClosed', code: event ? event.code : null, opened });
      if (event && !opened && !FATAL_CLOSE_CODES.includes(event.code)) this.options.onConnectFailed?.(this);
    });

    const restore = takePendingCounts(this.db, this.name, this.run).then(
      (n) => {
        this.restored = true;
        this.tracker.restore(n);
        // Changes made while the takeover ran are in the count only now.
        void this.persistCount();
      },
      (error: unknown) => {
        this.loadError ??= error;
      },
    );
    this.whenLoaded = Promise.all([
      local.rowWritten,
      this.store.whenLoaded.catch((error: unknown) => {
        // Still sync from the relay: the document works, it is just not kept on this device.
        if (!this.destroyed) this.loadError ??= error;
      }),
      restore,
    ]).then(
      () => this.loaded(),
      (error: unknown) => {
        this.loadError ??= error;
        this.loaded();
      },
    );
  }

  get access(): DocAccess {
    return this.accessNow;
  }

  get status(): SyncStatus {
    return this.current;
  }

  /** Listens to status changes; returns the unsubscribe function. */
  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The device lost its network: close the socket and wait for `networkRestored`. */
  networkLost(): void {
    if (this.destroyed || this.options.connect === false) return;
    this.networkDown = true;
    this.apply({ type: 'networkLost' });
    this.provider.disconnect();
  }

  /** The network is back: connect at once rather than after the back-off delay. */
  networkRestored(): void {
    if (!this.networkDown) return;
    this.networkDown = false;
    // Not loaded yet: `loaded()` connects.
    if (this.destroyed || !this.restoredAndLoaded || this.options.connect === false) return;
    if (this.phase.type === 'offline' && this.phase.reason !== OfflineReason.network) return; // fatal or stopped meanwhile
    this.provider.connect();
  }

  /** Stops reconnecting for a reason reconnecting cannot fix (revoked, expired, …). */
  fail(reason: OfflineReason): void {
    if (this.destroyed) return;
    this.apply({ type: 'fatal', reason });
    this.provider.disconnect();
  }

  /** Resolves when every change made so far is written to IndexedDB. */
  async flush(): Promise<void> {
    // The count can only be written once the earlier runs' counts were taken over.
    await this.whenLoaded;
    await this.persistCount();
    await flushWrites(this.db);
  }

  /**
   * Disconnects and frees the Y.Doc (its local copy stays). The returned promise resolves once
   * everything it wrote is committed, so the database may be closed after it.
   */
  destroy(): Promise<void> {
    if (this.destroyed) return this.destroyed;
    // Stopped first: the close the provider reports next must not read as "unreachable".
    this.apply({ type: 'stopped' });
    this.provider.destroy();
    this.awareness.destroy();
    this.doc.off('update', this.onUpdate);
    // y-dexie issued each update's write synchronously, so destroying the doc now loses nothing.
    this.doc.destroy();
    this.destroyed = this.flush().catch(() => undefined);
    return this.destroyed;
  }

  private loaded(): void {
    this.restoredAndLoaded = true;
    if (this.destroyed || this.networkDown) return;
    if (this.phase.type === 'offline' && this.phase.reason !== OfflineReason.network) return;
    if (this.options.connect === false) this.apply({ type: 'stopped' });
    else this.provider.connect();
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider || origin === this.store) return;
    if (this.accessNow === 'write') {
      this.tracker.localChange();
    } else {
      this.refused += 1;
      this.emit();
    }
  };

  private readonly onTransactionsDone = (): void => this.tracker.endOfTransaction();

  private readonly onPendingChanged = (): void => {
    this.emit();
    if (this.restored) void this.persistCount();
  };

  /** The relay treats this connection as read-only: nothing pending will ever be stored. */
  private permissionDenied(reason: string): void {
    this.deniedReason = reason;
    if (this.accessNow === 'write') this.accessNow = 'read';
    const n = this.tracker.takeAll();
    this.refused += n;
    this.emit();
  }

  /**
   * Writes this run's unconfirmed count now (no coalescing: the write must be issued before
   * y-dexie's write of the same change, see `savePendingCount`). IndexedDB applies the writes
   * in the order they were issued, so the latest count wins.
   */
  private persistCount(): Promise<unknown> {
    if (!this.restored || this.db.hasBeenClosed()) return this.lastWrite;
    this.lastWrite = savePendingCount(this.db, this.name, this.run, this.tracker.count).catch((error: unknown) => {
      this.loadError ??= error;
    });
    return this.lastWrite;
  }

  private apply(event: ConnectionEvent): void {
    this.phase = nextPhase(this.phase, event);
    this.emit();
  }

  private compute(): SyncStatus {
    const pending = this.tracker.count;
    const refused = this.refused;
    const phase = this.phase;
    if (phase.type !== 'offline') return { type: phase.type, pending, refused };
    return phase.closeCode === undefined ? { type: 'offline', pending, refused, reason: phase.reason } : { type: 'offline', pending, refused, reason: phase.reason, closeCode: phase.closeCode };
  }

  private emit(): void {
    const next = this.compute();
    if (sameStatus(next, this.current)) return;
    this.current = next;
    for (const l of this.listeners) l(next);
  }
}
