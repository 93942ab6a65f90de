// The attacker of the abuse bench: a member on `<community>/work` sending one update that sets
// `keys` keys of a Y.Map every `periodMs`, the pattern of issue #19. The updates are one chain of
// overwrites made before the run (so making them costs the load process nothing while it is
// measured); like a provider, the writer resends from the first update the relay did not confirm
// after each close, and reconnects after a second. It never applies what the relay sends (an
// attacker need not, and applying a whole grown document would stall this load process).
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { MessageType, SyncStep, encodeSyncMessage, readStored } from '@lianxin/protocol';

const EMPTY_UPDATE = new Uint8Array([0, 0]);

interface RawWriter {
  send(data: Uint8Array): void;
  stored(): number;
  readonly closed: Promise<{ code: number }>;
  close(): Promise<{ code: number }>;
}

/** A raw protocol client: answers the relay's step 1 with an empty step 2, counts `stored`. */
function connectRaw(url: string): Promise<RawWriter> {
  const ws = new WebSocket(url);
  let stored = 0;
  const closed = new Promise<{ code: number }>((resolve) => ws.once('close', (code) => resolve({ code })));
  ws.on('message', (raw: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
    const type = decoding.readVarUint(d);
    if (type === MessageType.sync && decoding.readVarUint(d) === SyncStep.step1) ws.send(encodeSyncMessage(SyncStep.step2, EMPTY_UPDATE));
    else if (type === MessageType.stored) stored = Math.max(stored, readStored(d).count);
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () =>
      resolve({
        send: (data) => ws.send(data),
        stored: () => stored,
        closed,
        close: () => {
          if (ws.readyState === WebSocket.OPEN) ws.close();
          return closed;
        },
      }),
    );
    ws.once('error', reject);
  });
}

export function overwriteChain(keys: number, count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const map = doc.getMap('m');
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let round = 0; round < count; round++) {
    doc.transact(() => {
      for (let i = 0; i < keys; i++) map.set(`k${i}`, round);
    });
  }
  return updates;
}

export interface HeavyWriterStats {
  sent: number;
  confirmed: number;
  closes: Map<number, number>;
  connections: number;
}

export function startHeavyWriter(wsUrl: string, room: string, token: string, chain: readonly Uint8Array[], periodMs: number): { stop(): Promise<HeavyWriterStats> } {
  const stats: HeavyWriterStats = { sent: 0, confirmed: 0, closes: new Map(), connections: 0 };
  let stopped = false;
  let client: RawWriter | null = null;
  const run = (async () => {
    while (!stopped && stats.confirmed < chain.length) {
      stats.connections += 1;
      try {
        client = await connectRaw(`${wsUrl}/${room}?token=${encodeURIComponent(token)}`);
      } catch {
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      }
      const c = client;
      // stored(n) counts this connection's update-carrying messages: its step 2 answer is the first.
      const base = 1;
      const sentHere: number[] = [];
      let next = stats.confirmed;
      const closed = c.closed.then((info) => info);
      let isClosed = false;
      void closed.then(() => (isClosed = true));
      while (!stopped && !isClosed && next < chain.length) {
        c.send(encodeSyncMessage(SyncStep.update, chain[next] as Uint8Array));
        sentHere.push(next);
        stats.sent += 1;
        next += 1;
        await new Promise((r) => setTimeout(r, periodMs));
        const storedHere = c.stored() - base;
        if (storedHere > 0) stats.confirmed = Math.max(stats.confirmed, (sentHere[Math.min(storedHere, sentHere.length) - 1] ?? -1) + 1);
      }
      if (!isClosed) await c.close();
      const info = await closed;
      const storedHere = c.stored() - base;
      if (storedHere > 0) stats.confirmed = Math.max(stats.confirmed, (sentHere[Math.min(storedHere, sentHere.length) - 1] ?? -1) + 1);
      if (!stopped) {
        stats.closes.set(info.code, (stats.closes.get(info.code) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      await (client as RawWriter | null)?.close();
      await run.catch(() => undefined);
      return stats;
    },
  };
}
