import * as random from 'lib0/random';
import { Awareness } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { FATAL_CLOSE_CODES, type DocKind } from '@lianxin/protocol';
import { flushWrites, savePendingCount, takePendingCounts, type CommunityDatabase } from './communityDatabase';
import { INITIAL_PHASE, nextPhase, type ConnectionEvent, type ConnectionPhase } from './connectionPhase';
import type { WebSocketClass } from './countingWebSocket';
import { LocalDocStore } from './localDocStore';
import { PendingTracker } from './pendingTracker';
import type { RelayChoice } from './relayChoice';
import { createRelayProvider } from './relayProvider';
import { OfflineReason, sameStatus, type SyncStatus } from './syncStatus';

export type DocAccess = 'read' | 'write';

export interface SyncedDocOptions {
  readonly db: CommunityDatabase;
  /** `roster`, `minutes/<meetingId>`, …: the local copy's name in `db`. */
  readonly name: string;
  /** The room on the relay, `<communityId>/<doc>`. */
  readonly room: string;
  readonly kind: DocKind;
  /** What the token may do; local changes to a `read` document are counted as refused. */
  readonly access: DocAccess;
  /** The session's relays (each socket goes to the current one). */
  readonly relays: RelayChoice;
  readonly token: string;
  readonly WebSocket: WebSocketClass;
  /** Connect once loaded (default true). */
  readonly connect?: boolean;
  /** Upper bound of the reconnect back-off, ms (y-websocket's default is 2500). */
  readonly maxBackoffMs?: number;
  /** Called when a socket closed without ever opening (the session then asks about the token). */
  readonly onConnectFailed?: (doc: SyncedDoc) => void;
  /** Loading from IndexedDB starts when this resolves (default: at once). */
  readonly loadAfter?: Promise<unknown>;
}

/**
 * One document: its Y.Doc persisted on this device (`LocalDocStore`, y-dexie's format), and one
 * relay connection through the stock y-websocket provider, with the `stored` acknowledgement and
 * permission messages handled and a status. Loads from IndexedDB before it connects.
 *
 * Nothing listens to the document's updates until it is loaded (the provider is created then):
 * a listener would make Yjs encode the whole stored content once more as an update event.
 *
 * Origins: the provider applies relay updates with itself as origin, the local store applies
 * stored ones with itself; every other transaction is a local change.
 */
export class SyncedDoc {
  readonly name: string;
  readonly kind: DocKind;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** Resolves once the local copy is loaded (also when loading failed: see `loadError`) and its pending count restored. */
  readonly whenLoaded: Promise<void>;
  /** Resolves once the local copy's content is in the document (before `whenLoaded`): a page may show it. */
  readonly whenContentLoaded: Promise<void>;
  /** Why the local copy could not be loaded or written, if it could not. */
  loadError: unknown = null;
  /** State vector of the relay's stored document, from its last `stored` message. */
  relayStateVector: Uint8Array | null = null;
  /** The relay's last permission-denied reason on this document. */
  deniedReason: string | null = null;

  private accessNow: DocAccess;
  private provider: WebsocketProvider | null = null;
  readonly store: LocalDocStore;
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
    this.doc = new Y.Doc();
    this.store = new LocalDocStore(this.db, this.name, this.doc, {
      startAfter: options.loadAfter,
      onError: (error) => {
        this.loadError ??= error;
      },
    });
    this.current = this.compute();
    this.tracker.subscribe(this.onPendingChanged);
    this.awareness = new Awareness(this.doc);
    // The relay drops awareness from read-only connections; not publishing any avoids the denial.
    if (options.access === 'read') this.awareness.setLocalState(null);

    this.whenContentLoaded = this.store.whenLoaded
      .catch((error: unknown) => {
        // Still sync from the relay: the document works, it is just not kept on this device.
        if (!this.destroyed) this.loadError ??= error;
      })
      .then(() => this.contentLoaded());
    // After the content: the takeover's write transaction must not delay the document's read.
    const restore = this.whenContentLoaded
      .then(() => takePendingCounts(this.db, this.name, this.run))
      .then(
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
    this.whenLoaded = restore.then(() => this.loaded());
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
    this.provider?.disconnect();
  }

  /** The network is back: connect at once rather than after the back-off delay. */
  networkRestored(): void {
    if (!this.networkDown) return;
    this.networkDown = false;
    // Not loaded yet: `loaded()` connects.
    if (this.destroyed || !this.restoredAndLoaded || this.options.connect === false) return;
    if (this.phase.type === 'offline' && this.phase.reason !== OfflineReason.network) return; // fatal or stopped meanwhile
    this.provider?.connect();
  }

  /** Stops reconnecting for a reason reconnecting cannot fix (revoked, expired, …). */
  fail(reason: OfflineReason): void {
    if (this.destroyed) return;
    this.apply({ type: 'fatal', reason });
    this.provider?.disconnect();
  }

  /**
   * The local changes the relay has not confirmed, as one Yjs update against the relay's last
   * confirmed state (the whole document when it never confirmed one); null when none are pending.
   * What a revoked device hands over before its copy is removed.
   */
  unsentUpdate(): Uint8Array | null {
    if (this.tracker.count === 0) return null;
    return Y.encodeStateAsUpdate(this.doc, this.relayStateVector ?? undefined);
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
    this.provider?.destroy();
    this.awareness.destroy();
    this.doc.off('update', this.onUpdate);
    // The store issued each update's write synchronously, so destroying the doc now loses nothing.
    this.store.destroy();
    this.doc.destroy();
    this.destroyed = this.flush().catch(() => undefined);
    return this.destroyed;
  }

  /**
   * Frees a document whose load never started (the session never opened it): nothing of it was
   * loaded, counted or written, so nothing is flushed and the database is not touched again.
   */
  discard(): void {
    if (this.destroyed) return;
    this.destroyed = Promise.resolve();
    this.apply({ type: 'stopped' });
    this.awareness.destroy();
    this.store.destroy();
    this.doc.destroy();
  }

  private contentLoaded(): void {
    if (this.destroyed) return;
    // Registered before the provider's own update listener, so a change is recorded before the
    // provider sends the frame that carries it.
    this.doc.on('update', this.onUpdate);
    this.doc.on('afterAllTransactions', this.onTransactionsDone);
    this.provider = this.createProvider();
  }

  private loaded(): void {
    this.restoredAndLoaded = true;
    if (this.destroyed || !this.provider || this.networkDown) return;
    if (this.phase.type === 'offline' && this.phase.reason !== OfflineReason.network) return;
    if (this.options.connect === false) this.apply({ type: 'stopped' });
    else this.provider.connect();
  }

  private createProvider(): WebsocketProvider {
    return createRelayProvider(this.options, this.doc, this.awareness, {
      frameSent: (socket, data) => this.tracker.frameSent(socket, data),
      stored: (socket, stored) => {
        this.relayStateVector = stored.stateVector;
        this.tracker.stored(socket, stored.count);
      },
      permissionDenied: (reason) => this.permissionDenied(reason),
      connecting: () => {
        this.opened = false;
        this.apply({ type: 'socketConnecting' });
      },
      connected: () => {
        this.opened = true;
        this.apply({ type: 'socketOpen' });
      },
      synced: () => this.apply({ type: 'handshakeDone' }),
      closed: (code) => {
        const opened = this.opened;
        this.opened = false;
        this.apply({ type: 'socketClosed', code, opened });
        if (code !== null && !opened && !FATAL_CLOSE_CODES.includes(code)) this.options.onConnectFailed?.(this);
      },
    });
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
