import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';

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

/**
 * Serves the built client from `root`, with the single-page-app fallback: a GET for a path that
 * is no file and not the relay's own gets `index.html`.
 */
export function staticFiles(root: string): MiddlewareHandler {
  const base = resolve(root);
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || RESERVED.test(c.req.path)) return next();
    let file = await fileAt(base, c.req.path === '/' ? '/index.html' : c.req.path);
    const fallback = !file && !extname(c.req.path);
    if (fallback) file = await fileAt(base, '/index.html');
    if (!file) return next();
    const body = await readFile(file);
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    // Vite fingerprints everything under /assets; the shell and the service worker must revalidate.
    headers['cache-control'] = c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(new Uint8Array(body), 200, headers);
  };
}
