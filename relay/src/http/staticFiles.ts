import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { accepts } from 'hono/accepts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

/** Precompressed beside each file at build time (vite-plugin-compression2), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg\+xml)/;

/** Paths that belong to the relay itself and never fall back to the app shell. */
const RESERVED = /^\/(api|sync|healthz|metrics|p)(\/|$)/;

async function fileAt(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(root, '.' + decoded);
  if (full !== root && !full.startsWith(root + sep)) return null;
  try {
    const s = await stat(full);
    return s.isFile() ? full : null;
  } catch {
    return null;
  }
}

/** The first of ours the client accepts (q > 0, by name or `*`): a client listing gzip before br still gets br. */
function ourPreference(accepted: readonly { type: string; q: number }[], config: { supports: string[]; default: string }): string {
  const q = (name: string) => accepted.find((a) => a.type.toLowerCase() === name)?.q ?? accepted.find((a) => a.type === '*')?.q ?? 0;
  return config.supports.find((name) => q(name) > 0) ?? config.default;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built client from `root`, with the single-page-app fallback: a GET for a path that
 * is no file and not the relay's own gets `index.html`. A text file is sent brotli- or
 * gzip-compressed when the client accepts it and the build left `<file>.br` / `<file>.gz` beside
 * it (no compressing per request), with `Content-Encoding` and `Vary: Accept-Encoding`.
 */
export function staticFiles(root: string): MiddlewareHandler {
  const base = resolve(root);
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || RESERVED.test(c.req.path)) return next();
    let file = await fileAt(base, c.req.path === '/' ? '/index.html' : c.req.path);
    const fallback = !file && !extname(c.req.path);
    if (fallback) file = await fileAt(base, '/index.html');
    if (!file) return next();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type };
    // Vite fingerprints everything under /assets; the shell and the service worker must revalidate.
    headers['cache-control'] = c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    let served = file;
    if (COMPRESSIBLE.test(type)) {
      // The same URL answers differently by Accept-Encoding: caches must key on it.
      headers.vary = 'Accept-Encoding';
      const wanted = accepts(c, { header: 'Accept-Encoding', supports: ENCODINGS.map((e) => e.name), default: 'identity', match: ourPreference });
      const encoding = ENCODINGS.find((e) => e.name === wanted);
      if (encoding && (await isFile(file + encoding.suffix))) {
        served = file + encoding.suffix;
        headers['content-encoding'] = encoding.name;
      }
    }
    const body = await readFile(served);
    headers['content-length'] = String(body.byteLength);
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(new Uint8Array(body), 200, headers);
  };
}
