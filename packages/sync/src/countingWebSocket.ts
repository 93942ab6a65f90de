/** The WebSocket class the y-websocket provider takes (the browser's, or `ws` in Node). */
export type WebSocketClass = typeof WebSocket;

/**
 * Subclasses a WebSocket class so every outgoing frame is reported, with the socket it left on,
 * before it is sent. The provider creates one socket per connection attempt, so the socket is
 * the connection's identity for the relay's `stored` count.
 */
export function countingWebSocket(Base: WebSocketClass, onSend: (socket: object, data: Uint8Array) => void): WebSocketClass {
  return class CountingWebSocket extends Base {
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (data instanceof Uint8Array) onSend(this, data);
      else if (data instanceof ArrayBuffer) onSend(this, new Uint8Array(data));
      super.send(data);
    }
  };
}
