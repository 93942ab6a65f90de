import * as decoding from 'lib0/decoding';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { AUTH_PERMISSION_DENIED, FATAL_CLOSE_CODES, MessageType, readStored, tokenSubprotocols } from '@lianxin/protocol';
import { countingWebSocket, type WebSocketClass } from './countingWebSocket';
import type { Relay, RelayChoice } from './relayChoice';

export interface RelayProviderOptions {
  /** The session's relays: each socket goes to the current one. */
  readonly relays: RelayChoice;
  /** `<communityId>/<doc>` */
  readonly room: string;
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

// A socket that ends like this met a relay that is gone or broken (1006: no close frame, as from
// a killed process; 1011–1015: server error, restart, overload, bad gateway, TLS): try the next.
// Codes the relay chooses (1001 unloading a document, 4xxx) come from a living relay.
const RELAY_GONE_CODES: readonly number[] = [1006, 1011, 1012, 1013, 1014, 1015];

/**
 * The stock y-websocket provider for one document (not connected yet), with the relay's
 * `stored` and permission messages handled. Create it once the document is loaded: its
 * constructor starts listening to the document's updates.
 */
export function createRelayProvider(options: RelayProviderOptions, doc: Y.Doc, awareness: Awareness, on: RelayProviderEvents): WebsocketProvider {
  const { relays, room } = options;
  const relayOf = new WeakMap<object, Relay>();
  const opened = new WeakSet<object>();
  const Counting = countingWebSocket(options.WebSocket, (socket, data) => on.frameSent(socket, data));
  // y-websocket creates every socket through this class: each (re)connect goes to the session's
  // current relay, whatever URL the provider was made with.
  class RelaySocket extends Counting {
    constructor(_url: string | URL, protocols?: string | string[]) {
      const relay = relays.current();
      super(`${relay.sync}/${room}`, protocols);
      relayOf.set(this, relay);
    }
  }
  const provider = new WebsocketProvider(relays.current().sync, room, doc, {
    connect: false,
    awareness,
    // The token rides in the handshake header, not the URL, which browsers print on every failed
    // reconnect and proxies log (PROTOCOL.md).
    protocols: tokenSubprotocols(options.token),
    WebSocketPolyfill: RelaySocket,
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
    else if (status === 'connected') {
      if (provider.ws) opened.add(provider.ws);
      on.connected();
    }
  });
  provider.on('sync', (synced) => {
    if (synced) on.synced();
  });
  provider.on('connection-close', (event) => {
    // y-websocket emits this before it lets go of the socket. Moved first, so that what the
    // close sets off (the next attempt, a token check over HTTP) goes to the next relay.
    const socket = provider.ws;
    const relay = socket ? relayOf.get(socket) : undefined;
    if (relay && relayGone(event ? event.code : null, opened.has(socket!), provider.shouldConnect)) relays.failed(relay);
    on.closed(event ? event.code : null);
  });
  return provider;
}

/**
 * Whether a closed socket says its relay is unreachable: it never opened (refused, no route, a
 * refused upgrade looks the same), it ended abnormally, or y-websocket's watchdog closed it (no
 * message for 30 s: `code` null while the provider still wants to be connected).
 */
export function relayGone(code: number | null, opened: boolean, shouldConnect: boolean): boolean {
  if (code === null) return shouldConnect;
  if (FATAL_CLOSE_CODES.includes(code)) return false;
  return !opened || RELAY_GONE_CODES.includes(code);
}
