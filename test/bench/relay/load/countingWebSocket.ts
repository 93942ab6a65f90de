import WebSocket from 'ws';
import { isUpdateCarrying } from '@lianxin/protocol';

/**
 * A `ws` WebSocket that remembers when it sent each update-carrying sync message, so the
 * relay's `stored(n)` can be matched to the n-th one (the relay counts them per connection).
 */
export class CountingWebSocket extends WebSocket {
  readonly updateSentAt: number[] = [];

  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols);
    const send = this.send.bind(this) as (data: Uint8Array) => void;
    this.send = ((data: Uint8Array) => {
      if (isUpdateCarrying(data)) this.updateSentAt.push(performance.now());
      send(data);
    }) as WebSocket['send'];
  }
}
