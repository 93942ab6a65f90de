/**
 * A raw y-websocket protocol client over `ws`, for tests that need to see every message and
 * close code (the stock provider hides both). It keeps a Y.Doc in sync like a provider would.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType, SyncStep, encodeAwarenessMessage, encodeSyncMessage, readStored } from '@lianxin/protocol';

export interface Closed {
  readonly code: number;
  readonly reason: string;
}

export interface SyncClient {
  readonly ws: WebSocket;
  readonly doc: Y.Doc;
  /** every binary message received, in order */
  readonly received: Uint8Array[];
  /** highest `stored` count received */
  stored(): number;
  /** permission-denied reasons received */
  denied(): string[];
  /** resolves when the socket closes */
  readonly closed: Promise<Closed>;
  /** true once the relay answered our sync step 1 */
  synced(): boolean;
  send(data: Uint8Array | string): void;
  /** Sends sync step 1 (the relay answers with step 2). */
  sync(): void;
  /** Applies a local change and sends it as a sync update; returns this connection's count for it. */
  write(change: (doc: Y.Doc) => void): number;
  /** Resolves when `stored` reaches `count` (rejects if the socket closes first). */
  waitStored(count: number, timeoutMs?: number): Promise<void>;
  waitSynced(timeoutMs?: number): Promise<void>;
  waitFor(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<Closed>;
}

/** Tests build raw sync messages with the protocol's own encoder. */
export const syncMessage = encodeSyncMessage;

export function awarenessMessage(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  return encodeAwarenessMessage(encoding.toUint8Array(inner));
}

/** Reads the client ids of an awareness message from the relay. */
export function awarenessClients(message: Uint8Array): number[] {
  const d = decoding.createDecoder(message);
  if (decoding.readVarUint(d) !== MessageType.awareness) return [];
  const inner = decoding.createDecoder(decoding.readVarUint8Array(d));
  const n = decoding.readVarUint(inner);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(decoding.readVarUint(inner));
    decoding.readVarUint(inner);
    decoding.readVarString(inner);
  }
  return ids;
}

/** Opens a socket; rejects with the HTTP status if the upgrade is refused. */
export function connect(wsUrl: string, room: string, token?: string | null, opts: { autoSync?: boolean } = {}): Promise<SyncClient> {
  const url = `${wsUrl}/${room}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  const ws = new WebSocket(url);
  ws.binaryType = 'nodebuffer';
  const doc = new Y.Doc();
  const received: Uint8Array[] = [];
  const deniedReasons: string[] = [];
  let storedCount = 0;
  let isSynced = false;
  let updates = 0;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  let closedInfo: Closed | null = null;
  const closed = new Promise<Closed>((resolve) => {
    ws.once('close', (code, reason) => {
      closedInfo = { code, reason: reason.toString() };
      resolve(closedInfo);
      notify();
    });
  });

  ws.on('message', (raw: Buffer, isBinary) => {
    if (!isBinary) return;
    const data = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
    received.push(new Uint8Array(data));
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    if (type === MessageType.sync) {
      const step = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (step === SyncStep.step1) {
        // A step 2 is update-carrying: the relay counts it for `stored`, so do we.
        ws.send(syncMessage(SyncStep.step2, Y.encodeStateAsUpdate(doc, payload)));
        updates += 1;
      }
      else {
        Y.applyUpdate(doc, payload, 'relay');
        if (step === SyncStep.step2) isSynced = true;
      }
    } else if (type === MessageType.stored) {
      storedCount = Math.max(storedCount, readStored(d).count);
    } else if (type === MessageType.auth) {
      decoding.readVarUint(d);
      deniedReasons.push(decoding.readVarString(d));
    }
    notify();
  });

  const waitFor = (predicate: () => boolean, what: string, timeoutMs = 5000): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (predicate()) {
          cleanup();
          resolve();
        } else if (closedInfo) {
          cleanup();
          reject(new Error(`socket closed (${closedInfo.code} ${closedInfo.reason}) while waiting for ${what}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });

  const client: SyncClient = {
    ws,
    doc,
    received,
    stored: () => storedCount,
    denied: () => [...deniedReasons],
    closed,
    synced: () => isSynced,
    send: (data) => ws.send(data),
    sync: () => ws.send(syncMessage(SyncStep.step1, Y.encodeStateVector(doc))),
    write(change) {
      const captured: Uint8Array[] = [];
      const onUpdate = (u: Uint8Array, origin: unknown) => {
        if (origin !== 'relay') captured.push(u);
      };
      doc.on('update', onUpdate);
      change(doc);
      doc.off('update', onUpdate);
      for (const u of captured) {
        ws.send(syncMessage(SyncStep.update, u));
        updates += 1;
      }
      return updates;
    },
    waitStored: (count, timeoutMs) => waitFor(() => storedCount >= count, `stored ≥ ${count}`, timeoutMs),
    waitSynced: (timeoutMs) => waitFor(() => isSynced, 'sync step 2', timeoutMs),
    waitFor,
    async close() {
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close();
      return closed;
    },
  };

  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      if (opts.autoSync !== false) client.sync();
      resolve(client);
    });
    ws.once('unexpected-response', (_req, res) => {
      reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode }));
      ws.terminate();
    });
    ws.once('error', (error) => reject(error));
  });
}

/** The HTTP status of a refused upgrade, or 101 if it was accepted (then closed). */
export async function upgradeStatus(wsUrl: string, room: string, token?: string | null): Promise<number> {
  try {
    const client = await connect(wsUrl, room, token, { autoSync: false });
    await client.close();
    return 101;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (typeof status === 'number') return status;
    throw error;
  }
}
