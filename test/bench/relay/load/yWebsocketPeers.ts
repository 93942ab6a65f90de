// Writers and observers built on the y-websocket v3 provider, the client Lianxin itself uses;
// they talk to the y-websocket reference server and to the Lianxin relay alike.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { MessageType, readStored } from '@lianxin/protocol';
import { CountingWebSocket } from './countingWebSocket';
import { deferred, reportConfirmed } from './benchPeer';
import type { BenchPeer, BenchWriter, OnInsert, OnStored } from './benchPeer';

export const TEXT_NAME = 'bench';

interface ProviderOptions {
  readonly url: string;
  readonly room: string;
  readonly token: string | null;
  readonly onStored?: OnStored;
}

function openProvider(options: ProviderOptions, doc: Y.Doc): BenchPeer & { provider: WebsocketProvider } {
  const sync = deferred();
  let drops = 0;
  const provider = new WebsocketProvider(options.url, options.room, doc, {
    WebSocketPolyfill: (options.onStored ? CountingWebSocket : WebSocket) as unknown as typeof globalThis.WebSocket,
    // Every peer lives in this one process: without this, peers of a room would reach each
    // other through an in-process BroadcastChannel and bypass the server.
    disableBc: true,
    params: options.token === null ? {} : { token: options.token },
  });
  // The relay's `stored` acknowledgement; a stock provider would log every one as unknown.
  const onStored = options.onStored;
  let confirmed = 0;
  let confirmedOn: unknown = null;
  provider.messageHandlers[MessageType.stored] = (_encoder, decoder, p) => {
    const { count } = readStored(decoder);
    if (onStored === undefined) return;
    const socket = p.ws as unknown as CountingWebSocket | null;
    if (socket === null) return;
    // Counts start again on every connection.
    if (socket !== confirmedOn) {
      confirmedOn = socket;
      confirmed = 0;
    }
    confirmed = reportConfirmed(confirmed, count, socket.updateSentAt, onStored);
  };
  provider.on('sync', (isSynced: boolean) => {
    if (isSynced) sync.resolve();
  });
  provider.on('connection-close', () => {
    drops++;
  });
  return {
    provider,
    synced: sync.promise,
    drops: () => drops,
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function yWebsocketWriter(options: ProviderOptions): BenchWriter {
  const doc = new Y.Doc();
  const text = doc.getText(TEXT_NAME);
  const peer = openProvider(options, doc);
  return {
    synced: peer.synced,
    drops: peer.drops,
    close: peer.close,
    write: (chunk) => text.insert(text.length, chunk),
  };
}

export function yWebsocketObserver(options: ProviderOptions, onInsert: OnInsert): BenchPeer {
  const doc = new Y.Doc();
  doc.getText(TEXT_NAME).observe((event) => {
    for (const op of event.delta) {
      if (typeof op.insert === 'string') onInsert(op.insert);
    }
  });
  const peer = openProvider(options, doc);
  return { synced: peer.synced, drops: peer.drops, close: peer.close };
}
