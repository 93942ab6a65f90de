/** @jsxImportSource hono/jsx */
/**
 * The public routes, as a Hono sub-app over a `PublicSource` (the `<community>/public` document,
 * nothing else):
 *   GET /p/:community                          the disclosure page (?lang=en, ?building=10)
 *   GET /p/:community/board/:building[/:unit]  a printable service board (?size=a5, ?lang=en)
 *   GET /api/public/:community                 the same content as JSON
 * Every 200 carries an ETag derived from the document's state and `Cache-Control: no-cache`;
 * a matching If-None-Match gets 304. Rendered bodies are cached by ETag.
 */
import { gzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { isCommunityId } from '@lianxin/protocol';
import { readPublic, type Problem, type PublicView } from '@lianxin/model';
import { acceptsGzip } from './acceptsGzip';
import { BoardPage } from './BoardPage';
import { CommunityPage } from './CommunityPage';
import { HTML_LANG, parseLang, type Lang } from './dictionary';
import { normalizeQuery } from './display';
import { ifNoneMatchHits, variantEtag } from './etag';
import { renderHtml } from './HtmlDocument';
import { NotFoundPage } from './NotFoundPage';
import { pagePath, parseBoardSize, buildingAnchor, unitAnchor, unitKey } from './publicPaths';
import type { PublicSnapshot, PublicSource } from './PublicSource';
import { qrDataUri } from './qrDataUri';
import { DEFAULT_RENDER_CACHE, RenderCache, type RenderCacheOptions } from './RenderCache';
import { securityHeaders } from './securityHeaders';

export interface PublicRoutesOptions {
  /**
   * The origin QR codes point to (e.g. `https://lianxin.example.org`). Default: the request's own
   * origin, which follows the Host header; set this behind a proxy.
   */
  readonly publicOrigin?: string;
  /** `false` renders every request (the benchmark's "uncached"); default: 256 entries. */
  readonly renderCache?: RenderCacheOptions | false;
  /** Told once per document state when `readPublic` skipped bad entries (e.g. to log them). */
  readonly onProblems?: (communityId: string, problems: readonly Problem[]) => void;
}

interface Rendered {
  /** UTF-8, encoded once: a 250 KB page is not re-encoded on every cached request. */
  readonly body: Uint8Array<ArrayBuffer>;
  readonly type: string;
  readonly size: number;
  /** The body gzipped, made on the first request that accepts it. */
  gzip?: Uint8Array<ArrayBuffer>;
}

const utf8 = new TextEncoder();

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
/** Byte for byte the relay's own 404 for an unknown `/api` path: an unknown community looks like no route. */
const JSON_NOT_FOUND = JSON.stringify({ error: { code: 'not-found', message: 'no such API route' } });

function isEmpty(view: PublicView): boolean {
  return view.community === null && view.disclosures.length === 0 && view.boards.length === 0 && view.statistics === null;
}

export function createPublicRoutes(source: PublicSource, options: PublicRoutesOptions = {}): Hono {
  const app = new Hono();
  const cache = options.renderCache === false ? null : new RenderCache<Rendered>(options.renderCache ?? DEFAULT_RENDER_CACHE);
  // Parsed views by document state: a 304 or a cache hit still needs to know the page is not empty.
  const views = new RenderCache<{ view: PublicView; size: number }>({ maxEntries: 64, maxSize: 64 });
  const notFoundPages = new Map<Lang, Promise<string>>();
  const publicOrigin = options.publicOrigin?.replace(/\/+$/, '');

  // Only these pages: the sub-app is mounted at the relay's root, beside the client app, whose
  // scripts a site-wide `default-src 'none'` would block.
  app.use('/p/*', securityHeaders());
  app.use('/api/public/*', securityHeaders());

  const notFoundHtml = async (c: Context, lang: Lang): Promise<Response> => {
    let page = notFoundPages.get(lang);
    if (!page) {
      page = renderHtml(<NotFoundPage lang={lang} />);
      notFoundPages.set(lang, page);
    }
    return c.body(await page, 404, { 'Content-Type': HTML, 'Cache-Control': 'no-store' });
  };
  const notFoundJson = (c: Context): Response => c.body(JSON_NOT_FOUND, 404, { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' });

  /** The community's public view, or null when unknown or nothing is published. */
  const load = async (communityId: string): Promise<{ snapshot: PublicSnapshot; view: PublicView } | null> => {
    if (!isCommunityId(communityId)) return null;
    const snapshot = await source.loadPublic(communityId);
    if (!snapshot) return null;
    // Read right away, synchronously: the relay's copy is live.
    let entry = views.get(snapshot.etag);
    if (!entry) {
      const { view, problems } = readPublic(snapshot.doc);
      if (problems.length > 0) options.onProblems?.(communityId, problems);
      entry = { view, size: 1 };
      views.set(snapshot.etag, entry);
    }
    return isEmpty(entry.view) ? null : { snapshot, view: entry.view };
  };

  /** 304, a cached body, or a fresh render (then cached); gzipped when the client accepts it. */
  const respond = async (c: Context, documentTag: string, variant: string, render: () => Promise<{ body: string; type: string }>): Promise<Response> => {
    const etag = variantEtag(documentTag, variant);
    const headers = { ETag: etag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    if (ifNoneMatchHits(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
    let rendered = cache?.get(etag);
    if (!rendered) {
      const fresh = await render();
      const body = utf8.encode(fresh.body);
      rendered = { body, type: fresh.type, size: body.byteLength };
      cache?.set(etag, rendered);
    }
    if (acceptsGzip(c.req.header('Accept-Encoding'))) {
      rendered.gzip ??= new Uint8Array(gzipSync(rendered.body));
      return c.body(rendered.gzip, 200, { ...headers, 'Content-Type': rendered.type, 'Content-Encoding': 'gzip' });
    }
    return c.body(rendered.body, 200, { ...headers, 'Content-Type': rendered.type });
  };

  // A typed or pasted address often ends with a slash: send it to the page.
  app.get('/p/:community/', (c) => {
    const communityId = c.req.param('community');
    if (!isCommunityId(communityId)) return notFoundHtml(c, parseLang(c.req.query('lang')));
    const search = new URL(c.req.url).search;
    return c.redirect(`/p/${communityId}${search}`, 301);
  });

  app.get('/p/:community', async (c) => {
    const communityId = c.req.param('community');
    const lang = parseLang(c.req.query('lang'));
    const loaded = await load(communityId);
    if (!loaded) return notFoundHtml(c, lang);
    const query = normalizeQuery(c.req.query('building'));
    c.header('Content-Language', HTML_LANG[lang]);
    return respond(c, loaded.snapshot.etag, `page|${communityId}|${lang}|${query}`, async () => ({
      body: await renderHtml(<CommunityPage communityId={communityId} view={loaded.view} lang={lang} query={query} />),
      type: HTML,
    }));
  });

  const board = async (c: Context): Promise<Response> => {
    const communityId = c.req.param('community') ?? '';
    const buildingId = c.req.param('building') ?? '';
    const unitParam = c.req.param('unit');
    const lang = parseLang(c.req.query('lang'));
    const size = parseBoardSize(c.req.query('size'));
    const loaded = await load(communityId);
    const found = loaded?.view.boards.find((b) => b.buildingId === buildingId);
    const units = found ? (unitParam === undefined ? found.units : found.units.filter((u) => unitKey(u.unitId) === unitParam).slice(0, 1)) : [];
    if (!loaded || !found || units.length === 0) return notFoundHtml(c, lang);
    const origin = publicOrigin ?? new URL(c.req.url).origin;
    const anchor = unitParam === undefined ? buildingAnchor(found.buildingId) : unitAnchor(found.buildingId, units[0]?.unitId ?? null);
    const targetUrl = `${origin}${pagePath(communityId, lang)}#${anchor}`;
    c.header('Content-Language', HTML_LANG[lang]);
    return respond(c, loaded.snapshot.etag, `board|${communityId}|${lang}|${size}|${origin}|${buildingId}|${unitParam ?? ''}`, async () => ({
      body: await renderHtml(
        <BoardPage
          communityId={communityId}
          community={loaded.view.community}
          board={found}
          units={units}
          unitId={unitParam === undefined ? undefined : (units[0]?.unitId ?? null)}
          lang={lang}
          size={size}
          qrDataUri={await qrDataUri(targetUrl)}
          targetUrl={targetUrl}
        />,
      ),
      type: HTML,
    }));
  };
  app.get('/p/:community/board/:building', board);
  app.get('/p/:community/board/:building/:unit', board);

  app.get('/api/public/:community', async (c) => {
    const communityId = c.req.param('community');
    const loaded = await load(communityId);
    if (!loaded) return notFoundJson(c);
    const { community, disclosures, boards, statistics } = loaded.view;
    c.header('Access-Control-Allow-Origin', '*');
    return respond(c, loaded.snapshot.etag, `json|${communityId}`, async () => ({ body: JSON.stringify({ community, disclosures, boards, statistics }), type: JSON_TYPE }));
  });

  return app;
}
