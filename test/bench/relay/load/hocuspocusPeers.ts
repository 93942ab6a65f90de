// Writers and observers built on @hocuspocus/provider, Hocuspocus's own client. Each provider
// gets its own HocuspocusProviderWebsocket (no multiplexing), as each y-websocket provider has
// its own socket, so every server sees the same number of connections.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { deferred } from './benchPeer';
import type { BenchPeer, BenchWriter, OnInsert } from './benchPeer';
import { TEXT_NAME } from './yWebsocketPeers';

interface HocuspocusOptions {
  readonly url: string;
  readonly room: string;
}

function openProvider(options: HocuspocusOptions, doc: Y.Doc): BenchPeer {
  const sync = deferred();
  let drops = 0;
  const socket = new HocuspocusProviderWebsocket({ url: options.url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.room,
    document: doc,
    onSynced: ({ state }) => {
      if (state) sync.resolve();
    },
    onDisconnect: () => {
      drops++;
    },
  });
  provider.attach();
  return {
    synced: sync.promise,
    drops: () => drops,
    close: () => {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

export function hocuspocusWriter(options: HocuspocusOptions): BenchWriter {
  const doc = new Y.Doc();
  const text = doc.getText(TEXT_NAME);
  const peer = openProvider(options, doc);
  return { ...peer, write: (chunk) => text.insert(text.length, chunk) };
}

export function hocuspocusObserver(options: HocuspocusOptions, onInsert: OnInsert): BenchPeer {
  const doc = new Y.Doc();
  doc.getText(TEXT_NAME).observe((event) => {
    for (const op of event.delta) {
      if (typeof op.insert === 'string') onInsert(op.insert);
    }
  });
  return openProvider(options, doc);
}
