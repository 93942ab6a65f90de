/**
 * The public page on a real relay process (`relay serve`: SQLite data folder, rooms, WebSocket
 * upgrades, public routes); community and tokens made by the relay's CLI; a stock y-websocket
 * provider publishing with a committee token. The page and its JSON show what was published, the
 * ETag follows the document, a member cannot publish, and private documents never reach the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { publishResolution } from '@lianxin/model';
import { fillSamplePublicDoc, SAMPLE_NOW, sampleResolution } from '../../relay/src/public/samplePublicDoc';
import { createCommunity, createToken, startRelay, tempDataDir, type RelayProcess } from '../support/relayProcess';
import { connect } from '../support/syncClient';

let relay: RelayProcess;
let wsUrl = '';
const tokens = { committee: '', member: '' };
const providers: WebsocketProvider[] = [];

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${relay.url}${path}`, { headers });
  return { res, body: await res.text() };
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function provider(room: string, token: string): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const doc = new Y.Doc();
  const p = new WebsocketProvider(wsUrl, room, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, params: { token }, disableBc: true });
  providers.push(p);
  return new Promise((resolve) => {
    if (p.synced) resolve({ doc, provider: p });
    else p.once('sync', () => resolve({ doc, provider: p }));
  });
}

// The stock provider logs "Unable to compute message" for the relay's `stored` acknowledgements.
const consoleError = console.error;

beforeAll(async () => {
  console.error = (...args: unknown[]) => {
    if (args[0] !== 'Unable to compute message') consoleError(...args);
  };
  const dataDir = tempDataDir('lianxin-public-');
  await createCommunity(dataDir, 'liucun', '刘村社区');
  await createCommunity(dataDir, 'quiet', '静水村', 'village');
  tokens.committee = (await createToken(dataDir, 'liucun', 'committee', '王委员')).token;
  tokens.member = (await createToken(dataDir, 'liucun', 'member', '李党员')).token;
  relay = await startRelay({ dataDir });
  wsUrl = relay.wsUrl;
});

afterAll(async () => {
  console.error = consoleError;
  for (const p of providers) p.destroy();
  if (relay) expect(await relay.stop()).toBe(0);
});

describe('public page on a real relay', () => {
  it('is the relay-wide 404 for a community with nothing published, an unknown one and a bad id', async () => {
    const quiet = await get('/p/quiet');
    const unknown = await get('/p/nobody');
    const bad = await get('/p/..%2Froster');
    expect(quiet.res.status).toBe(404);
    expect(quiet.body).toBe(unknown.body);
    expect(bad.body).toBe(unknown.body);
    expect(quiet.res.headers.get('etag')).toBeNull();
    const quietJson = await get('/api/public/quiet');
    const unknownJson = await get('/api/public/nobody');
    expect(quietJson.res.status).toBe(404);
    expect(quietJson.body).toBe(unknownJson.body);
  });

  it('shows what a committee member publishes through a y-websocket provider; ETag and 304 follow the document', async () => {
    const { doc } = await provider('liucun/public', tokens.committee);
    fillSamplePublicDoc(doc, { disclosures: 3, buildings: 4 });

    const first = await until('the published page', async () => {
      const r = await get('/p/liucun');
      return r.res.status === 200 && r.body.includes('id="m-matter0002"') && r.body.includes('id="b-bldg4"') ? r : null;
    });
    expect(first.body).toContain('<h1>刘村社区</h1>');
    expect(first.res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const etag = first.res.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{32}\./);
    expect((await get('/p/liucun', { 'If-None-Match': etag })).res.status).toBe(304);
    expect((await get('/p/liucun')).res.headers.get('etag')).toBe(etag);
    const json = await get('/api/public/liucun');
    expect(json.res.status).toBe(200);
    expect(json.res.headers.get('content-type')).toContain('application/json');
    expect(json.body).toContain('刘村社区');
    expect(json.res.headers.get('content-security-policy')).toContain("default-src 'none'");
    // the public pages' policy forbids scripts; it must not reach the rest of the relay (the app)
    expect((await get('/healthz')).res.headers.get('content-security-policy')).toBeNull();
    expect((await get('/join')).res.headers.get('content-security-policy')).toBeNull();

    const board = await get('/p/liucun/board/bldg2/unit2x1?size=a5');
    expect(board.res.status).toBe(200);
    expect(board.body).toContain(`${relay.url}/p/liucun#u-bldg2-unit2x1`);

    // a new publish shows on the next load, with a new tag
    const at = SAMPLE_NOW + 50 * 86_400_000;
    expect(publishResolution(doc, { ...sampleResolution(42, at), title: '小区东门安装路灯' }, { actor: 'committee', now: at }).type).toBe('done');
    const after = await until('the new resolution', async () => {
      const r = await get('/p/liucun', { 'If-None-Match': etag });
      return r.res.status === 200 && r.body.includes('小区东门安装路灯') ? r : null;
    });
    expect(after.res.headers.get('etag')).not.toBe(etag);
    expect((await get('/p/liucun', { 'If-None-Match': after.res.headers.get('etag') ?? '' })).res.status).toBe(304);
  });

  it('never shows what a member tried to publish, nor anything from a private document', async () => {
    await until('the published page', async () => ((await get('/p/liucun')).res.status === 200 ? true : null));

    // a member may read `public` but not write it: the relay drops the update
    const member = await connect(wsUrl, 'liucun/public', tokens.member);
    await member.waitSynced();
    member.write((d) => d.getMap('community').set('info', { name: '冒名社区', kind: 'urban', township: null, address: null, phone: null, officeHours: null, intro: null, updatedAt: 1 }));
    await member.waitFor(() => member.denied().length > 0, 'the permission-denied answer');
    await member.close();

    // a committee member writes something sensitive to `care` and `roster`
    for (const room of ['liucun/care', 'liucun/roster']) {
      const committee = await connect(wsUrl, room, tokens.committee);
      await committee.waitSynced();
      const n = committee.write((d) => d.getMap('notes').set('secret', { text: '低保户:张某,身份证 410105xxxx', kind: 'hardship' }));
      await committee.waitStored(n);
      await committee.close();
    }

    for (const path of ['/p/liucun', '/p/liucun?lang=en', '/p/liucun/board/bldg1']) {
      const { res, body } = await get(path);
      expect(res.status, path).toBe(200);
      expect(body, path).not.toContain('冒名社区');
      expect(body, path).not.toContain('低保');
      expect(body, path).not.toContain('410105');
    }
  });
});
