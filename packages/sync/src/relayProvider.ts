import * as decoding from 'lib0/decoding';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { AUTH_PERMISSION_DENIED, FATAL_CLOSE_CODES, MessageType, readStored, tokenSubprotocols } from '@lianxin/protocol';
import { countingWebSocket, type WebSocketClass } from './countingWebSocket';

export interface RelayProviderOptions {
  readonly syncUrl: string;
  readonly communityId: string;
  readonly name: string;
  readonly token: string;
  readonly WebSocket: WebSocketClass;
  readonly maxBackoffMs?: number;
}

/** What a document's connection reports (SyncedDoc turns it into status and pending counts). */
export interface RelayProviderEvents {
  frameSent(socket: object, data: Uint8Array): void;
  stored(socket: object, stored: ReturnType<typeof readStored>): void;
  permissionDenied(reason: string): void;
  connecting(): void;
  connected(): void;
  synced(): void;
  /** The socket closed (`code` null when y-websocket gives no close event). */
  closed(code: number | null): void;
}

/**
 * The stock y-websocket provider for one document (not connected yet), with the relay's
 * `stored` and permission messages handled. Create it once the document is loaded: its
 * constructor starts listening to the document's updates.
 */
export function createRelayProvider(options: RelayProviderOptions, doc: Y.Doc, awareness: Awareness, on: RelayProviderEvents): WebsocketProvider {
  const provider = new WebsocketProvider(options.syncUrl, `${options.communityId}/${options.name}`, doc, {
    connect: false,
    awareness,
    // The token rides in the handshake header, not the URL, which browsers print on every failed
    // reconnect and proxies log (PROTOCOL.md).
    protocols: tokenSubprotocols(options.token),
    WebSocketPolyfill: countingWebSocket(options.WebSocket, (socket, data) => on.frameSent(socket, data)),
    // Cross-tab sync already happens through IndexedDB (LocalDocStore); a BroadcastChannel
    // would also let updates bypass the relay, and the pending count with it.
    disableBc: true,
    maxBackoffTime: options.maxBackoffMs ?? 2_500,
    // PROTOCOL.md: only expired, revoked and unknown room are final; y-websocket's default
    // would also give up on 4413/4429/4400.
    shouldReconnect: (event) => !FATAL_CLOSE_CODES.includes(event.code),
  });
  // Unreadable bytes from the relay are ignored rather than thrown out of the socket's
  // message handler: at worst a change stays counted as pending.
  provider.messageHandlers[MessageType.stored] = (_encoder, decoder, p) => {
    let stored: ReturnType<typeof readStored>;
    try {
      stored = readStored(decoder);
    } catch {
      return;
    }
    if (p.ws) on.stored(p.ws, stored);
  };
  // Replaces y-websocket's own auth handler, which logs the URL, and so the token.
  provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
    try {
      if (decoding.readVarUint(decoder) === AUTH_PERMISSION_DENIED) on.permissionDenied(decoding.readVarString(decoder));
    } catch {
      // not a permission message we can read
    }
  };
  provider.on('status', ({ status }) => {
    if (status === 'connecting') on.connecting();
    else if (status === 'connected') on.connected();
  });
  provider.on('sync', (synced) => {
    if (synced) on.synced();
  });
  provider.on('connection-close', (event) => on.closed(event ? event.code : null));
  return provider;
}
