// Lighter observers for when full providers would saturate the load core: each is still its
// own WebSocket speaking the server's protocol (it answers the sync handshake and announces
// one awareness client, as a provider does), but instead of integrating updates into a Y.Doc
// it only decodes them to read the inserted text. Not reconnecting: a drop shows as loss.
import { createRequire } from 'node:module';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { packageVersion } from '../servers/packageVersion';
import { deferred } from './benchPeer';
import type { BenchPeer, OnInsert } from './benchPeer';

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

/** One awareness entry `{}` for a fresh client id, as y-protocols/awareness encodes it. */
function awarenessHello(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, Math.floor(Math.random() * 0x7fffffff));
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, '{}');
  return encoding.toUint8Array(encoder);
}

interface Framing {
  /** Prefix written before each message (Hocuspocus: the document name). */
  readonly head: (encoder: encoding.Encoder) => void;
  /** Consumes the prefix of an incoming message; false skips it. */
  readonly accept: (decoder: decoding.Decoder) => boolean;
  readonly hello: (socket: WebSocket) => void;
}

function openRaw(url: string, framing: Framing, onInsert: OnInsert): BenchPeer {
  const sync = deferred();
  let drops = 0;
  let open = false;
  let closing = false;
  const socket = new WebSocket(url);
  const send = (write: (encoder: encoding.Encoder) => void): void => {
    const encoder = encoding.createEncoder();
    framing.head(encoder);
    write(encoder);
    socket.send(encoding.toUint8Array(encoder));
  };
  socket.on('open', () => {
    open = true;
    framing.hello(socket);
    send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, emptyDoc);
    });
    send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessHello());
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
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const step = decoding.readVarUint(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      send((encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep2(encoder, emptyDoc, stateVector);
      });
      return;
    }
    insertedText(decoding.readVarUint8Array(decoder), onInsert);
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
  };
}

/** For the y-websocket reference server and the Lianxin relay. */
export function rawYWebsocketObserver(options: { url: string; room: string; token: string | null }, onInsert: OnInsert): BenchPeer {
  const query = options.token === null ? '' : `?token=${encodeURIComponent(options.token)}`;
  return openRaw(`${options.url}/${options.room}${query}`, { head: () => undefined, accept: () => true, hello: () => undefined }, onInsert);
}

const hocuspocusProviderVersion = packageVersion(createRequire(import.meta.url).resolve('@hocuspocus/provider'));

/** For Hocuspocus: every message is prefixed with the document name; it authenticates first. */
export function rawHocuspocusObserver(options: { url: string; room: string }, onInsert: OnInsert): BenchPeer {
  const head = (encoder: encoding.Encoder): void => encoding.writeVarString(encoder, options.room);
  return openRaw(
    options.url,
    {
      head,
      accept: (decoder) => decoding.readVarString(decoder) === options.room,
      hello: (socket) => {
        const encoder = encoding.createEncoder();
        head(encoder);
        encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH);
        encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH_TOKEN);
        encoding.writeVarString(encoder, '');
        encoding.writeVarString(encoder, hocuspocusProviderVersion);
        socket.send(encoding.toUint8Array(encoder));
      },
    },
    onInsert,
  );
}
