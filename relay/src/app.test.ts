import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createApp, type RelayApp } from './app';
import { defaultConfig, type RelayConfig } from './config';
import { defaultHttpConfig } from './httpConfig';
import { createLogger } from './logger';
import { createMemoryStore } from './store/memoryStore';
import type { Store } from './store/Store';

const secret = 'a'.repeat(40);
const METRICS_TOKEN = 'metrics-token-for-app-tests';
const logLines: string[] = [];
const log = createLogger('debug', { write: (line: string) => void logLines.push(line) });
const staticDir = mkdtempSync(join(tmpdir(), 'lianxin-static-'));
mkdirSync(join(staticDir, 'assets'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Lianxin</title>');
writeFileSync(join(staticDir, 'assets', 'app-123.js'), 'console.log(1)');
writeFileSync(join(tmpdir(), 'lianxin-outside.txt'), 'outside');
afterAll(() => rmSync(staticDir, { recursive: true, force: true }));

let store: Store;
let relay: RelayApp;
let clock: number;
const issued: string[] = [];

function build(overrides: Partial<RelayConfig> = {}): RelayApp {
  return createApp({
    config: defaultConfig({ dataDir: staticDir, staticDir, ...overrides }),
    store,
    secret,
    log,
    now: () => clock,
    routes: [
      (app, { documents }) => {
        app.get('/p/:community', async (c) => {
          const doc = await documents.openForRead(`${c.req.param('community')}/public`);
          if (!doc) return c.json({ error: { code: 'not-found', message: 'no' } }, 404);
          return c.json({ hash: doc.stateHash, title: doc.doc.getMap('page').get('title') ?? null, name: (await documents.community(doc.room.communityId))?.name });
        });
      },
    ],
  });
}

type Json = Record<string, unknown>;
async function call(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; json: Json }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await relay.app.request(path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  let json: Json = {};
  try {
    json = JSON.parse(text) as Json;
  } catch {
    json = { text };
  }
  for (const key of ['token']) if (typeof json[key] === 'string') issued.push(json[key] as string);
  return { status: res.status, json };
}

async function setUp(): Promise<{ secretary: string; secretaryId: string }> {
  const code = await relay.setup.issue();
  const res = await call('POST', '/api/setup', { code, community: { id: 'maple', name: '枫林社区', kind: 'urban' }, secretary: { name: '李书记' } });
  expect(res.status).toBe(201);
  return { secretary: res.json.token as string, secretaryId: res.json.tokenId as string };
}

async function invite(secretary: string, role: string): Promise<string> {
  const res = await call('POST', '/api/invites', { role }, secretary);
  expect(res.status).toBe(201);
  return res.json.code as string;
}

beforeEach(() => {
  store = createMemoryStore();
  clock = Date.UTC(2030, 0, 1);
  relay = build();
});

describe('POST /api/setup', () => {
  it('turns the one-time code into a community and a secretary token, once', async () => {
    const code = await relay.setup.issue();
    const body = { code, community: { id: 'maple', name: '枫林社区', kind: 'urban' }, secretary: { name: '李书记' } };
    const res = await call('POST', '/api/setup', body);
    expect(res.status).toBe(201);
    expect(res.json.community).toEqual({ id: 'maple', name: '枫林社区', kind: 'urban' });
    const me = await call('GET', '/api/me', undefined, res.json.token as string);
    expect(me.json).toMatchObject({ cid: 'maple', role: 'secretary', name: '李书记', jti: res.json.tokenId });
    expect((await call('POST', '/api/setup', body)).json).toMatchObject({ error: { code: 'bad-setup-code' } });
  });

  it('refuses a wrong code and changes nothing', async () => {
    await relay.setup.issue();
    const res = await call('POST', '/api/setup', { code: 'guess', community: { id: 'maple', name: 'x', kind: 'urban' }, secretary: { name: 'y' } });
    expect(res.status).toBe(403);
    expect(await store.countCommunities()).toBe(0);
  });

  it.each([
    ['not JSON', '{', 'bad-json'],
    ['missing secretary', { code: 'x', community: { id: 'maple', name: 'x', kind: 'urban' } }, 'bad-request'],
    ['bad id', { code: 'x', community: { id: 'Bad Id', name: 'x', kind: 'urban' }, secretary: { name: 'y' } }, 'bad-request'],
    ['bad kind', { code: 'x', community: { id: 'maple', name: 'x', kind: 'city' }, secretary: { name: 'y' } }, 'bad-request'],
    ['empty name', { code: 'x', community: { id: 'maple', name: ' ', kind: 'urban' }, secretary: { name: 'y' } }, 'bad-request'],
  ])('400 for %s', async (_label, body, code) => {
    const res = await call('POST', '/api/setup', body);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: { code } });
    expect(typeof (res.json.error as Json).message).toBe('string');
  });

  it('409 for an existing id, and the code still works for another', async () => {
    await store.createCommunity({ id: 'maple' as never, name: 'old', kind: 'urban', createdAt: 0 , township: null });
    const code = await relay.setup.issue();
    const res = await call('POST', '/api/setup', { code, community: { id: 'maple', name: 'x', kind: 'urban' }, secretary: { name: 'y' } });
    expect(res.status).toBe(409);
    expect((await call('POST', '/api/setup', { code, community: { id: 'birch', name: 'x', kind: 'village' }, secretary: { name: 'y' } })).status).toBe(201);
  });
});

describe('invites and join', () => {
  it('a secretary invites, a person joins once with the role', async () => {
    const { secretary } = await setUp();
    const inv = await call('POST', '/api/invites', { role: 'committee', name: '张委员', ttlDays: 3 }, secretary);
    expect(inv.json.url).toBe(`/join#code=${inv.json.code}`);
    expect(Date.parse(inv.json.expiresAt as string)).toBe(clock + 3 * 86_400_000);
    const join = await call('POST', '/api/join', { code: inv.json.code, name: '张委员' });
    expect(join.status).toBe(201);
    expect(join.json).toMatchObject({ community: { id: 'maple', name: '枫林社区', kind: 'urban' }, role: 'committee', name: '张委员' });
    expect((await call('GET', '/api/me', undefined, join.json.token as string)).json).toMatchObject({ role: 'committee', cid: 'maple' });
    expect(await call('POST', '/api/join', { code: inv.json.code, name: 'again' })).toMatchObject({ status: 409, json: { error: { code: 'invite-used' } } });
  });

  it('refuses unknown and expired invites', async () => {
    const { secretary } = await setUp();
    expect(await call('POST', '/api/join', { code: 'nope', name: 'x' })).toMatchObject({ status: 404, json: { error: { code: 'invite-unknown' } } });
    const code = await invite(secretary, 'member');
    clock += 8 * 86_400_000;
    expect(await call('POST', '/api/join', { code, name: 'x' })).toMatchObject({ status: 410, json: { error: { code: 'invite-expired' } } });
  });

  it('adds a device for an existing person', async () => {
    const { secretary } = await setUp();
    const first = await call('POST', '/api/join', { code: await invite(secretary, 'member'), name: '王芳' });
    const again = await call('POST', '/api/invites', { role: 'member', personId: first.json.personId }, secretary);
    const second = await call('POST', '/api/join', { code: again.json.code, name: '王芳' });
    expect(second.json.personId).toBe(first.json.personId);
    expect(await call('POST', '/api/invites', { role: 'member', personId: 'nobody' }, secretary)).toMatchObject({ status: 404 });
  });

  it('only a secretary invites; bad bodies are refused', async () => {
    const { secretary } = await setUp();
    const member = await call('POST', '/api/join', { code: await invite(secretary, 'member'), name: 'm' });
    expect(await call('POST', '/api/invites', { role: 'member' }, member.json.token as string)).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
    expect(await call('POST', '/api/invites', { role: 'member' })).toMatchObject({ status: 401, json: { error: { code: 'token-required' } } });
    expect(await call('POST', '/api/invites', { role: 'admin' }, secretary)).toMatchObject({ status: 400 });
    expect(await call('POST', '/api/invites', { role: 'member', ttlDays: 0 }, secretary)).toMatchObject({ status: 400 });
    expect(await call('POST', '/api/join', { code: 'x' })).toMatchObject({ status: 400 });
  });
});

describe('tokens: me, revoke, list', () => {
  it('/api/me refuses missing, garbage, expired and revoked tokens', async () => {
    const { secretary, secretaryId } = await setUp();
    expect((await call('GET', '/api/me')).status).toBe(401);
    expect(await call('GET', '/api/me', undefined, 'garbage')).toMatchObject({ status: 401, json: { error: { code: 'malformed-token' } } });
    const member = await call('POST', '/api/join', { code: await invite(secretary, 'member'), name: 'm' });
    expect(await call('POST', '/api/revoke', { tokenId: member.json.tokenId }, secretary)).toMatchObject({ status: 200, json: { revoked: true } });
    expect(await call('GET', '/api/me', undefined, member.json.token as string)).toMatchObject({ status: 403, json: { error: { code: 'revoked' } } });
    clock += 400 * 86_400_000;
    expect(await call('GET', '/api/me', undefined, secretary)).toMatchObject({ status: 401, json: { error: { code: 'expired' } } });
    expect(secretaryId).toBeTruthy();
  });

  it('revoke: only the secretary, only within the community', async () => {
    const { secretary, secretaryId } = await setUp();
    const member = await call('POST', '/api/join', { code: await invite(secretary, 'member'), name: 'm' });
    expect(await call('POST', '/api/revoke', { tokenId: secretaryId }, member.json.token as string)).toMatchObject({ status: 403 });
    expect(await call('POST', '/api/revoke', { tokenId: 'unknown' }, secretary)).toMatchObject({ status: 404 });
    expect(await call('POST', '/api/revoke', { tokenId: '../x' }, secretary)).toMatchObject({ status: 400 });
    const code = await relay.setup.issue();
    const other = await call('POST', '/api/setup', { code, community: { id: 'birch', name: 'b', kind: 'village' }, secretary: { name: 's' } });
    expect(await call('POST', '/api/revoke', { tokenId: member.json.tokenId }, other.json.token as string)).toMatchObject({ status: 404 });
    expect((await store.getToken(member.json.tokenId as string))?.revokedAt).toBeNull();
  });

  it('lists the community’s tokens for the secretary', async () => {
    const { secretary } = await setUp();
    clock += 1000;
    await call('POST', '/api/join', { code: await invite(secretary, 'member'), name: '王芳' });
    const list = await call('GET', '/api/tokens', undefined, secretary);
    expect((list.json.tokens as Json[]).map((t) => [t.role, t.name, t.revokedAt])).toEqual([
      ['secretary', '李书记', null],
      ['member', '王芳', null],
    ]);
    expect(JSON.stringify(list.json)).not.toContain(secretary);
  });
});

describe('public routes, health, metrics, errors', () => {
  it('GET /api/community/:id gives public facts only', async () => {
    await setUp();
    expect((await call('GET', '/api/community/maple')).json).toEqual({ id: 'maple', name: '枫林社区', kind: 'urban', township: null });
    await store.createRegion({ id: 'gy-town', name: '古镛镇', level: 'township', parent: null, createdAt: 0 });
    expect(await store.setCommunityTownship('maple', 'gy-town')).toBe(true);
    expect((await call('GET', '/api/community/maple')).json).toEqual({ id: 'maple', name: '枫林社区', kind: 'urban', township: { id: 'gy-town', name: '古镛镇' } });
    expect((await call('GET', '/api/community/nope')).status).toBe(404);
    expect((await call('GET', '/api/community/BAD%20ID')).status).toBe(404);
  });

  it('/healthz reports the store; 503 when it is gone', async () => {
    expect(await call('GET', '/healthz')).toMatchObject({ status: 200, json: { ok: true, store: 'ok' } });
    await store.close();
    expect(await call('GET', '/healthz')).toMatchObject({ status: 503, json: { ok: false, store: 'error' } });
  });

  it('/metrics is 404 without a configured token, 401 with a wrong one', async () => {
    expect((await relay.app.request('/metrics')).status).toBe(404);
    const guarded = build({ http: { ...defaultHttpConfig, metricsToken: METRICS_TOKEN } });
    expect((await guarded.app.request('/metrics')).status).toBe(401);
    const wrong = await guarded.app.request('/metrics', { headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('lianxin_');
    guarded.metrics.close();
  });

  it('/metrics is Prometheus text for the bearer of the metrics token', async () => {
    const guarded = build({ http: { ...defaultHttpConfig, metricsToken: METRICS_TOKEN } });
    const res = await guarded.app.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    guarded.metrics.close();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    for (const name of ['lianxin_connections ', 'lianxin_documents_loaded ', 'lianxin_messages_in_total', 'lianxin_bytes_out_total', 'lianxin_store_write_seconds_bucket', 'lianxin_connections_rejected_total']) {
      expect(text).toContain(name);
    }
  });

  it('answers CORS preflights for the API (bearer tokens, no cookies)', async () => {
    const res = await relay.app.request('/api/join', { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('413 for a body over 64 KiB, 404 JSON for unknown API routes, 426 for /sync without upgrade', async () => {
    expect(await call('POST', '/api/join', { code: 'x', name: 'y'.repeat(70_000) })).toMatchObject({ status: 413, json: { error: { code: 'too-large' } } });
    expect(await call('GET', '/api/nothing')).toMatchObject({ status: 404, json: { error: { code: 'not-found' } } });
    expect(await call('GET', '/sync/maple/work')).toMatchObject({ status: 426, json: { error: { code: 'upgrade-required' } } });
  });

  it('serves the client with a single-page fallback, never outside its folder', async () => {
    const index = await relay.app.request('/');
    expect(await index.text()).toContain('<title>Lianxin</title>');
    expect(await (await relay.app.request('/roster/households')).text()).toContain('<title>Lianxin</title>');
    const asset = await relay.app.request('/assets/app-123.js');
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await relay.app.request('/assets/missing.js')).status).toBe(404);
    expect((await relay.app.request('/..%2flianxin-outside.txt')).status).toBe(404);
    expect((await relay.app.request('/api/unknown')).headers.get('content-type')).toContain('json');
  });

  it('mounts extra routes with a read-only document source and a content hash', async () => {
    await setUp();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getMap('page').set('title', '公开栏');
    await store.appendUpdates(updates.map((update) => ({ doc: 'maple/public', update, author: 'p', time: 1 })));
    const first = await call('GET', '/p/maple');
    expect(first.json).toMatchObject({ title: '公开栏', name: '枫林社区' });
    expect(first.json.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await call('GET', '/p/maple')).json.hash).toBe(first.json.hash);
    // A delete changes no state vector; the hash must still change.
    doc.getMap('page').delete('title');
    await store.appendUpdates([{ doc: 'maple/public', update: updates.at(-1) as Uint8Array, author: 'p', time: 2 }]);
    relay = build();
    const after = await call('GET', '/p/maple');
    expect(after.json.title).toBeNull();
    expect(after.json.hash).not.toBe(first.json.hash);
    expect((await call('GET', '/p/nowhere')).status).toBe(404);
    expect(await relay.documents.openForRead('maple/../x')).toBeNull();
    expect(await relay.documents.communityExists('maple')).toBe(true);
    expect(await relay.documents.communityExists('nowhere')).toBe(false);
  });

  it('never writes a token or an Authorization header to the log', () => {
    expect(issued.length).toBeGreaterThan(5);
    const all = logLines.join('\n');
    for (const token of issued) expect(all).not.toContain(token.split('.')[1]);
    expect(all).toContain('"msg":"request"');
  });
});
