import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { Bus, BusHandlers, BusUpdate } from '../bus/Bus';
import type { Logger } from '../logger';
import type { DocumentLog } from '../store/DocumentLog';
import { FROM_BUS, type DocRoom } from './DocRoom';

/**
 * How long a hole in a document's seqs may stay open before the process loads what is missing
 * from the store. Updates of one document reach a process in publish order, not seq order, so a
 * hole usually fills by itself within a few milliseconds; one that stays means a lost message.
 */
export const GAP_GRACE_MS = 300;

export interface FollowerDeps {
  readonly bus: Bus;
  readonly store: DocumentLog;
  readonly log: Logger;
  /** the loaded room of a document, or null */
  room(doc: string): DocRoom | null;
  rooms(): Iterable<DocRoom>;
  /** closes a revoked token's connections here */
  revoked(tokenId: string): void;
}

/**
 * Applies what other relay processes publish to the documents loaded here, and catches a document
 * up from the store when the bus lost something (a hole in its seqs that does not fill, a head
 * beyond what it holds, the bus coming back after an outage).
 */
export class BusFollower implements BusHandlers {
  private readonly catchingUp = new Map<DocRoom, Promise<void>>();
  private readonly gapTimers = new Map<DocRoom, NodeJS.Timeout>();
  /** counters for /metrics */
  received = 0;
  catchUps = 0;

  constructor(private readonly deps: FollowerDeps) {}

  update({ doc, seq, update }: BusUpdate): void {
    const room = this.deps.room(doc);
    if (!room || room.destroyed || !room.seqs) return;
    this.received += 1;
    if (room.seqs.has(seq)) return;
    try {
      room.applyRemote(update, seq);
    } catch (error) {
      this.deps.log.error({ room: doc, seq, err: error }, 'an update from the bus does not apply; loading the document from the store');
      return void this.catchUp(room);
    }
    this.watchGap(room);
  }

  head(doc: string, seq: number): void {
    const room = this.deps.room(doc);
    if (room?.seqs && !room.destroyed && seq > room.seqs.held) void this.catchUp(room);
  }

  awareness(doc: string, update: Uint8Array): void {
    const room = this.deps.room(doc);
    if (!room || room.destroyed) return;
    try {
      applyAwarenessUpdate(room.awareness, update, FROM_BUS);
    } catch (error) {
      this.deps.log.warn({ room: doc, err: error }, 'an awareness update from the bus does not decode');
    }
  }

  /** Another process loaded the document: it hears the states of this process's clients now, not at their next renewal. */
  awarenessQuery(doc: string): void {
    const room = this.deps.room(doc);
    if (!room || room.destroyed) return;
    const states = room.awareness.getStates();
    const ids = [...room.connections].map((c) => c.awarenessClientId).filter((id): id is number => id !== null && states.has(id));
    if (ids.length > 0) this.deps.bus.publishAwareness(doc, encodeAwarenessUpdate(room.awareness, ids));
  }

  revoked(tokenId: string): void {
    this.deps.revoked(tokenId);
  }

  /** The bus is back: every loaded document catches up, and says how far it is stored here. */
  resumed(): void {
    for (const room of this.deps.rooms()) {
      if (room.destroyed || !room.seqs) continue;
      void this.catchUp(room).then(() => {
        if (!room.destroyed && room.seqs) this.deps.bus.publishHead(room.name, room.seqs.held);
      });
    }
  }

  /** Called when this process stored an update: its seq may have opened a hole (another process's update in flight). */
  watchGap(room: DocRoom): void {
    if (!room.seqs?.hasHole || this.gapTimers.has(room)) return;
    const timer = setTimeout(() => {
      this.gapTimers.delete(room);
      if (room.destroyed || !room.seqs?.hasHole) return;
      void this.catchUp(room);
    }, GAP_GRACE_MS);
    timer.unref();
    this.gapTimers.set(room, timer);
  }

  /** Loads what the store has past the seqs held here; one at a time per document. */
  catchUp(room: DocRoom): Promise<void> {
    const running = this.catchingUp.get(room);
    if (running) return running;
    const run = (async () => {
      try {
        const seqs = room.seqs;
        if (!seqs) return;
        const stored = await this.deps.store.loadSince(room.name, seqs.held);
        if (room.destroyed) return;
        this.catchUps += 1;
        room.applyCaughtUp(stored);
        this.deps.log.debug({ room: room.name, from: seqs.held, updates: stored.updates.length, snapshot: stored.snapshot !== null }, 'caught up from the store');
      } catch (error) {
        // The store is unreachable: a later message, head or reconnection tries again.
        this.deps.log.warn({ room: room.name, err: error }, 'could not catch a document up from the store');
      } finally {
        this.catchingUp.delete(room);
      }
      this.watchGap(room);
    })();
    this.catchingUp.set(room, run);
    return run;
  }

  forget(room: DocRoom): void {
    const timer = this.gapTimers.get(room);
    if (timer) clearTimeout(timer);
    this.gapTimers.delete(room);
  }
}
