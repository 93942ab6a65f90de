import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { publishBoards, publishCommunity, publishResolution, readPublic, unpublishMatter } from '@lianxin/model';
import { createDocPublicSource, documentStateHash } from './docPublicSource';
import { DICTIONARY } from './dictionary';
import { variantEtag } from './etag';
import { auditMarkup } from './markupAudit';
import { createPublicRoutes } from './publicRoutes';
import { qrDataUri } from './qrDataUri';
import { SAMPLE_NOW, sampleBoard, samplePublicDoc, sampleResolution } from './samplePublicDoc';

function must<T>(r: { type: string; value?: T }): T {
  if (r.type !== 'done') throw new Error(JSON.stringify(r));
  return r.value as T;
}
import { PUBLIC_CSP } from './securityHeaders';

function setup(options: Parameters<typeof createPublicRoutes>[1] = {}) {
  const doc = samplePublicDoc({ disclosures: 3, buildings: 12 });
  const source = createDocPublicSource({ liucun: doc });
  const app = createPublicRoutes(source, options);
  return { doc, source, app };
}

async function get(app: ReturnType<typeof createPublicRoutes>, path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  return { res, body: await res.text() };
}

describe('GET /p/:community', () => {
  it('renders the community, boards, disclosures with each step, results and statistics in Chinese', async () => {
    const { app, doc } = setup();
    const { res, body } = await get(app, '/p/liucun');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(body.startsWith('<!DOCTYPE html><html lang="zh-CN">')).toBe(true);
    const { view } = readPublic(doc);
    expect(body).toContain(`<h1>${view.community?.name}</h1>`);
    expect(body).toContain('href="tel:037163123456"');
    // every disclosure, newest first, with its anchor
    const order = view.disclosures.map((d) => body.indexOf(`id="m-${d.matterId}"`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // date, attendance and tally of each step
    expect(body).toContain(DICTIONARY.zh.attendance(25, 31));
    expect(body).toContain(DICTIONARY.zh.votes(35, 2, 1));
    expect(body).toContain('<time datetime="2024-03-21">');
    // a result where one was published, a pending note where not
    expect(body).toContain('已完成安装并投入使用');
    expect(body).toContain(DICTIONARY.zh.resultPending);
    // boards: anchors per building and unit; consented names only, placeholders otherwise
    expect(body).toContain('id="b-bldg10"');
    expect(body).toContain('id="u-bldg10-unit10x2"');
    expect(body).toContain('href="#b-bldg10"');
    expect(body).toContain('<strong>蒋全生</strong> <a href="tel:13800000000">13800000000</a>');
    expect(body).toContain(`<span>${DICTIONARY.zh.memberWithheld}</span>`);
    expect(body).toContain('href="/p/liucun/board/bldg10/unit10x2"');
    // statistics as percentages
    expect(body).toContain('97.5%');
    expect(body).toContain('91.7%');
    // only the templates' own elements and attributes; no script of any kind
    expect(auditMarkup(body)).toEqual([]);
    expect(body).not.toMatch(/<script/i);
  });

  it("shows the township's star rating (支部争五星) when published, and nothing for it before", async () => {
    const { app, doc } = setup();
    expect((await get(app, '/p/liucun')).body).not.toContain('支部争五星');
    const info = readPublic(doc).view.community!;
    must(publishCommunity(doc, { ...info, stars: { year: 2026, stars: 4, township: '古镛镇' } }, { actor: 'secretary', now: SAMPLE_NOW + 1 }));
    const zh = (await get(app, '/p/liucun')).body;
    expect(zh).toContain('<dt>支部争五星</dt>');
    expect(zh).toMatch(/aria-label="2026 年古镛镇评定 4 星">★★★★☆<\/span> \(2026, 古镛镇\)/);
    expect((await get(app, '/p/liucun?lang=en')).body).toContain('aria-label="4 of 5 stars, rated by 古镛镇 for 2026"');
    expect(auditMarkup(zh)).toEqual([]);
  });

  it('renders English with ?lang=en and links back to Chinese', async () => {
    const { app } = setup();
    const { res, body } = await get(app, '/p/liucun?lang=en');
    expect(res.status).toBe(200);
    expect(body).toContain('<html lang="en">');
    expect(body).toContain(DICTIONARY.en.sectionBoards);
    expect(body).toContain(DICTIONARY.en.votes(35, 2, 1));
    expect(body).toContain('members review'); // the model's English label of step 3
    expect(body).toContain('href="/p/liucun"');
    expect(body).toContain('<input type="hidden" name="lang" value="en"/>');
    expect(body).not.toContain(DICTIONARY.zh.sectionBoards);
    expect(auditMarkup(body)).toEqual([]);
  });

  it('filters boards by building number with a plain GET form', async () => {
    const { app } = setup();
    const { body } = await get(app, '/p/liucun?building=10');
    expect(body).toContain('<form class="find" method="get" action="/p/liucun#boards" role="search">');
    expect(body).toContain('value="10"');
    expect(body).toContain('id="b-bldg10"');
    expect(body).not.toContain('id="b-bldg1"');
    expect(body).toContain(DICTIONARY.zh.findFound('10', 1));
    // full-width digits as typed on a phone
    expect((await get(app, '/p/liucun?building=%EF%BC%91%EF%BC%90')).body).toContain('id="b-bldg10"');
    const none = await get(app, '/p/liucun?building=99');
    expect(none.body).toContain(DICTIONARY.zh.findNone('99'));
    expect(none.body).toContain('id="b-bldg1"');
  });

  it('answers 304 to a matching If-None-Match and a new ETag after a publish, which the next load shows', async () => {
    const { app, doc } = setup();
    const first = await get(app, '/p/liucun');
    const etag = first.res.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{32}\.[A-Za-z0-9_-]{12}"$/);
    expect(first.res.headers.get('cache-control')).toBe('no-cache');

    const again = await get(app, '/p/liucun', { 'If-None-Match': etag ?? '' });
    expect(again.res.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.res.headers.get('etag')).toBe(etag);
    expect(again.res.headers.get('content-security-policy')).toBe(PUBLIC_CSP);
    // weak form and lists match too
    expect((await get(app, '/p/liucun', { 'If-None-Match': `"x", W/${etag}` })).res.status).toBe(304);
    // same state, other variant: other tag
    expect((await get(app, '/p/liucun?lang=en')).res.headers.get('etag')).not.toBe(etag);

    const draft = { ...sampleResolution(7, SAMPLE_NOW + 99 * 86_400_000), title: '新增:小区东门安装路灯' };
    expect(publishResolution(doc, draft, { actor: 'sec', now: SAMPLE_NOW + 99 * 86_400_000 }).type).toBe('done');
    const after = await get(app, '/p/liucun', { 'If-None-Match': etag ?? '' });
    expect(after.res.status).toBe(200);
    expect(after.body).toContain('新增:小区东门安装路灯');
    expect(after.res.headers.get('etag')).not.toBe(etag);
    // newest first
    expect(after.body.indexOf('新增:小区东门安装路灯')).toBeLessThan(after.body.indexOf('第1项'));

    // a withdrawal (a delete: no new state-vector entry) changes the tag too
    const before = after.res.headers.get('etag');
    expect(unpublishMatter(doc, draft.matterId, { actor: 'sec' }).type).toBe('done');
    const withdrawn = await get(app, '/p/liucun', { 'If-None-Match': before ?? '' });
    expect(withdrawn.res.status).toBe(200);
    expect(withdrawn.body).not.toContain('新增:小区东门安装路灯');
  });

  it('serves the same body from the render cache and renders fresh without it', async () => {
    const cached = setup();
    const a = await get(cached.app, '/p/liucun');
    const b = await get(cached.app, '/p/liucun');
    expect(b.body).toBe(a.body);
    const uncached = createPublicRoutes(createDocPublicSource({ liucun: cached.doc }), { renderCache: false });
    const c = await get(uncached, '/p/liucun');
    expect(c.body).toBe(a.body);
    expect(c.res.headers.get('etag')).toBe(a.res.headers.get('etag'));
  });

  it('sends gzip to clients that accept it, the same page once unzipped', async () => {
    const { app } = setup();
    const plain = await get(app, '/p/liucun');
    for (let i = 0; i < 2; i++) {
      const res = await app.request('/p/liucun', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(res.headers.get('etag')).toBe(plain.res.headers.get('etag'));
      const zipped = Buffer.from(await res.arrayBuffer());
      expect(zipped.length).toBeLessThan(plain.body.length / 4);
      expect(gunzipSync(zipped).toString('utf8')).toBe(plain.body);
    }
    expect((await app.request('/p/liucun', { headers: { 'Accept-Encoding': 'gzip;q=0' } })).headers.get('content-encoding')).toBeNull();
  });

  it('answers HEAD like GET without a body, and redirects a trailing slash', async () => {
    const { app } = setup();
    const head = await app.request('/p/liucun?lang=en', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe((await get(app, '/p/liucun?lang=en')).res.headers.get('etag'));
    expect(head.headers.get('content-language')).toBe('en');
    expect(await head.text()).toBe('');
    const slash = await app.request('/p/liucun/?lang=en');
    expect(slash.status).toBe(301);
    expect(slash.headers.get('location')).toBe('/p/liucun?lang=en');
    expect((await app.request('/p/NOT..valid/')).status).toBe(404);
  });

  it('reports skipped entries once per document state', async () => {
    const doc = samplePublicDoc({ disclosures: 1, buildings: 1 });
    doc.getMap<unknown>('resolutions').set('broken', { title: 1 });
    const reports: { community: string; paths: string[] }[] = [];
    const app = createPublicRoutes(createDocPublicSource({ liucun: doc }), { onProblems: (community, problems) => reports.push({ community, paths: problems.map((p) => p.path) }) });
    await get(app, '/p/liucun');
    await get(app, '/p/liucun?lang=en');
    await get(app, '/api/public/liucun');
    expect(reports).toEqual([{ community: 'liucun', paths: ['resolutions/broken'] }]);
    doc.getMap<unknown>('results').set('broken2', 'x');
    await get(app, '/p/liucun');
    expect(reports).toHaveLength(2);
    expect(reports[1]?.paths.sort()).toEqual(['resolutions/broken', 'results/broken2']);
  });

  it('sets the security headers on every response', async () => {
    const { app } = setup();
    for (const path of ['/p/liucun', '/p/nobody', '/p/liucun/board/bldg1', '/api/public/liucun', '/api/public/nobody']) {
      const { res } = await get(app, path);
      expect(res.headers.get('content-security-policy'), path).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });
});

describe('404 reveals nothing', () => {
  it('is the same page for an unknown community, an invalid id, a community with nothing published and an unknown building', async () => {
    const { source, app } = setup();
    source.set('empty', new Y.Doc()); // exists, nothing published
    const unknown = await get(app, '/p/nobody');
    expect(unknown.res.status).toBe(404);
    expect(unknown.res.headers.get('etag')).toBeNull();
    expect(unknown.res.headers.get('cache-control')).toBe('no-store');
    for (const path of ['/p/empty', '/p/Bad..Id', '/p/liucun/board/nosuch', '/p/liucun/board/bldg1/nosuch', '/p/empty/board/bldg1']) {
      const other = await get(app, path);
      expect(other.res.status, path).toBe(404);
      expect(other.body, path).toBe(unknown.body);
      expect([...other.res.headers], path).toEqual([...unknown.res.headers]);
    }
    expect(unknown.body).not.toContain('nobody');
    expect(unknown.body).not.toMatch(/<script/i);
  });

  it('does not answer 304 for an unpublished community even to a guessed ETag', async () => {
    const { source, app } = setup();
    const empty = new Y.Doc();
    source.set('empty', empty);
    // Anyone can compute the tag of an empty document; it must not tell "exists" from "unknown".
    const guess = variantEtag(documentStateHash(empty), 'page|empty|zh|');
    for (const header of [guess, '*']) {
      expect((await get(app, '/p/empty', { 'If-None-Match': header })).res.status).toBe(404);
      expect((await get(app, '/p/nobody', { 'If-None-Match': header })).res.status).toBe(404);
      expect((await get(app, '/api/public/empty', { 'If-None-Match': header })).res.status).toBe(404);
    }
  });
});

describe('GET /p/:community/board/:building[/:unit]', () => {
  it('renders a printable A4 board with a server-side QR code pointing back to the page', async () => {
    const { app } = setup();
    const { res, body } = await get(app, 'http://lianxin.test/p/liucun/board/bldg3');
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}\./);
    expect(body).toContain('@page{size:A4 portrait}');
    expect(body).toContain('<main class="sheet a4">');
    expect(body).toContain('<p class="where">3号楼</p>');
    for (const unit of ['1单元', '2单元', '3单元']) expect(body).toContain(unit);
    const src = /<img src="(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+)"/.exec(body)?.[1];
    expect(src).toBeDefined();
    expect(Buffer.from(src?.split(',')[1] ?? '', 'base64').toString('utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    // the very QR code of the absolute page URL with the building's anchor
    expect(src).toBe(await qrDataUri('http://lianxin.test/p/liucun#b-bldg3'));
    expect(body).toContain('http://lianxin.test/p/liucun#b-bldg3');
    expect(body).not.toMatch(/<script|<svg/i);
    expect(auditMarkup(body)).toEqual([]);
  });

  it('renders one unit on A5, and uses the configured public origin for the QR code', async () => {
    const { app } = setup({ publicOrigin: 'https://lianxin.example.org/' });
    const { res, body } = await get(app, 'http://evil.test/p/liucun/board/bldg3/unit3x2?size=a5&lang=en');
    expect(res.status).toBe(200);
    expect(body).toContain('@page{size:A5 portrait}');
    expect(body).toContain('<p class="where">3号楼 2单元</p>');
    expect(body).not.toContain('1单元');
    expect(body).toContain('<html lang="en">');
    const src = /<img src="([^"]+)"/.exec(body)?.[1];
    expect(src).toBe(await qrDataUri('https://lianxin.example.org/p/liucun?lang=en#u-bldg3-unit3x2'));
    expect(body).not.toContain('evil.test');
  });

  it('keys cached boards by origin, so one Host header cannot poison the board others get', async () => {
    const { app } = setup();
    const evil = await get(app, 'http://evil.test/p/liucun/board/bldg1');
    const good = await get(app, 'http://lianxin.test/p/liucun/board/bldg1');
    expect(evil.body).toContain('http://evil.test/p/liucun#b-bldg1');
    expect(good.body).toContain('http://lianxin.test/p/liucun#b-bldg1');
    expect(good.body).not.toContain('evil.test');
    expect(good.res.headers.get('etag')).not.toBe(evil.res.headers.get('etag'));
  });

  it('answers 304 when unchanged and re-renders after boards are republished', async () => {
    const { app, doc } = setup();
    const first = await get(app, '/p/liucun/board/bldg2');
    const etag = first.res.headers.get('etag') ?? '';
    expect((await get(app, '/p/liucun/board/bldg2', { 'If-None-Match': etag })).res.status).toBe(304);
    const renamed = { ...sampleBoard(2, 3), cadre: { name: '张新', phone: '13700000000', post: { zh: '支部委员', en: 'branch committee member' } } };
    expect(publishBoards(doc, [renamed], { actor: 'sec' }).type).toBe('done');
    const after = await get(app, '/p/liucun/board/bldg2', { 'If-None-Match': etag });
    expect(after.res.status).toBe(200);
    expect(after.body).toContain('<strong>张新</strong>');
    // boards not in the new set are gone
    expect((await get(app, '/p/liucun/board/bldg3')).res.status).toBe(404);
  });
});

describe('GET /api/public/:community', () => {
  it('returns the public view as JSON with an ETag, 304 when unchanged', async () => {
    const { app, doc } = setup();
    const { res, body } = await get(app, '/api/public/liucun');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(JSON.parse(body)).toEqual(JSON.parse(JSON.stringify(readPublic(doc).view)));
    const etag = res.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect((await get(app, '/api/public/liucun', { 'If-None-Match': etag })).res.status).toBe(304);
  });

  it('answers an unknown community exactly like an unknown path of the relay', async () => {
    const { app } = setup();
    const { res, body } = await get(app, '/api/public/nobody');
    expect(res.status).toBe(404);
    expect(JSON.parse(body)).toEqual({ error: { code: 'not-found', message: 'no such API route' } });
  });
});
