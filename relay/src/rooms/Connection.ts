import type { Access } from '@lianxin/protocol';
import type { Identity } from './Identity';
import { TokenBucket } from './tokenBucket';
import type { DocRoom } from './DocRoom';
import { CpuBudget } from './cpuBudget';

/** What a connection needs from its WebSocket; the ws adapter and tests provide it. */
export interface RelaySocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Sends a WebSocket ping; the adapter calls `Connection.pong()` when the answer comes. */
  ping(): void;
  /** Drops the TCP connection without a close handshake (dead peers). */
  terminate(): void;
}

export interface ConnectionLimits {
  readonly maxFrame: number;
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
}

/** When `stored` confirmations go out (`Connection.stored`); an interval of 0 sends one per stored batch. */
export interface AckTiming {
  readonly intervalMs: number;
  readonly quietMs: number;
}

let nextId = 1;

/** One WebSocket on one document, with what the gate and the acknowledgements need. */
export class Connection {
  readonly id = nextId++;
  readonly bucket: TokenBucket;
  /** Bytes per second: a frame cap's worth, with a burst of four (a big first sync fits). */
  readonly byteBucket: TokenBucket;
  room: DocRoom | null = null;
  /** Messages received before the document finished loading. */
  readonly early: Uint8Array[] = [];
  /** Update-carrying sync messages received (PROTOCOL.md: the `stored` count). */
  updatesReceived = 0;
  /** The highest count stored, and the highest already sent in a `stored` message. */
  private storedCount = 0;
  private ackedCount = 0;
  private lastAckAt = Number.NEGATIVE_INFINITY;
  private lastStoredAt = Number.NEGATIVE_INFINITY;
  private ackTimer: NodeJS.Timeout | null = null;
  /** The one awareness client id this connection may publish (the first it used). */
  awarenessClientId: number | null = null;
  closed = false;
  lastSentAt = Date.now();
  alive = true;
  private nextPingAt: number | null = null;
  private readonly deniedKinds = new Set<string>();

  constructor(
    readonly socket: RelaySocket,
    readonly identity: Identity,
    readonly roomName: string,
    readonly access: Access,
    readonly limits: ConnectionLimits,
    private readonly onSend: (bytes: number) => void,
    /** Relay CPU time this connection may still take. */
    readonly budget: CpuBudget = new CpuBudget(0, 1),
  ) {
    this.bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.byteBucket = new TokenBucket(limits.maxFrame, 4 * limits.maxFrame);
  }

  get canWrite(): boolean {
    return this.access === 'write';
  }

  send(data: Uint8Array): void {
    if (this.closed) return;
    this.lastSentAt = Date.now();
    this.onSend(data.byteLength);
    this.socket.send(data);
  }

  /**
   * The update with this count is stored. `stored` is cumulative, so one message can confirm
   * several. After a quiet spell the confirmation goes out at once; while updates keep coming it
   * is held until the writer pauses for `quietMs` or `intervalMs` has passed since the last one,
   * whichever is first, and then one message carries the highest count. A typist who stops sees
   * "saved" within `quietMs`; a writer streaming updates gets one frame per `intervalMs`.
   */
  stored(count: number, timing: AckTiming): void {
    if (count <= this.storedCount) return;
    this.storedCount = count;
    const now = performance.now();
    this.lastStoredAt = now;
    // A running timer looks at lastStoredAt when it fires: no timer churn per update.
    if (this.ackTimer !== null) return;
    if (now - this.lastAckAt >= timing.intervalMs) {
      this.flushAck();
      return;
    }
    this.holdAck(now, timing);
  }

  private holdAck(now: number, timing: AckTiming): void {
    const due = Math.min(this.lastStoredAt + timing.quietMs, this.lastAckAt + timing.intervalMs);
    this.ackTimer = setTimeout(() => {
      this.ackTimer = null;
      const at = performance.now();
      // Stored more since the timer was set: wait for the pause, or the end of the interval.
      if (at - this.lastStoredAt < timing.quietMs && at - this.lastAckAt < timing.intervalMs) this.holdAck(at, timing);
      else this.flushAck();
    }, Math.max(0, due - now));
    this.ackTimer.unref();
  }

  /** Sends the confirmation still held back, if any (when its interval is up, or before a close). */
  flushAck(): void {
    this.dropAck();
    const room = this.room;
    if (this.closed || room === null || room.destroyed || this.storedCount <= this.ackedCount) return;
    this.ackedCount = this.storedCount;
    this.lastAckAt = performance.now();
    this.send(room.storedFor(this.storedCount));
  }

  /** Forgets a held-back confirmation (the socket is gone). */
  dropAck(): void {
    if (this.ackTimer === null) return;
    clearTimeout(this.ackTimer);
    this.ackTimer = null;
  }

  /** True the first time a kind of message is denied (PROTOCOL.md: answered once per kind). */
  firstDenial(kind: string): boolean {
    if (this.deniedKinds.has(kind)) return false;
    this.deniedKinds.add(kind);
    return true;
  }

  pong(): void {
    this.alive = true;
  }

  /**
   * Whether this connection's ping is due at `now` (and if so, when the next one is). Each
   * connection keeps its own schedule, its first ping at a random point of the second half of
   * the interval: pinging every connection in the same sweep sent hundreds of pings at once, and
   * the pongs came back together (the y-websocket server also pings each connection on its own
   * timer).
   */
  pingDue(now: number, pingMs: number, random: () => number = Math.random): boolean {
    if (this.nextPingAt === null) {
      this.nextPingAt = now + pingMs * (0.5 + 0.5 * random());
      return false;
    }
    if (now < this.nextPingAt) return false;
    // Past several intervals (a stalled relay): one ping now, the next a whole interval away.
    this.nextPingAt = Math.max(this.nextPingAt + pingMs, now + pingMs / 2);
    return true;
  }
}
