import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { Bus, BusHandlers, BusHealth, BusUpdate } from './Bus';
import type { Logger } from '../logger';

/**
 * One Redis stream per document (`lianxin:doc:<name>`), read only by the processes that have the
 * document loaded, plus one control stream every process reads (revocations). Why per document
 * and not a sharded set: with the proxy routing by path, a document is loaded by one process
 * (two or three during a failover), so a process reads exactly the traffic of its own documents;
 * a shard would make it read (and drop) its neighbours' traffic too. The cost is one XREAD over
 * all loaded documents' keys, re-issued after each delivery (Redis: O(keys) per call); see the
 * capacity note in relay/README.md.
 *
 * Streams are short (approximate MAXLEN) and expire when their document goes quiet: the store
 * holds the history, a reader that falls further behind than the stream sees a seq gap and loads
 * the rest from the store.
 */
export const DOC_STREAM_PREFIX = 'lianxin:doc:';
export const CONTROL_STREAM = 'lianxin:control';
const MAX_LEN = 1000;
const TTL_MS = 10 * 60_000;
const BLOCK_MS = 5000;
const READ_COUNT = 512;
/**
 * A bigger update goes as a head (doc, seq) only: readers load it from the store. Streams then
 * stay small in Redis's memory whatever the updates' size (a pasted photo, a big import).
 */
export const MAX_INLINE_BYTES = 64 * 1024;

export interface RedisBusOptions {
  readonly url: string;
  readonly log: Logger;
  /** tells this process's own messages apart (default: a random id) */
  readonly processId?: string;
}

type Fields = Map<string, Buffer>;

function fieldsOf(flat: Buffer[]): Fields {
  const fields: Fields = new Map();
  for (let i = 0; i + 1 < flat.length; i += 2) fields.set((flat[i] as Buffer).toString(), flat[i + 1] as Buffer);
  return fields;
}

const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export function createRedisBus(options: RedisBusOptions): Bus {
  const { log } = options;
  const self = options.processId ?? randomUUID();
  const redisOptions: RedisOptions = {
    // A command while disconnected fails at once: publishing is fire and forget, and readers catch
    // up from the store after the reconnection (`resumed`), so nothing needs to wait in a queue.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(100 * times, 1000),
    lazyConnect: true,
  };
  // A Redis that hangs rather than drops must not hold a document load (follow) or the reader.
  const pub = new Redis(options.url, { ...redisOptions, commandTimeout: 2000, connectionName: `lianxin-pub-${self}` });
  const sub = new Redis(options.url, { ...redisOptions, commandTimeout: BLOCK_MS + 2000, connectionName: `lianxin-sub-${self}` });
  let handlers: BusHandlers | null = null;
  let closed = false;
  let lastError: string | null = null;
  /** stream key → last id read; followers counted per key (a document reloaded follows again) */
  const cursors = new Map<string, string>();
  const followers = new Map<string, number>();
  let controlCursor = '$';
  // The reader's own wake-up stream: an entry there ends a blocked XREAD whether it arrives
  // before or after the XREAD reaches Redis (CLIENT UNBLOCK missed a read not yet blocked).
  const wakeKey = `lianxin:wake:${self}`;
  let wakeCursor = '0-0';
  let interruptQueued = false;
  let readLoopDone: Promise<void> = Promise.resolve();
  let wake: (() => void) | null = null;

  const resumedSoon = (() => {
    let queued = false;
    return () => {
      if (queued) return;
      queued = true;
      setTimeout(() => {
        queued = false;
        if (!closed) handlers?.resumed();
      }, 0);
    };
  })();

  for (const [name, conn] of [['publisher', pub], ['reader', sub]] as const) {
    let wasReady = false;
    let down = false;
    conn.on('error', (error: Error) => {
      lastError = error.message;
    });
    conn.on('close', () => {
      if (closed || down || !wasReady) return;
      down = true;
      log.warn({ connection: name, error: lastError }, 'redis bus connection lost; retrying (fan-out to other processes pauses, the store keeps every update)');
    });
    conn.on('ready', () => {
      if (wasReady && down) {
        log.warn({ connection: name }, 'redis bus connection back; catching loaded documents up from the store');
        resumedSoon();
      }
      wasReady = true;
      down = false;
      lastError = null;
      if (conn === sub) wake?.();
    });
  }

  /** The newest id of a stream, or 0-0 for none: reads from there miss nothing published later. */
  async function newestId(key: string): Promise<string> {
    const last = (await pub.xrevrange(key, '+', '-', 'COUNT', 1))[0];
    return last ? last[0] : '0-0';
  }

  /** The blocked XREAD returns at once, so the next one reads the new key set. */
  function interrupt(): void {
    if (interruptQueued) return;
    interruptQueued = true;
    queueMicrotask(() => {
      interruptQueued = false;
      if (closed || pub.status !== 'ready') return;
      pub.pipeline().xadd(wakeKey, 'MAXLEN', '~', 10, '*', 'w', '1').pexpire(wakeKey, TTL_MS).exec().catch(() => undefined);
    });
  }

  function dispatch(key: string, fields: Fields): void {
    if (!handlers) return;
    if (fields.get('p')?.toString() === self) return;
    const type = fields.get('t')?.toString();
    try {
      if (key === CONTROL_STREAM) {
        if (type === 'r') handlers.revoked((fields.get('k') as Buffer).toString());
        return;
      }
      const doc = key.slice(DOC_STREAM_PREFIX.length);
      if (type === 'u') handlers.update({ doc, seq: Number(fields.get('s')?.toString()), update: bytes(fields.get('b') as Buffer), author: fields.get('a')?.toString() ?? '' });
      else if (type === 'a') handlers.awareness(doc, bytes(fields.get('b') as Buffer));
      else if (type === 'q') handlers.awarenessQuery(doc);
      else if (type === 'h') handlers.head(doc, Number(fields.get('s')?.toString()));
    } catch (error) {
      log.error({ stream: key, err: error }, 'a bus message could not be handled');
    }
  }

  async function readLoop(): Promise<void> {
    while (!closed) {
      if (sub.status !== 'ready') {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 500).unref();
        });
        wake = null;
        continue;
      }
      const keys = [wakeKey, CONTROL_STREAM, ...cursors.keys()];
      const ids = [wakeCursor, controlCursor, ...cursors.values()];
      let result: [Buffer, [Buffer, Buffer[]][]][] | null;
      try {
        result = (await sub.xreadBuffer('COUNT', READ_COUNT, 'BLOCK', BLOCK_MS, 'STREAMS', ...keys, ...ids)) as typeof result;
      } catch (error) {
        lastError = (error as Error).message;
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      if (!result) continue;
      for (const [keyBuffer, entries] of result) {
        const key = keyBuffer.toString();
        if (key === wakeKey) {
          wakeCursor = entries.at(-1)?.[0].toString() ?? wakeCursor;
          continue;
        }
        for (const [idBuffer, flat] of entries) {
          const id = idBuffer.toString();
          if (key === CONTROL_STREAM) controlCursor = id;
          else if (cursors.has(key)) cursors.set(key, id);
          else break; // unfollowed meanwhile
          dispatch(key, fieldsOf(flat));
        }
      }
    }
  }

  function publish(build: (p: ReturnType<Redis['pipeline']>) => void): void {
    // Not connected: dropped; readers catch up from the store once the bus is back (`resumed`).
    if (closed || pub.status !== 'ready') return;
    const p = pub.pipeline();
    build(p);
    p.exec().catch((error: unknown) => {
      lastError = (error as Error).message;
    });
  }

  const docKey = (doc: string): string => DOC_STREAM_PREFIX + doc;

  return {
    kind: 'redis',
    async start(h) {
      handlers = h;
      // The relay starts without Redis too: it serves its own clients, and fans out once Redis answers.
      await Promise.all([pub.connect(), sub.connect()]).catch((error: unknown) => {
        lastError = (error as Error).message;
        log.error({ error: lastError }, 'redis bus unreachable at start; retrying in the background');
      });
      if (pub.status === 'ready') controlCursor = await newestId(CONTROL_STREAM).catch(() => '$');
      else controlCursor = `${Date.now()}-0`;
      readLoopDone = readLoop();
    },
    async follow(doc) {
      const key = docKey(doc);
      followers.set(key, (followers.get(key) ?? 0) + 1);
      if (cursors.has(key)) return;
      let id: string;
      try {
        id = pub.status === 'ready' ? await newestId(key) : `${Date.now()}-0`;
      } catch {
        // Missed messages are caught up from the store after the reconnection (`resumed`).
        id = `${Date.now()}-0`;
      }
      if (!followers.has(key) || cursors.has(key)) return;
      cursors.set(key, id);
      interrupt();
    },
    unfollow(doc) {
      const key = docKey(doc);
      const n = (followers.get(key) ?? 0) - 1;
      if (n > 0) {
        followers.set(key, n);
        return;
      }
      followers.delete(key);
      cursors.delete(key);
      interrupt();
    },
    publishUpdates(updates: readonly BusUpdate[]) {
      if (updates.length === 0) return;
      publish((p) => {
        const keys = new Set<string>();
        for (const u of updates) {
          const key = docKey(u.doc);
          keys.add(key);
          if (u.update.byteLength > MAX_INLINE_BYTES) p.xadd(key, 'MAXLEN', '~', MAX_LEN, '*', 't', 'h', 's', String(u.seq), 'p', self);
          else p.xadd(key, 'MAXLEN', '~', MAX_LEN, '*', 't', 'u', 's', String(u.seq), 'a', u.author, 'p', self, 'b', Buffer.from(u.update.buffer, u.update.byteOffset, u.update.byteLength));
        }
        for (const key of keys) p.pexpire(key, TTL_MS);
      });
    },
    publishAwareness(doc, update) {
      publish((p) => p.xadd(docKey(doc), 'MAXLEN', '~', MAX_LEN, '*', 't', 'a', 'p', self, 'b', Buffer.from(update.buffer, update.byteOffset, update.byteLength)));
    },
    publishAwarenessQuery(doc) {
      publish((p) => p.xadd(docKey(doc), 'MAXLEN', '~', MAX_LEN, '*', 't', 'q', 'p', self));
    },
    publishHead(doc, seq) {
      publish((p) => p.xadd(docKey(doc), 'MAXLEN', '~', MAX_LEN, '*', 't', 'h', 's', String(seq), 'p', self));
    },
    publishRevoked(tokenId) {
      publish((p) => p.xadd(CONTROL_STREAM, 'MAXLEN', '~', MAX_LEN, '*', 't', 'r', 'k', tokenId, 'p', self));
    },
    health(): BusHealth {
      const ok = pub.status === 'ready' && sub.status === 'ready';
      return ok ? { kind: 'redis', state: 'ok' } : { kind: 'redis', state: 'error', reason: `redis unreachable: ${lastError ?? pub.status}` };
    },
    async close() {
      closed = true;
      wake?.();
      interrupt();
      pub.disconnect();
      sub.disconnect();
      await readLoopDone.catch(() => undefined);
    },
  };
}
