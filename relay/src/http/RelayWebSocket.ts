import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import { CloseCode } from '@lianxin/protocol';

/** Frame cap per upgraded TCP socket, set by the /sync route once it knows who connects. */
export const frameCaps = new WeakMap<Duplex, number>();

/** ws closes with 1009 when a frame passes maxPayload; ours is the protocol's 4413. */
const WS_MESSAGE_TOO_BIG = 1009;

type SetSocket = (socket: Duplex, head: Buffer, options: Record<string, unknown>) => void;
const baseSetSocket = (WebSocket.prototype as unknown as { setSocket: SetSocket }).setSocket;

/**
 * The relay's server-side WebSocket. ws checks `maxPayload` on each frame header, before it
 * buffers the payload; this class gives every socket its own cap (64 KiB anonymous, 8 MiB with a
 * token) and turns ws's 1009 into the protocol's 4413.
 */
export class RelayWebSocket extends WebSocket {
  override close(code?: number, data?: string | Buffer): void {
    if (code === WS_MESSAGE_TOO_BIG) return super.close(CloseCode.frameTooLarge, 'frame too large');
    super.close(code, data);
  }
}

Object.defineProperty(RelayWebSocket.prototype, 'setSocket', {
  value: function setSocket(this: WebSocket, socket: Duplex, head: Buffer, options: Record<string, unknown>): void {
    const cap = frameCaps.get(socket);
    baseSetSocket.call(this, socket, head, cap === undefined ? options : { ...options, maxPayload: cap });
  },
  writable: true,
  configurable: true,
});
