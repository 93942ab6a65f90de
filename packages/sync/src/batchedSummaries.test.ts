// A county's summaries through a real relay process: every community's `summary` synced by
// POST /api/region/summaries (no WebSocket for any of them), kept in IndexedDB and read back in
// one go with no network, later changes brought by the next refresh, bad answers survived.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../test/support/syncClient';
import { createCommunity, createRegion, createToken, revokeToken, startRelay, type RelayProcess } from '../../../test/support/relayProcess';
import { openRegionSession, type RegionSession, type RegionSessionOptions } from './regionSession';
import type { SessionStatus } from './syncStatus';

let relay: RelayProcess;
let county: string;
const secretaries: Record<string, string> = {};
const sessions: RegionSession[] = [];
/** Rooms of every WebSocket the sessions opened. */
const sockets: string[] = [];

class CountingWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols);
    sockets.push(new URL(url).pathname.replace(/^\/sync\//, ''));
  }
}

async function publish(community: string, value: string): Promise<void> {
  const s = await connect(relay.wsUrl, `${community}/summary`, secretaries[community]);
  await s.waitSynced();
  await s.waitStored(s.write((d) => d.getMap('summary').set('current', value)));
  await s.close();
}

beforeAll(async () => {
  relay = await startRelay();
  county = (await createRegion(relay.dataDir, 'bs-county', '将乐县', 'county')).token;
  await createRegion(relay.dataDir, 'bs-town', '古镛镇', 'township', 'bs-county');
  await createRegion(relay.dataDir, 'bs-other', '万安镇', 'township', 'bs-county');
  for (const [id, township] of [['bs-a', 'bs-town'], ['bs-b', 'bs-town'], ['bs-c', 'bs-other']] as const) {
    secretaries[id] = (await createCommunity(relay.dataDir, id, id, 'village', township)).token;
  }
  await publish('bs-a', 'a v1');
  await publish('bs-c', 'c v1');
}, 60_000);
afterAll(async () => {
  await relay?.stop();
});
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.destroy()));
  sockets.length = 0;
});

function open(factory: IDBFactory, extra: Partial<RegionSessionOptions> = {}): RegionSession {
  const s = openRegionSession({ relayUrl: relay.url, token: county, indexedDB: factory, IDBKeyRange, WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket, networkEvents: null, ...extra });
  sessions.push(s);
  return s;
}

function until(session: RegionSession, ok: (s: SessionStatus) => boolean, what: string, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!ok(session.getStatus())) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}: ${JSON.stringify(session.getStatus())}`)), ms);
    const unsubscribe = session.subscribe(check);
    check();
  });
}

const synced = (s: SessionStatus) => s.type === 'synced';
const value = (s: RegionSession, id: string) => s.communityDoc(id, 'summary')?.getMap('summary').get('current');

describe("a county's summaries in batches", () => {
  it('syncs every summary over HTTP, with a socket for the region document only', async () => {
    const s = open(new IDBFactory());
    await s.whenLoaded;
    await until(s, synced, 'synced');
    expect(['bs-a', 'bs-b', 'bs-c'].map((id) => value(s, id))).toEqual(['a v1', undefined, 'c v1']);
    expect(sockets).toEqual(['bs-county/region']);
  });

  it('keeps them on the device: a new session with no network shows them from IndexedDB', async () => {
    const factory = new IDBFactory();
    const first = open(factory);
    await first.whenLoaded;
    await until(first, synced, 'synced');
    await first.destroy();

    let asked = 0;
    const offline = open(factory, {
      relayUrl: 'http://127.0.0.1:9',
      maxBackoffMs: 200,
      fetch: () => {
        asked += 1;
        return Promise.reject(new Error('no network'));
      },
    });
    await offline.whenLoaded;
    // Loaded before any answer: what the table shows at once.
    expect(['bs-a', 'bs-b', 'bs-c'].map((id) => offline.isCommunityDocLoaded(id, 'summary'))).toEqual([true, true, true]);
    expect(['bs-a', 'bs-c'].map((id) => value(offline, id))).toEqual(['a v1', 'c v1']);
    await until(offline, (x) => x.docs['bs-a/summary']?.type === 'offline', 'summaries offline');
    expect(asked).toBeGreaterThan(0);
  });

  it('brings a later change with the next refresh, and only what the device lacks', async () => {
    const bodies: string[] = [];
    const s = open(new IDBFactory(), {
      summaryRefreshMs: 200,
      fetch: async (input, init) => {
        if (input.endsWith('/region/summaries')) bodies.push(String(init?.body));
        return fetch(input, init);
      },
    });
    await s.whenLoaded;
    await until(s, synced, 'synced');
    await publish('bs-b', 'b v1');
    await publish('bs-a', 'a v2');
    await expect.poll(() => [value(s, 'bs-a'), value(s, 'bs-b')], { timeout: 10_000 }).toEqual(['a v2', 'b v1']);
    // After the first request, each asks with the state vector the device has.
    const later = JSON.parse(bodies.at(-1)!) as { summaries: { community: string; stateVector: string }[] };
    expect(later.summaries.find((w) => w.community === 'bs-a')!.stateVector).not.toBe('');
    // The token rides in the header: no request URL carries it.
    expect(sockets).toEqual(['bs-county/region']);
  });

  it('stops asking once the token is revoked', async () => {
    const staff = await createToken(relay.dataDir, 'bs-county', 'county', '离职干部');
    const s = open(new IDBFactory(), { token: staff.token, summaryRefreshMs: 200, maxBackoffMs: 200 });
    await s.whenLoaded;
    await until(s, synced, 'synced');
    await revokeToken(relay.dataDir, staff.tokenId);
    await until(s, (x) => x.docs['bs-a/summary']?.type === 'offline' && x.docs['bs-a/summary'].reason === 'revoked', 'summaries revoked', 20_000);
  });

  it('a relay answering garbage leaves the kept summaries as they were and retries', async () => {
    const factory = new IDBFactory();
    const first = open(factory);
    await first.whenLoaded;
    await until(first, synced, 'synced');
    await first.destroy();
    let asked = 0;
    const s = open(factory, {
      maxBackoffMs: 100,
      fetch: async (input, init) => {
        if (!input.endsWith('/region/summaries')) return fetch(input, init);
        asked += 1;
        return new Response(JSON.stringify({ summaries: [{ community: 'bs-a', update: '%%%' }], deferred: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    await s.whenLoaded;
    await expect.poll(() => asked, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(value(s, 'bs-a')).toBe('a v2');
  });
});
