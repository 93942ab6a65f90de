import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import {
  CloseCode,
  MessageType,
  encodeAwarenessMessage as awarenessMessage,
  encodeSyncMessage as syncMessage,
  SyncStep,
  encodePermissionDenied,
  type Room,
} from '@lianxin/protocol';
import type { Logger } from '../logger';
import type { RelayMetrics } from '../metrics';
import type { CpuBudgetConfig, RelayLimits } from '../config';
import type { StoredDocument } from '../store/Store';
import type { Connection } from './Connection';
import type { WriteEntry } from './writeBatcher';
import { filterAwareness } from './filterAwareness';
import { encodeStateVectorBytes, storedMessageWith } from './storedMessage';
import { checkUpdate, type UpdateShape } from './checkUpdate';
import { CpuBudget } from './cpuBudget';
import { deepestNewType } from './nestingDepth';
import { flattenAppendedText } from './flattenAppendedText';
import { ANONYMOUS_AUTHOR } from './Identity';
import { ProtocolViolation, isEmptyUpdate, sameState } from './wire';
import { SeqTracker } from './SeqTracker';


/**
 * CPU ms charged per structure an update adds, on top of the time measured while applying it: the
 * objects it leaves in memory cost the garbage collector later, outside any measured span (in the
 * abuse bench's profiles the collector took 2–7 µs per structure of a heavy update).
 */
export const GC_MS_PER_STRUCT = 0.004;

/** Transaction origin for state read from the store. */
export const LOADED = Symbol('loaded-from-store');
/** Transaction and awareness origin for what another relay process sent over the bus. */
export const FROM_BUS = Symbol('from-bus');

/** What a room needs from the registry that owns it. */
export interface RoomContext {
  readonly limits: RelayLimits;
  readonly cpuBudget: CpuBudgetConfig;
  readonly log: Logger;
  readonly metrics: RelayMetrics;
  enqueue(entry: WriteEntry): void;
  /** False while the store cannot write (a full disk): updates are refused before they are applied. */
  storeWritable(): boolean;
  close(conn: Connection, code: number, reason: string): void;
  /** The in-memory doc holds what must not stay (a refused update was applied): drop it, reload from the store. */
  discard(room: DocRoom, reason: string): void;
  /** True when other relay processes write the same documents (a bus): seqs are tracked for gaps. */
  readonly shared: boolean;
  /** Tells the other processes an awareness change made here. */
  publishAwareness(room: DocRoom, update: Uint8Array): void;
}

/**
 * A loaded document: its Y.Doc (stored state applied before anyone is answered), awareness and
 * connections. Accepted updates are applied at once, stored by the write batcher, and only then
 * broadcast and acknowledged.
 */
export class DocRoom {
  readonly doc = new Y.Doc();
  readonly awareness: Awareness;
  readonly connections = new Set<Connection>();
  /** Bumps whenever the document changes (for ETags). */
  version = 0;
  /** Updates handed to the batcher and not yet written. */
  uncommitted = 0;
  uncommittedBytes = 0;
  /** Highest stored seq of this document. */
  lastSeq: number;
  /** With other processes writing this document: which seqs the doc holds (null: this process only). */
  readonly seqs: SeqTracker | null;
  /** Log since the last snapshot. */
  logCount: number;
  /** A lower bound of the seq of this document's oldest unfolded update; 0 when there is none. */
  firstUnfoldedSeq: number;
  logBytes: number;
  snapshotBytes: number;
  idleSince: number | null = Date.now();
  compacting = false;
  destroyed = false;
  private lastApplyChanged = false;
  /** While a connection's update is applied: the deepest nesting it added (`deepestNewType`). */
  private measuringDepth = false;
  private lastDepth = 0;
  /** Upper bound of the structures in the doc (`maxDocumentStructs`); recounted when it nears the cap. */
  structEstimate: number;
  /** CPU time this document may still take (its updates and compactions). */
  readonly budget: CpuBudget;
  /** `stored`'s state vector bytes, valid while `version` equals `storedVersion` */
  private storedVector: Uint8Array | null = null;
  private storedVersion = -1;
  /** the batch that last touched this room (the batcher's per-batch bookkeeping, without a Map) */
  batchStamp = 0;
  /** sync step 1 answers waiting for uncommitted updates, so nobody receives unstored content */
  private deferredAnswers: (() => void)[] = [];

  constructor(
    readonly room: Room,
    stored: StoredDocument,
    private readonly ctx: RoomContext,
  ) {
    this.lastSeq = stored.lastSeq;
    this.seqs = ctx.shared ? new SeqTracker(stored.lastSeq) : null;
    this.logCount = stored.updates.length;
    this.firstUnfoldedSeq = stored.updates[0]?.seq ?? 0;
    this.logBytes = stored.updates.reduce((n, u) => n + u.update.byteLength, 0);
    this.snapshotBytes = stored.snapshot?.byteLength ?? 0;
    this.doc.on('afterTransactionCleanup', (tr: Y.Transaction) => flattenAppendedText(this.doc, tr));
    Y.transact(
      this.doc,
      () => {
        const all = stored.snapshot ? [stored.snapshot, ...stored.updates.map((u) => u.update)] : stored.updates.map((u) => u.update);
        for (const update of all) {
          try {
            Y.applyUpdate(this.doc, update, LOADED);
          } catch (error) {
            // Only validated updates are stored, so this means the file was damaged.
            ctx.log.error({ room: room.name, err: error }, 'skipping a stored update that does not apply');
          }
        }
      },
      LOADED,
    );
    this.structEstimate = this.countStructs();
    this.budget = new CpuBudget(ctx.cpuBudget.documentMsPerSecond, ctx.cpuBudget.documentBurstMs);
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (this.measuringDepth) this.lastDepth = deepestNewType(this.doc, tr, ctx.limits.maxDepth);
      this.lastApplyChanged = tr.deleteSet.clients.size > 0 || !sameState(tr.beforeState, tr.afterState);
      if (this.lastApplyChanged) this.version += 1;
    });
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const changed = added.concat(updated, removed);
      if (changed.length === 0) return;
      const message = awarenessMessage(encodeAwarenessUpdate(this.awareness, changed));
      for (const c of this.connections) if (c !== origin) c.send(message);
      // Changes from this process's clients (and their disconnections) go to the other processes;
      // timeouts happen in every process by itself.
      if (ctx.shared && origin !== FROM_BUS && origin !== 'timeout') ctx.publishAwareness(this, encodeAwarenessUpdate(this.awareness, changed));
    });
  }

  /** Structures held in memory (integrated ones: merged runs count once). */
  countStructs(): number {
    let n = 0;
    for (const structs of this.doc.store.clients.values()) n += structs.length;
    return n;
  }

  get name(): string {
    return this.room.name;
  }

  /** Upper bound of the stored size: snapshot + log + what is being written. */
  get sizeEstimate(): number {
    return this.snapshotBytes + this.logBytes + this.uncommittedBytes;
  }

  join(conn: Connection): void {
    this.connections.add(conn);
    conn.room = this;
    this.idleSince = null;
    // y-websocket: the server opens with its own sync step 1 and the current awareness.
    conn.send(syncMessage(SyncStep.step1, Y.encodeStateVector(this.doc)));
    if (this.awareness.getStates().size > 0) {
      conn.send(awarenessMessage(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
    }
  }

  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    if (conn.awarenessClientId !== null && this.awareness.getStates().has(conn.awarenessClientId)) {
      removeAwarenessStates(this.awareness, [conn.awarenessClientId], 'disconnected');
    }
    if (this.connections.size === 0) this.idleSince = Date.now();
  }

  /** Handles one binary message; throws ProtocolViolation for what must close the connection. */
  handle(conn: Connection, data: Uint8Array): void {
    let decoder: decoding.Decoder;
    let type: number;
    try {
      decoder = decoding.createDecoder(data);
      type = decoding.readVarUint(decoder);
    } catch {
      throw new ProtocolViolation(CloseCode.malformed, 'empty or unreadable message');
    }
    switch (type) {
      case MessageType.sync:
        return this.handleSync(conn, data, decoder);
      case MessageType.awareness: {
        let update: Uint8Array;
        try {
          update = decoding.readVarUint8Array(decoder);
        } catch {
          throw new ProtocolViolation(CloseCode.malformed, 'truncated awareness message');
        }
        return this.handleAwareness(conn, update);
      }
      case MessageType.queryAwareness:
        conn.send(awarenessMessage(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
        return;
      case MessageType.auth:
        // Only the relay speaks auth; a client's auth message carries nothing to act on.
        return;
      default:
        throw new ProtocolViolation(CloseCode.malformed, `unknown message type ${type}`);
    }
  }

  private handleSync(conn: Connection, data: Uint8Array, decoder: decoding.Decoder): void {
    let step: number;
    let payload: Uint8Array;
    try {
      step = decoding.readVarUint(decoder);
      payload = decoding.readVarUint8Array(decoder);
    } catch {
      throw new ProtocolViolation(CloseCode.malformed, 'truncated sync message');
    }
    if (step === SyncStep.step1) {
      try {
        Y.decodeStateVector(payload);
      } catch {
        throw new ProtocolViolation(CloseCode.malformed, 'unreadable state vector');
      }
      const answer = (): void => {
        if (conn.closed || this.destroyed) return;
        conn.send(syncMessage(SyncStep.step2, Y.encodeStateAsUpdate(this.doc, payload)));
      };
      if (this.uncommitted > 0) this.deferredAnswers.push(answer);
      else answer();
      return;
    }
    if (step !== SyncStep.step2 && step !== SyncStep.update) throw new ProtocolViolation(CloseCode.malformed, `unknown sync step ${step}`);
    conn.updatesReceived += 1;
    const count = conn.updatesReceived;
    if (!conn.canWrite) {
      if (isEmptyUpdate(payload)) {
        this.ctx.enqueue({ room: this, doc: this.room.name, conn, count, update: null, author: ANONYMOUS_AUTHOR, time: Date.now(), broadcast: null });
        return;
      }
      this.deny(conn, 'update');
      return;
    }
    this.acceptUpdate(conn, count, payload, step === SyncStep.update && decoder.pos === data.length ? data : null);
  }

  private acceptUpdate(conn: Connection, count: number, update: Uint8Array, original: Uint8Array | null): void {
    const author = conn.identity.person ?? ANONYMOUS_AUTHOR;
    if (isEmptyUpdate(update)) {
      this.ctx.enqueue({ room: this, doc: this.room.name, conn, count, update: null, author, time: Date.now(), broadcast: null });
      return;
    }
    // Refused before it touches the document, so readers of this room keep their connections.
    if (!this.ctx.storeWritable()) throw new ProtocolViolation(CloseCode.storeFailed, 'store cannot write; retry later');
    if (this.sizeEstimate + update.byteLength > this.ctx.limits.maxDocument) {
      // The estimate counts history; measure the real size before refusing.
      const exact = Y.encodeStateAsUpdate(this.doc).byteLength + this.uncommittedBytes;
      if (exact + update.byteLength > this.ctx.limits.maxDocument) {
        throw new ProtocolViolation(CloseCode.documentTooLarge, `document would exceed ${this.ctx.limits.maxDocument} bytes`);
      }
    }
    let shape: UpdateShape;
    try {
      // Walking everything first means a garbage update is refused before it touches the doc:
      // applyUpdate integrates structs before it reads the delete set.
      shape = checkUpdate(update);
    } catch {
      throw new ProtocolViolation(CloseCode.malformed, 'update does not decode');
    }
    this.refuseOverCaps(shape);
    const pendingBefore = this.doc.store.pendingStructs?.update;
    const pendingDsBefore = this.doc.store.pendingDs;
    this.lastApplyChanged = false;
    this.lastDepth = 0;
    this.measuringDepth = true;
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch (error) {
      this.ctx.log.error({ room: this.name, conn: conn.id, err: error }, 'a decodable update failed to apply');
      // It may have integrated part of itself before it threw: nothing of it may stay.
      this.ctx.close(conn, CloseCode.malformed, 'update does not apply');
      this.ctx.discard(this, 'an update failed to apply');
      return;
    } finally {
      this.measuringDepth = false;
    }
    if (this.lastDepth > this.ctx.limits.maxDepth) {
      // Known only once integrated (a type's parent may come through its neighbour's origin): it
      // is in memory, not stored; the document reloads from the store without it.
      this.ctx.close(conn, CloseCode.tooComplex, `nesting deeper than ${this.ctx.limits.maxDepth}`);
      this.ctx.discard(this, 'an update nested too deep');
      return;
    }
    this.structEstimate += shape.structs;
    const deferred = shape.structs * GC_MS_PER_STRUCT;
    conn.budget.spend(deferred);
    this.budget.spend(deferred);
    const addedPending = this.doc.store.pendingStructs?.update !== pendingBefore || this.doc.store.pendingDs !== pendingDsBefore;
    if (!this.lastApplyChanged && !addedPending) {
      this.ctx.enqueue({ room: this, doc: this.room.name, conn, count, update: null, author, time: Date.now(), broadcast: null });
      return;
    }
    this.ctx.enqueue({ room: this, doc: this.room.name, conn, count, update, author, time: Date.now(), broadcast: original ?? syncMessage(SyncStep.update, update) });
  }

  /** 4422 for an update over the per-update caps, 4507 for one that would pass the document's. */
  private refuseOverCaps(shape: UpdateShape): void {
    const { maxUpdateStructs, maxUpdateClients, maxDocumentStructs } = this.ctx.limits;
    if (shape.structs > maxUpdateStructs) throw new ProtocolViolation(CloseCode.tooComplex, `update has ${shape.structs} structures (cap ${maxUpdateStructs})`);
    if (shape.clients > maxUpdateClients) throw new ProtocolViolation(CloseCode.tooComplex, `update has ${shape.clients} writing clients (cap ${maxUpdateClients})`);
    if (this.structEstimate + shape.structs > maxDocumentStructs) {
      this.structEstimate = this.countStructs();
      if (this.structEstimate + shape.structs > maxDocumentStructs) {
        throw new ProtocolViolation(CloseCode.documentTooLarge, `document would exceed ${maxDocumentStructs} structures`);
      }
    }
  }

  private handleAwareness(conn: Connection, update: Uint8Array): void {
    if (!conn.canWrite) {
      this.deny(conn, 'awareness');
      return;
    }
    let filtered: ReturnType<typeof filterAwareness>;
    try {
      filtered = filterAwareness(update, conn.awarenessClientId);
    } catch {
      throw new ProtocolViolation(CloseCode.malformed, 'unreadable awareness update');
    }
    if (filtered.clientId !== null) conn.awarenessClientId = filtered.clientId;
    if (filtered.dropped > 0) this.ctx.metrics.permissionDenied.inc({ kind: 'awareness-client' }, filtered.dropped);
    if (!filtered.update) return;
    try {
      applyAwarenessUpdate(this.awareness, filtered.update, conn);
    } catch {
      throw new ProtocolViolation(CloseCode.malformed, 'awareness state is not JSON');
    }
  }

  private deny(conn: Connection, kind: 'update' | 'awareness'): void {
    this.ctx.metrics.permissionDenied.inc({ kind });
    if (conn.firstDenial(kind)) conn.send(encodePermissionDenied(`read-only: ${kind} dropped`));
  }

  /** Called by the batcher for a stored update. */
  noteStored(seq: number, bytes: number): void {
    if (this.seqs && !this.seqs.add(seq)) return;
    if (seq > this.lastSeq) this.lastSeq = seq;
    if (this.logCount === 0) this.firstUnfoldedSeq = seq;
    this.logCount += 1;
    this.logBytes += bytes;
  }

  /**
   * The highest seq a snapshot of the doc now certainly contains: with other processes writing,
   * only the seqs held without a hole (an update stored elsewhere may not have arrived yet).
   */
  get foldableSeq(): number {
    return this.seqs ? this.seqs.held : this.lastSeq;
  }

  /** An update another process stored (seq known to be new here): applied and sent to every client. */
  applyRemote(update: Uint8Array, seq: number): void {
    Y.applyUpdate(this.doc, update, FROM_BUS);
    this.noteStored(seq, update.byteLength);
    const message = syncMessage(SyncStep.update, update);
    for (const c of this.connections) c.send(message);
  }

  /** What the store had that this doc lacked (a gap): applied, the difference sent to every client. */
  applyCaughtUp(stored: StoredDocument): void {
    const before = Y.encodeStateVector(this.doc);
    Y.transact(
      this.doc,
      () => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, FROM_BUS);
        for (const u of stored.updates) Y.applyUpdate(this.doc, u.update, FROM_BUS);
      },
      FROM_BUS,
    );
    for (const u of stored.updates) this.noteStored(u.seq, u.update.byteLength);
    this.seqs?.advanceTo(stored.lastSeq);
    if (stored.lastSeq > this.lastSeq) this.lastSeq = stored.lastSeq;
    const diff = Y.encodeStateAsUpdate(this.doc, before);
    if (isEmptyUpdate(diff)) return;
    const message = syncMessage(SyncStep.update, diff);
    for (const c of this.connections) c.send(message);
  }

  /** The `stored` message for `count`: the state vector part is encoded once per document version. */
  storedFor(count: number): Uint8Array {
    if (this.storedVersion !== this.version || this.storedVector === null) {
      this.storedVector = encodeStateVectorBytes(this.doc);
      this.storedVersion = this.version;
    }
    return storedMessageWith(this.storedVector, count);
  }

  /** After a batch is stored: answers held back while this document had updates in flight. */
  afterStored(): void {
    if (this.uncommitted === 0 && this.deferredAnswers.length > 0) this.runDeferred();
  }

  runDeferred(): void {
    const answers = this.deferredAnswers;
    this.deferredAnswers = [];
    for (const a of answers) a();
  }

  /** Closes every connection (e.g. after a store failure or at shutdown) and frees the doc. */
  destroy(code: number, reason: string): void {
    this.destroyed = true;
    for (const c of [...this.connections]) this.ctx.close(c, code, reason);
    this.deferredAnswers = [];
    this.awareness.destroy();
    this.doc.destroy();
  }
}
