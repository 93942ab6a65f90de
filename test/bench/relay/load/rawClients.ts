// Lighter clients for when full providers would saturate the load core. Each is still its own
// WebSocket speaking the server's protocol: it answers the sync handshake from a Y.Doc and
// announces one awareness client, as a provider does. A raw writer makes real Yjs updates with
// its own Y.Doc but skips the provider machinery (echoes and acknowledgements are read, not
// applied); a raw observer decodes updates to read the inserted text instead of applying them.
// Neither reconnects: a drop shows as loss.
import { createRequire } from 'node:module';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType, readStored } from '@lianxin/protocol';
import { packageVersion } from '../servers/packageVersion';
import { deferred, reportConfirmed } from './benchPeer';
import type { BenchPeer, BenchWriter, OnInsert, OnStored } from './benchPeer';
import { TEXT_NAME } from './yWebsocketPeers';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_AUTH_TOKEN = 0;
const HOCUSPOCUS_PING = 9;
const HOCUSPOCUS_PONG = 10;

/** Never modified: the empty state every raw observer answers sync step 1 with. */
const emptyDoc = new Y.Doc();

function insertedText(update: Uint8Array, onInsert: OnInsert): void {
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) onInsert(struct.content.str);
  }
}

/** One awareness entry `{}` for a client id, as y-protocols/awareness encodes it. */
function awarenessHello(clientId: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, '{}');
  return encoding.toUint8Array(encoder);
}

/** Where the two protocols differ: Hocuspocus prefixes each message and authenticates first. */
interface Framing {
  readonly url: string;
  readonly head: (encoder: encoding.Encoder) => void;
  /** Consumes the prefix of an incoming message; false skips the message. */
  readonly accept: (decoder: decoding.Decoder) => boolean;
  readonly hello: ((send: (write: (encoder: encoding.Encoder) => void) => void) => void) | null;
}

interface RawRole {
  /** The document this client answers sync step 1 from. */
  readonly doc: Y.Doc;
  readonly onUpdate: ((update: Uint8Array) => void) | null;
  readonly onStored: OnStored | null;
}

interface RawSocket extends BenchPeer {
  sendUpdate(update: Uint8Array): void;
}

function openRaw(framing: Framing, role: RawRole): RawSocket {
  const sync = deferred();
  let drops = 0;
  let open = false;
  let closing = false;
  const updateSentAt: number[] = [];
  let confirmed = 0;
  const socket = new WebSocket(framing.url);
  const send = (write: (encoder: encoding.Encoder) => void): void => {
    const encoder = encoding.createEncoder();
    framing.head(encoder);
    write(encoder);
    socket.send(encoding.toUint8Array(encoder));
  };
  socket.on('open', () => {
    open = true;
    framing.hello?.(send);
    send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, role.doc);
    });
    send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessHello(role.doc === emptyDoc ? Math.floor(Math.random() * 0x7fffffff) : role.doc.clientID));
    });
  });
  socket.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (bytes.length === 1 && bytes[0] === HOCUSPOCUS_PING) {
      socket.send(Uint8Array.of(HOCUSPOCUS_PONG));
      return;
    }
    const decoder = decoding.createDecoder(bytes);
    if (!framing.accept(decoder)) return;
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.stored && role.onStored !== null) {
      const { count } = readStored(decoder);
      confirmed = reportConfirmed(confirmed, count, updateSentAt, role.onStored);
      return;
    }
    if (type !== MESSAGE_SYNC) return;
    const step = decoding.readVarUint(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      updateSentAt.push(performance.now());
      send((encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep2(encoder, role.doc, stateVector);
      });
      return;
    }
    const update = decoding.readVarUint8Array(decoder);
    role.onUpdate?.(update);
    if (step === syncProtocol.messageYjsSyncStep2) sync.resolve();
  });
  socket.on('close', () => {
    if (open && !closing) drops++;
  });
  socket.on('error', () => undefined);
  return {
    synced: sync.promise,
    drops: () => drops,
    close: () => {
      closing = true;
      socket.close();
    },
    sendUpdate: (update) => {
      updateSentAt.push(performance.now());
      send((encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeUpdate(encoder, update);
      });
    },
  };
}

function rawWriter(framing: Framing, onStored: OnStored | null): BenchWriter {
  const doc = new Y.Doc();
  const text = doc.getText(TEXT_NAME);
  const socket = openRaw(framing, { doc, onUpdate: null, onStored });
  doc.on('update', (update: Uint8Array) => socket.sendUpdate(update));
  return {
    synced: socket.synced,
    drops: socket.drops,
    close: () => {
      socket.close();
      doc.destroy();
    },
    write: (chunk) => text.insert(text.length, chunk),
  };
}

function rawObserver(framing: Framing, onInsert: OnInsert): BenchPeer {
  const socket = openRaw(framing, { doc: emptyDoc, onUpdate: (update) => insertedText(update, onInsert), onStored: null });
  return { synced: socket.synced, drops: socket.drops, close: socket.close };
}

interface YWebsocketTarget {
  readonly url: string;
  readonly room: string;
  readonly token: string | null;
}

function yWebsocketFraming(options: YWebsocketTarget): Framing {
  const query = options.token === null ? '' : `?token=${encodeURIComponent(options.token)}`;
  return { url: `${options.url}/${options.room}${query}`, head: () => undefined, accept: () => true, hello: null };
}

/** For the y-websocket reference server and the Lianxin relay. */
export function rawYWebsocketObserver(options: YWebsocketTarget, onInsert: OnInsert): BenchPeer {
  return rawObserver(yWebsocketFraming(options), onInsert);
}

export function rawYWebsocketWriter(options: YWebsocketTarget, onStored: OnStored | null): BenchWriter {
  return rawWriter(yWebsocketFraming(options), onStored);
}

const hocuspocusProviderVersion = packageVersion(createRequire(import.meta.url).resolve('@hocuspocus/provider'));

function hocuspocusFraming(options: { url: string; room: string }): Framing {
  const head = (encoder: encoding.Encoder): void => encoding.writeVarString(encoder, options.room);
  return {
    url: options.url,
    head,
    accept: (decoder) => decoding.readVarString(decoder) === options.room,
    hello: (send) =>
      send((encoder) => {
        encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH);
        encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH_TOKEN);
        encoding.writeVarString(encoder, '');
        encoding.writeVarString(encoder, hocuspocusProviderVersion);
      }),
  };
}

/** For Hocuspocus: every message is prefixed with the document name; it authenticates first. */
export function rawHocuspocusObserver(options: { url: string; room: string }, onInsert: OnInsert): BenchPeer {
  return rawObserver(hocuspocusFraming(options), onInsert);
}

export function rawHocuspocusWriter(options: { url: string; room: string }): BenchWriter {
  return rawWriter(hocuspocusFraming(options), null);
}
