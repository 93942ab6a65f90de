// A township's and a county's session against a real relay process: what each opens, the
// directory kept for offline use, and a refused token.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../test/support/syncClient';
import { createCommunity, createRegion, createToken, revokeToken, startRelay, type RelayProcess } from '../../../test/support/relayProcess';
import { regionDatabaseName } from './databaseNames';
import { openRegionSession, type RegionSession, type RegionSessionOptions } from './regionSession';
import type { SessionStatus } from './syncStatus';

process.setMaxListeners(200);

let relay: RelayProcess;
let township: string;
let county: string;
const sessions: RegionSession[] = [];

beforeAll(async () => {
  relay = await startRelay();
  county = (await createRegion(relay.dataDir, 'rs-county', '将乐县', 'county')).token;
  township = (await createRegion(relay.dataDir, 'rs-town', '古镛镇', 'township', 'rs-county')).token;
  await createRegion(relay.dataDir, 'rs-other', '万安镇', 'township', 'rs-county');
  const a = await createCommunity(relay.dataDir, 'rs-a', '三华社区', 'urban', 'rs-town');
  await createCommunity(relay.dataDir, 'rs-b', '水南村', 'village', 'rs-town');
  await createCommunity(relay.dataDir, 'rs-c', '万安村', 'village', 'rs-other');
  // The community's side: a case in its escalations document, as its devices write it.
  const secretary = await connect(relay.wsUrl, 'rs-a/escalations', a.token);
  await secretary.waitSynced();
  const n = secretary.write((doc) => doc.getMap('cases').set('k1', { title: '小区积水', place: '3 栋' }));
  await secretary.waitStored(n);
  await secretary.close();
}, 60_000);
afterAll(async () => {
  await relay?.stop();
});
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.destroy()));
});

function open(factory: IDBFactory, token: string, extra: Partial<RegionSessionOptions> = {}): RegionSession {
  const s = openRegionSession({ relayUrl: relay.url, token, indexedDB: factory, IDBKeyRange, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, networkEvents: null, ...extra });
  sessions.push(s);
  return s;
}

function until(session: RegionSession, ok: (s: SessionStatus) => boolean, what: string, ms = 10_000): Promise<SessionStatus> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!ok(session.getStatus())) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(session.getStatus());
    };
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}: ${JSON.stringify(session.getStatus())}`)), ms);
    const unsubscribe = session.subscribe(check);
    check();
  });
}

const synced = (s: SessionStatus) => s.type === 'synced' && s.pending === 0;

describe('openRegionSession', () => {
  it('given a dead relay first, takes its directory and documents from the next one', async () => {
    const s = open(new IDBFactory(), township, { relayUrl: undefined, relayUrls: ['http://127.0.0.1:9', relay.url] });
    await s.whenLoaded;
    expect(s.getDirectory()?.communities.map((c) => c.id).sort()).toEqual(['rs-a', 'rs-b']);
    await until(s, synced, 'synced');
    expect(s.communityDoc('rs-a', 'escalations')!.getMap('cases').get('k1')).toEqual({ title: '小区积水', place: '3 栋' });
  });

  it("a township opens its region document and its communities' escalations, nothing else", async () => {
    const s = open(new IDBFactory(), township);
    await s.whenLoaded;
    expect(s.getDirectory()?.communities.map((c) => c.id).sort()).toEqual(['rs-a', 'rs-b']);
    await until(s, synced, 'synced');
    expect(Object.keys(s.getStatus().docs).sort()).toEqual(['rs-a/escalations', 'rs-b/escalations', 'rs-town/region']);
    expect(s.communityDoc('rs-a', 'escalations')!.getMap('cases').toJSON()).toEqual({ k1: { title: '小区积水', place: '3 栋' } });
    expect(s.communityDoc('rs-a', 'summary')).toBeNull();
    // Not in its region: never opened, whatever a page asks for.
    expect(s.openCommunityDoc('rs-c', 'escalations')).toBeNull();
    expect(s.communityDoc('rs-c', 'escalations')).toBeNull();
  });

  it("writes the township's actions and its region document, and opens a summary only while a page holds it", async () => {
    const s = open(new IDBFactory(), township);
    await s.whenLoaded;
    await until(s, synced, 'synced');
    s.communityDoc('rs-a', 'escalations')!.getMap('actions').set('x1', { type: 'accept' });
    s.region.getMap('meetings').set('m1', { title: '三月问题会诊会' });
    await until(s, synced, 'actions stored');
    expect(s.getStatus().refused).toBe(0);

    const summary = s.openCommunityDoc('rs-a', 'summary')!;
    // Synced in batches with the other summaries, not over a socket of its own.
    expect(summary.synced).toBeNull();
    expect(Object.keys(s.getStatus().docs)).toContain('rs-a/summary');
    summary.release();
    expect(Object.keys(s.getStatus().docs)).not.toContain('rs-a/summary');

    const check = await connect(relay.wsUrl, 'rs-a/escalations', (await createToken(relay.dataDir, 'rs-a', 'member', '王芳')).token);
    await check.waitSynced();
    expect(check.doc.getMap('actions').get('x1')).toEqual({ type: 'accept' });
    await check.close();
  });

  it('opens from this device with no network: the kept directory and documents', async () => {
    const factory = new IDBFactory();
    const first = open(factory, township);
    await first.whenLoaded;
    await until(first, synced, 'synced');
    await first.destroy();

    const offline = open(factory, township, { relayUrl: 'http://127.0.0.1:9', fetch: () => Promise.reject(new Error('no network')), maxBackoffMs: 200 });
    await offline.whenLoaded;
    expect(offline.getDirectory()?.region).toMatchObject({ id: 'rs-town', name: '古镛镇', level: 'township', parent: 'rs-county' });
    expect(offline.communityDoc('rs-a', 'escalations')!.getMap('cases').get('k1')).toMatchObject({ title: '小区积水' });
    expect(offline.getStatus().type).not.toBe('synced');
    expect((await factory.databases()).map((d) => d.name)).toContain(regionDatabaseName('rs-town', JSON.parse(Buffer.from(township.split('.')[0]!, 'base64url').toString()).sub));
  });

  it('holds the community documents until asked, and reads the views kept beside them before they load', async () => {
    const factory = new IDBFactory();
    const first = open(factory, township);
    await first.whenLoaded;
    await until(first, synced, 'synced');
    expect(await first.writeKeptView('rs-a', 'escalations', 'desk-test', { rows: 1 })).toBe(true);
    // The same value of the same document is not written again.
    expect(await first.writeKeptView('rs-a', 'escalations', 'desk-test', { rows: 1 })).toBe(false);
    await first.destroy();

    const held = open(factory, township, { connect: false, holdCommunityDocs: true });
    await held.whenOpened;
    expect(await held.readKeptView('rs-a', 'escalations', 'desk-test')).toEqual({ rows: 1 });
    expect(await held.readKeptView('rs-b', 'escalations', 'desk-test')).toBeNull();
    await new Promise((r) => setTimeout(r, 200));
    expect(held.isCommunityDocLoaded('rs-a', 'escalations')).toBe(false);
    expect(held.communityDoc('rs-a', 'escalations')!.getMap('cases').size).toBe(0);
    held.loadCommunityDocs();
    await held.whenLoaded;
    expect(held.isCommunityDocLoaded('rs-a', 'escalations')).toBe(true);
    expect(held.communityDoc('rs-a', 'escalations')!.getMap('cases').get('k1')).toMatchObject({ title: '小区积水' });
  });

  it('closes while its community documents are still held', async () => {
    const factory = new IDBFactory();
    const first = open(factory, township);
    await first.whenLoaded;
    await first.destroy();
    const held = open(factory, township, { connect: false, holdCommunityDocs: true });
    await held.whenOpened;
    await held.destroy();
  });

  it("a county opens its townships' communities' summaries, never their escalations", async () => {
    const s = open(new IDBFactory(), county);
    await s.whenLoaded;
    expect(s.getDirectory()?.communities.map((c) => c.id).sort()).toEqual(['rs-a', 'rs-b', 'rs-c']);
    expect(Object.keys(s.getStatus().docs).sort()).toEqual(['rs-a/summary', 'rs-b/summary', 'rs-c/summary', 'rs-county/region']);
    expect(s.openCommunityDoc('rs-a', 'escalations')).toBeNull();
    await until(s, synced, 'synced');
  });

  it("a county reads a township's own document (its ratings) while a page holds it, read-only, and keeps the copy for offline", async () => {
    const factory = new IDBFactory();
    const t = open(factory, township);
    await t.whenLoaded;
    await until(t, synced, 'township synced');
    t.region.getMap('ratings').set('r1', { communityId: 'rs-a', year: 2024, stars: 4 });
    await until(t, synced, 'rating stored');
    // A township never opens another region's document.
    expect(t.openTownshipRegion('rs-other')).toBeNull();

    const s = open(factory, county);
    await s.whenLoaded;
    expect(s.openTownshipRegion('rs-a')).toBeNull();
    expect(s.openTownshipRegion('elsewhere')).toBeNull();
    const handle = s.openTownshipRegion('rs-town')!;
    await until(s, (x) => synced(x) && 'rs-town/region' in x.docs, 'township region synced');
    expect(handle.doc.getMap('ratings').get('r1')).toEqual({ communityId: 'rs-a', year: 2024, stars: 4 });
    expect(s.getStatus().docs['rs-town/region']).toBeDefined();
    handle.release();
    expect(Object.keys(s.getStatus().docs)).not.toContain('rs-town/region');
    await s.destroy();

    // Reopened with no network: the kept copy is still there (not purged as a stranger's).
    const offline = open(factory, county, { relayUrl: 'http://127.0.0.1:9', fetch: () => Promise.reject(new Error('no network')), maxBackoffMs: 200 });
    await offline.whenLoaded;
    const again = offline.openTownshipRegion('rs-town')!;
    await new Promise((r) => setTimeout(r, 300));
    expect(again.doc.getMap('ratings').get('r1')).toMatchObject({ stars: 4 });
    again.release();
  });

  it('stops every document when the token is revoked', async () => {
    const staff = await createToken(relay.dataDir, 'rs-town', 'township', '李干部');
    const s = open(new IDBFactory(), staff.token, { maxBackoffMs: 200 });
    await s.whenLoaded;
    await until(s, synced, 'synced');
    await revokeToken(relay.dataDir, staff.tokenId);
    const status = await until(s, (x) => x.type === 'offline' && x.reason === 'revoked', 'revoked', 20_000);
    expect(Object.values(status.docs).every((d) => d.type === 'offline' && d.reason === 'revoked')).toBe(true);
  });

  it('refuses a community token', () => {
    expect(() => openRegionSession({ relayUrl: relay.url, token: 'x', indexedDB: new IDBFactory(), IDBKeyRange })).toThrow(/not a readable/);
  });
});
