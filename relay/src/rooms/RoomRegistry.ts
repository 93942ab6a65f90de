import { CloseCode, type Access, type Room } from '@lianxin/protocol';
import type { RelayConfig } from '../config';
import type { Logger } from '../logger';
import type { RelayMetrics } from '../metrics';
import type { Store } from '../store/Store';
import { Connection, type AckTiming, type RelaySocket } from './Connection';
import { DocRoom, type RoomContext } from './DocRoom';
import { EMPTY_AWARENESS, ProtocolViolation } from './wire';
import type { Identity } from './Identity';
import { WriteBatcher, type WriteEntry } from './writeBatcher';
import { Compactor } from './Compactor';
import { CpuBudget, cpuMsSince } from './cpuBudget';
import type { Bus, BusUpdate } from '../bus/Bus';
import { createLocalBus } from '../bus/localBus';
import { BusFollower } from './BusFollower';

export interface RoomRegistryDeps {
  readonly store: Store;
  readonly config: RelayConfig;
  readonly log: Logger;
  readonly metrics: RelayMetrics;
  /** fan-out to other relay processes (default: none, this process only) */
  readonly bus?: Bus;
}

/**
 * Every loaded document and every connection. Loads documents on demand (stored state first),
 * writes through one batcher, compacts long logs, unloads idle documents, and runs the periodic
 * sweep: expiry, revocations written by other processes, keep-alives and pings.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, DocRoom>();
  private readonly loading = new Map<string, Promise<DocRoom>>();
  private readonly connections = new Set<Connection>();
  private readonly byToken = new Map<string, Set<Connection>>();
  private readonly batcher: WriteBatcher;
  private readonly context: RoomContext;
  private readonly compactor: Compactor;
  private readonly ackTiming: AckTiming;
  private timer: NodeJS.Timeout | null = null;
  private revocationCursor = 0;
  private polling = false;
  private shuttingDown = false;
  private batchStamp = 0;
  readonly bus: Bus;
  private readonly follower: BusFollower;

  constructor(private readonly deps: RoomRegistryDeps) {
    const bus = (this.bus = deps.bus ?? createLocalBus());
    this.follower = new BusFollower({
      bus,
      store: deps.store,
      log: deps.log,
      room: (doc) => this.rooms.get(doc) ?? null,
      rooms: () => [...this.rooms.values()],
      revoked: (tokenId) => {
        const n = this.closeToken(tokenId, CloseCode.revoked, 'token revoked');
        if (n > 0) deps.log.info({ tokenId, connections: n }, 'revoked on another process: connections closed');
      },
    });
    this.ackTiming = { intervalMs: deps.config.ackMs, quietMs: deps.config.ackQuietMs };
    const { store, metrics, config, log } = deps;
    this.compactor = new Compactor(store, config, log, metrics);
    this.batcher = new WriteBatcher(store, metrics, {
      committed: (batch) => this.committed(batch),
      durable: (batch) => this.acknowledge(batch),
      failed: (batch, error) => this.failed(batch, error),
    });
    this.context = {
      limits: config.limits,
      cpuBudget: config.cpuBudget,
      log,
      metrics,
      enqueue: (entry) => this.batcher.enqueue(entry),
      storeWritable: () => store.writeState().writable,
      close: (conn, code, reason) => this.close(conn, code, reason),
      discard: (room, reason) => {
        log.warn({ room: room.name, reason }, 'reloading a document from the store');
        this.unload(room, CloseCode.goingAway, 'document reloaded');
      },
      shared: bus.kind !== 'local',
      publishAwareness: (room, update) => bus.publishAwareness(room.name, update),
    };
    metrics.addGauge('lianxin_connections', 'Open WebSocket connections', () => this.connections.size);
    metrics.addGauge('lianxin_documents_loaded', 'Documents loaded in memory', () => this.rooms.size);
    metrics.addGauge('lianxin_store_writes_pending', 'Updates waiting to be written', () => this.batcher.pending);
    metrics.addGauge('lianxin_store_writable', '1 while the store can write, 0 while it cannot (e.g. a full disk; /healthz says why)', () => (store.writeState().writable ? 1 : 0));
    metrics.addGauge('lianxin_bus_up', '1 while the bus to other relay processes is connected (always 1 without one)', () => (bus.health().state === 'ok' ? 1 : 0));
    metrics.addGauge('lianxin_bus_updates_received_total', 'Updates other processes published for documents loaded here', () => this.follower.received, 'counter');
    metrics.addGauge('lianxin_bus_catch_ups_total', 'Documents caught up from the store after the bus lost something (a seq gap, a reconnection)', () => this.follower.catchUps, 'counter');
    metrics.addGauge('lianxin_store_write_failures_total', 'Store writes the disk refused (journal, database, fsync)', () => store.writeState().failures, 'counter');
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  /** Starts the sweep. Reads the revocation cursor first so old revocations are not replayed. */
  async start(): Promise<void> {
    this.revocationCursor = (await this.deps.store.revocationsSince(0)).cursor;
    await this.bus.start(this.follower);
    this.timer = setInterval(() => this.sweep(), this.deps.config.sweepMs);
    this.timer.unref();
  }

  /** The loaded room, or null. */
  peek(name: string): DocRoom | null {
    return this.rooms.get(name) ?? null;
  }

  /** Loads a document (once, however many ask at the same time). */
  async load(room: Room): Promise<DocRoom> {
    for (;;) {
      const loaded = this.rooms.get(room.name);
      if (loaded && !loaded.destroyed) return loaded;
      let pending = this.loading.get(room.name);
      if (!pending) {
        const shared = this.context.shared;
        // Followed before it is loaded: whatever another process publishes after the load is read.
        pending = this.bus.follow(room.name).then(() => this.deps.store.loadDocument(room.name)).then((stored) => {
          const r = new DocRoom(room, stored, this.context);
          if (shared) this.bus.publishAwarenessQuery(room.name);
          this.rooms.set(room.name, r);
          this.deps.log.debug({ room: room.name, updates: stored.updates.length, snapshotBytes: r.snapshotBytes }, 'document loaded');
          if (this.compactor.due(r)) this.compactor.request(r);
          return r;
        });
        this.loading.set(room.name, pending);
        pending.then(
          () => this.loading.delete(room.name),
          () => {
            this.loading.delete(room.name);
            this.bus.unfollow(room.name);
          },
        );
      }
      const r = await pending;
      if (!r.destroyed) return r;
    }
  }

  /** Accepts an authenticated socket for a room; the document loads in the background. */
  open(socket: RelaySocket, identity: Identity, room: Room, access: Access, maxFrame: number): Connection {
    const { metrics, config } = this.deps;
    const conn = new Connection(
      socket,
      identity,
      room.name,
      access,
      { maxFrame, messagesPerSecond: config.limits.messagesPerSecond, messageBurst: config.limits.messageBurst },
      (bytes) => {
        metrics.messagesOut.inc();
        metrics.bytesOut.inc(undefined, bytes);
      },
      new CpuBudget(config.cpuBudget.connectionMsPerSecond, config.cpuBudget.connectionBurstMs),
    );
    this.connections.add(conn);
    if (identity.tokenId) {
      let set = this.byToken.get(identity.tokenId);
      if (!set) this.byToken.set(identity.tokenId, (set = new Set()));
      set.add(conn);
    }
    metrics.connectionsOpened.inc();
    this.load(room).then(
      (r) => {
        if (conn.closed) return;
        r.join(conn);
        for (const message of conn.early.splice(0)) {
          if (conn.closed) break;
          this.dispatch(conn, message);
        }
      },
      (error: unknown) => {
        this.deps.log.error({ room: room.name, err: error }, 'could not load document');
        this.close(conn, CloseCode.storeFailed, 'could not load document');
      },
    );
    return conn;
  }

  /** One binary message from a connection. */
  receive(conn: Connection, data: Uint8Array): void {
    if (conn.closed) return;
    this.deps.metrics.messagesIn.inc();
    this.deps.metrics.bytesIn.inc(undefined, data.byteLength);
    if (data.byteLength > conn.limits.maxFrame) return this.close(conn, CloseCode.frameTooLarge, 'frame too large');
    const now = performance.now();
    if (!conn.bucket.take(1, now)) return this.close(conn, CloseCode.rateLimited, 'too many messages');
    if (!conn.byteBucket.take(data.byteLength, now)) return this.close(conn, CloseCode.rateLimited, 'too many bytes');
    if (!conn.room) {
      conn.early.push(data);
      return;
    }
    this.dispatch(conn, data);
  }

  /**
   * Handles one message and charges the time it took to the connection's CPU budget, and an
   * update's time also to the document's (a reconnecting writer gets a fresh connection budget,
   * not a fresh document one). Once a budget is spent, the next message it covers closes the
   * connection with 4430 before any of its work is done. Sync step 1 (a join's encode) is not
   * charged to the document: a crowd joining must not refuse its writers.
   */
  private dispatch(conn: Connection, data: Uint8Array): void {
    const room = conn.room;
    if (!room) return;
    const started = performance.now();
    const cpu = process.cpuUsage();
    const update = data[0] === 0 && data[1] !== 0;
    if (!conn.budget.available(started)) return this.close(conn, CloseCode.cpuBudget, 'cpu budget exceeded (connection)');
    if (update && !room.budget.available(started)) return this.close(conn, CloseCode.cpuBudget, 'cpu budget exceeded (document)');
    try {
      room.handle(conn, data);
    } catch (error) {
      if (error instanceof ProtocolViolation) return this.close(conn, error.code, error.message);
      this.deps.log.error({ conn: conn.id, room: conn.roomName, err: error }, 'unexpected error handling a message');
      this.close(conn, CloseCode.malformed, 'message could not be handled');
    } finally {
      const spent = cpuMsSince(cpu);
      conn.budget.spend(spent);
      if (update) room.budget.spend(spent);
    }
  }

  /** The relay closes a connection with a code (logged, counted). */
  close(conn: Connection, code: number, reason: string): void {
    if (conn.closed) return;
    // What is stored is confirmed before the close, so the client does not resend it.
    conn.flushAck();
    conn.closed = true;
    const level = code === CloseCode.goingAway ? 'debug' : 'warn';
    this.deps.log[level]({ conn: conn.id, room: conn.roomName, role: conn.identity.role, tokenId: conn.identity.tokenId, closeCode: code, reason }, 'closing connection');
    this.deps.metrics.connectionsClosed.inc({ code: String(code) });
    this.detach(conn);
    try {
      conn.socket.close(code, reason);
    } catch {
      conn.socket.terminate();
    }
  }

  /** The peer closed (or the socket failed). */
  closedByPeer(conn: Connection): void {
    if (conn.closed) return;
    conn.dropAck();
    conn.closed = true;
    this.detach(conn);
  }

  /** A token was revoked here: its connections close on this process now, and on the others through the bus. */
  revokeToken(tokenId: string): number {
    this.bus.publishRevoked(tokenId);
    return this.closeToken(tokenId, CloseCode.revoked, 'token revoked');
  }

  /** Closes every open connection of a token (revocation: 4403). */
  closeToken(tokenId: string, code: number, reason: string): number {
    const set = this.byToken.get(tokenId);
    if (!set) return 0;
    const conns = [...set];
    for (const c of conns) this.close(c, code, reason);
    return conns.length;
  }

  private detach(conn: Connection): void {
    this.connections.delete(conn);
    if (conn.identity.tokenId) {
      const set = this.byToken.get(conn.identity.tokenId);
      set?.delete(conn);
      if (set && set.size === 0) this.byToken.delete(conn.identity.tokenId);
    }
    conn.room?.leave(conn);
  }

  /**
   * A batch is written: broadcast every entry in arrival order, then release held-back answers
   * and compact. Its senders are confirmed once it is durable (`acknowledge`). No per-batch Map:
   * rooms are marked with the batch's stamp.
   */
  private committed(batch: readonly WriteEntry[]): void {
    const stamp = ++this.batchStamp;
    const touched: DocRoom[] = [];
    for (const e of batch) {
      const room = e.room;
      if (room.destroyed) continue;
      if (room.batchStamp !== stamp) {
        room.batchStamp = stamp;
        touched.push(room);
      }
      const message = e.broadcast;
      if (message) for (const c of room.connections) if (c !== e.conn) c.send(message);
    }
    for (const room of touched) {
      room.afterStored();
      if (this.compactor.due(room)) this.compactor.request(room);
    }
  }

  /** A batch is on disk: confirm each sender's highest count (`Connection.stored`: at once, or held until the writer pauses). */
  private acknowledge(batch: readonly WriteEntry[]): void {
    const { ackTiming } = this;
    if (this.context.shared) this.publish(batch);
    for (let i = batch.length - 1; i >= 0; i--) {
      const { room, conn, count } = batch[i] as WriteEntry;
      if (!room.destroyed) conn.stored(count, ackTiming);
    }
  }

  /** Durable updates go to the other processes; a seq this process stored may leave a hole to watch. */
  private publish(batch: readonly WriteEntry[]): void {
    const out: BusUpdate[] = [];
    for (const e of batch) {
      if (e.update === null || e.seq === undefined) continue;
      out.push({ doc: e.doc, seq: e.seq, update: e.update, author: e.author });
      if (!e.room.destroyed) this.follower.watchGap(e.room);
    }
    this.bus.publishUpdates(out);
  }

  private failed(batch: readonly WriteEntry[], error: unknown): void {
    const rooms = new Set(batch.map((e) => e.room));
    this.deps.log.error({ err: error, rooms: [...rooms].map((r) => r.name), updates: batch.length }, 'store write failed; closing the affected documents');
    // The in-memory docs now hold updates the store does not: drop them, clients resend.
    for (const room of rooms) this.unload(room, CloseCode.storeFailed, 'store failed; retry');
  }

  private unload(room: DocRoom, code: number, reason: string): void {
    if (this.rooms.get(room.name) === room) {
      this.rooms.delete(room.name);
      this.bus.unfollow(room.name);
    }
    this.follower.forget(room);
    room.destroy(code, reason);
  }

  private sweep(): void {
    const now = Date.now();
    const nowSeconds = now / 1000;
    const { keepaliveMs, pingMs, idleMs } = this.deps.config;
    for (const conn of [...this.connections]) {
      if (conn.identity.expiresAt !== null && conn.identity.expiresAt <= nowSeconds) {
        this.close(conn, CloseCode.expired, 'token expired');
        continue;
      }
      if (conn.pingDue(now, pingMs)) {
        if (!conn.alive) {
          this.deps.log.info({ conn: conn.id, room: conn.roomName }, 'peer missed a ping; dropping it');
          this.closedByPeer(conn);
          conn.socket.terminate();
          continue;
        }
        conn.alive = false;
        conn.socket.ping();
      }
      if (conn.room && now - conn.lastSentAt >= keepaliveMs) conn.send(EMPTY_AWARENESS);
    }
    for (const room of [...this.rooms.values()]) {
      if (room.connections.size === 0 && room.idleSince !== null && now - room.idleSince >= idleMs && room.uncommitted === 0) void this.evict(room);
      // A document written long ago and not since would otherwise hold the store's log back.
      else if (this.compactor.due(room)) this.compactor.request(room);
    }
    void this.pollRevocations();
  }

  private async evict(room: DocRoom): Promise<void> {
    if (room.logCount > 0) await this.compactor.compact(room);
    // Re-check: someone may have connected while the snapshot was written.
    if (room.connections.size > 0 || room.uncommitted > 0 || room.destroyed || room.idleSince === null) return;
    if (room.logCount > 0) return; // compaction failed; keep it loaded and try again later
    this.unload(room, CloseCode.goingAway, 'unloaded');
    this.deps.metrics.evictions.inc();
    this.deps.log.debug({ room: room.name }, 'document unloaded');
  }

  /** Closes connections of tokens revoked by anyone (API or another process, e.g. the CLI). */
  async pollRevocations(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const { cursor, tokenIds } = await this.deps.store.revocationsSince(this.revocationCursor);
      this.revocationCursor = cursor;
      for (const id of tokenIds) {
        const n = this.closeToken(id, CloseCode.revoked, 'token revoked');
        if (n > 0) this.deps.log.info({ tokenId: id, connections: n }, 'revoked token: connections closed');
      }
    } catch (error) {
      this.deps.log.error({ err: error }, 'could not read revocations');
    } finally {
      this.polling = false;
    }
  }

  /** Writes everything accepted so far. */
  flush(): Promise<void> {
    return this.batcher.drain();
  }

  /** Closes every connection with 1001, stores what was accepted, snapshots and unloads. */
  async shutdown(): Promise<void> {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    if (this.timer) clearInterval(this.timer);
    for (const conn of [...this.connections]) this.close(conn, CloseCode.goingAway, 'relay shutting down');
    await this.batcher.drain();
    await this.compactor.idle();
    for (const room of [...this.rooms.values()]) {
      if (room.logCount > 0) await this.compactor.compact(room);
      this.unload(room, CloseCode.goingAway, 'relay shutting down');
    }
    await this.bus.close();
  }
}
