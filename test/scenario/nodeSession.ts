/**
 * The sync engine as a Node "device": a community session with its own fake IndexedDB (pass the
 * same factory again to reopen the same device after a "reload") and the `ws` WebSocket.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import WebSocket from 'ws';
import { openCommunitySession, type CommunitySession, type CommunitySessionOptions, type SessionStatus } from '@lianxin/sync';

// Each y-websocket provider adds a process 'exit' listener in Node; a test holds dozens.
process.setMaxListeners(200);

export interface Device {
  readonly indexedDB: IDBFactory;
  readonly sessions: CommunitySession[];
  /** One relay URL, or several (`relayUrls`: the session moves between them). */
  open(relayUrl: string | readonly string[], token: string, extra?: Partial<CommunitySessionOptions>): CommunitySession;
  destroy(): Promise<void>;
}

/** The devices one test file opens, destroyed together in its afterAll. */
export function deviceRack(): { add(): Device; destroyAll(): Promise<void> } {
  const all: Device[] = [];
  return {
    add() {
      const d = device();
      all.push(d);
      return d;
    },
    async destroyAll() {
      await Promise.all(all.map((d) => d.destroy()));
    },
  };
}

export function device(): Device {
  const indexedDB = new IDBFactory();
  const sessions: CommunitySession[] = [];
  return {
    indexedDB,
    sessions,
    open(relayUrl, token, extra = {}) {
      const session = openCommunitySession({
        ...(typeof relayUrl === 'string' ? { relayUrl } : { relayUrls: relayUrl }),
        token,
        indexedDB,
        IDBKeyRange,
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        // Short back-off so reconnecting after a relay restart does not dominate test time.
        maxBackoffMs: 500,
        ...extra,
      });
      sessions.push(session);
      return session;
    },
    async destroy() {
      await Promise.all(sessions.splice(0).map((s) => s.destroy()));
    },
  };
}

/** Resolves with the first status (current or later) matching `predicate`. */
export function waitForStatus(session: CommunitySession, predicate: (s: SessionStatus) => boolean, what: string, timeoutMs = 15_000): Promise<SessionStatus> {
  if (predicate(session.getStatus())) return Promise.resolve(session.getStatus());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out waiting for ${what}; status: ${JSON.stringify(session.getStatus())}`));
    }, timeoutMs);
    const unsubscribe = session.subscribe((s) => {
      if (!predicate(s)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(s);
    });
  });
}

/** Synced with nothing pending. */
export function settled(session: CommunitySession, what = 'synced with nothing pending', timeoutMs?: number): Promise<SessionStatus> {
  return waitForStatus(session, (s) => s.type === 'synced' && s.pending === 0, what, timeoutMs);
}

/** Polls `predicate` every 20 ms. */
export async function waitUntil(predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** JSON with object keys sorted, to compare documents whose maps were filled in another order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
