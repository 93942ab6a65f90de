import type { Access } from '@lianxin/protocol';
import type { Identity } from './Identity';
import { TokenBucket } from './tokenBucket';
import type { DocRoom } from './DocRoom';

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
  /** The highest count already acknowledged with `stored`. */
  acknowledged = 0;
  /** The one awareness client id this connection may publish (the first it used). */
  awarenessClientId: number | null = null;
  closed = false;
  lastSentAt = Date.now();
  alive = true;
  private readonly deniedKinds = new Set<string>();

  constructor(
    readonly socket: RelaySocket,
    readonly identity: Identity,
    readonly roomName: string,
    readonly access: Access,
    readonly limits: ConnectionLimits,
    private readonly onSend: (bytes: number) => void,
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

  /** True the first time a kind of message is denied (PROTOCOL.md: answered once per kind). */
  firstDenial(kind: string): boolean {
    if (this.deniedKinds.has(kind)) return false;
    this.deniedKinds.add(kind);
    return true;
  }

  pong(): void {
    this.alive = true;
  }
}
