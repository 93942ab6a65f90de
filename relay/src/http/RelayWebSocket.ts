import { WebSocket } from 'ws';
import { CloseCode } from '@lianxin/protocol';

/** ws closes with 1009 when a frame passes maxPayload; ours is the protocol's 4413. */
const WS_MESSAGE_TOO_BIG = 1009;

/**
 * The relay's server-side WebSocket, given to ws through its documented `WebSocket` option (a
 * class that extends WebSocket). ws checks `maxPayload` on each frame header, before it buffers
 * the payload, and closes with 1009; this class says 4413 instead.
 */
export class RelayWebSocket extends WebSocket {
  override close(code?: number, data?: string | Buffer): void {
    if (code === WS_MESSAGE_TOO_BIG) return super.close(CloseCode.frameTooLarge, 'frame too large');
    super.close(code, data);
  }
}
