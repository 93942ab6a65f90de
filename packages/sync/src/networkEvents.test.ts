// The browser's online/offline events, with an EventTarget standing in for `window`, against a
// real relay process.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommunity, startRelay, type RelayProcess } from '../../../test/support/relayProcess';
import { openCommunitySession, type CommunitySession } from './communitySession';
import type { SessionStatus } from './syncStatus';

// Each y-websocket provider adds a process 'exit' listener in Node.
process.setMaxListeners(200);

let relay: RelayProcess;
let token: string;
const sessions: CommunitySession[] = [];

beforeAll(async () => {
  relay = await startRelay();
  token = (await createCommunity(relay.dataDir, 'netev', '网络社区')).token;
}, 60_000);
afterAll(async () => {
  await Promise.all(sessions.map((s) => s.destroy()));
  await relay?.stop();
});

/** `ws`'s class, counting the sockets the engine opens. */
function countingWs(): { WebSocket: typeof globalThis.WebSocket; opened: () => number } {
  let n = 0;
  class Counting extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      n += 1;
    }
  }
  return { WebSocket: Counting as unknown as typeof globalThis.WebSocket, opened: () => n };
}

function until(session: CommunitySession, ok: (s: SessionStatus) => boolean, what: string, ms = 10_000): Promise<SessionStatus> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      if (!ok(session.getStatus())) return false;
      clearTimeout(timer);
      unsubscribe();
      resolve(session.getStatus());
      return true;
    };
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}: ${JSON.stringify(session.getStatus())}`)), ms);
    const unsubscribe = session.subscribe(() => check());
    check();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('network events', () => {
  it('disconnects on offline (reason network, no retries) and reconnects at once on online', async () => {
    const network = new EventTarget();
    const sockets = countingWs();
    const session = openCommunitySession({
      relayUrl: relay.url,
      token,
      indexedDB: new IDBFactory(),
      IDBKeyRange,
      WebSocketPolyfill: sockets.WebSocket,
      // A long back-off: only the `online` event can explain a quick reconnect.
      maxBackoffMs: 60_000,
      networkEvents: network,
    });
    sessions.push(session);
    await until(session, (s) => s.type === 'synced', 'synced');
    const docs = Object.keys(session.getStatus().docs).length;
    expect(sockets.opened()).toBe(docs);

    network.dispatchEvent(new Event('offline'));
    const offline = session.getStatus();
    expect(offline).toMatchObject({ type: 'offline', reason: 'network', pending: 0 });
    expect(Object.values(offline.docs).every((d) => d.type === 'offline' && d.reason === 'network')).toBe(true);

    // Edits while offline wait; nothing tries to reconnect meanwhile.
    session.docs.work?.getArray('concerns').push(['楼道灯不亮']);
    expect(session.getStatus()).toMatchObject({ type: 'offline', reason: 'network', pending: 1 });
    await sleep(800);
    expect(sockets.opened()).toBe(docs);
    expect(session.getStatus()).toMatchObject({ type: 'offline', reason: 'network', pending: 1 });

    const back = Date.now();
    network.dispatchEvent(new Event('online'));
    expect(sockets.opened()).toBe(2 * docs); // at once, not after a back-off
    await until(session, (s) => s.type === 'synced' && s.pending === 0, 'synced with nothing pending');
    expect(Date.now() - back).toBeLessThan(5_000);

    // Minutes opened while offline stay offline too, and connect on online.
    network.dispatchEvent(new Event('offline'));
    const minutes = session.openMinutes('m-1');
    expect(minutes.synced.status).toMatchObject({ type: 'offline', reason: 'network' });
    network.dispatchEvent(new Event('online'));
    await until(session, (s) => s.type === 'synced' && s.docs['minutes/m-1']?.type === 'synced', 'minutes synced');
    minutes.release();
  }, 30_000);

  it('stops listening once destroyed, and a closed session stays stopped on online', async () => {
    const network = new EventTarget();
    const sockets = countingWs();
    const session = openCommunitySession({ relayUrl: relay.url, token, indexedDB: new IDBFactory(), IDBKeyRange, WebSocketPolyfill: sockets.WebSocket, networkEvents: network });
    await until(session, (s) => s.type === 'synced', 'synced');
    const opened = sockets.opened();
    await session.destroy();
    network.dispatchEvent(new Event('offline'));
    network.dispatchEvent(new Event('online'));
    await sleep(300);
    expect(sockets.opened()).toBe(opened);
    expect(session.getStatus()).toMatchObject({ type: 'offline', reason: 'stopped' });
  }, 30_000);

  it('ignores the events of a session kept local (connect: false)', async () => {
    const network = new EventTarget();
    const session = openCommunitySession({ relayUrl: relay.url, token, indexedDB: new IDBFactory(), IDBKeyRange, WebSocketPolyfill: countingWs().WebSocket, networkEvents: network, connect: false });
    sessions.push(session);
    await session.whenLoaded;
    network.dispatchEvent(new Event('offline'));
    network.dispatchEvent(new Event('online'));
    expect(session.getStatus()).toMatchObject({ type: 'offline', reason: 'stopped' });
  });
});
