// Process-level: the relay serves the client's files compressed when the build left a brotli or
// gzip copy beside them and the client accepts it, with Content-Encoding and Vary, through a real
// relay process and a real HTTP client (node:http, so nothing is decoded behind the test's back).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type RelayProcess } from '../../test/support/relayProcess';

let relay: RelayProcess;
const script = `console.log(${JSON.stringify('连心 '.repeat(2000))});\n`;
const shell = `<!doctype html><title>连心</title>${'<p>x</p>'.repeat(500)}`;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lianxin-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), shell);
  writeFileSync(join(dir, 'index.html.br'), brotliCompressSync(shell));
  writeFileSync(join(dir, 'assets/app-1.js'), script);
  writeFileSync(join(dir, 'assets/app-1.js.br'), brotliCompressSync(script));
  writeFileSync(join(dir, 'assets/app-1.js.gz'), gzipSync(script));
  // No compressed copy of this one: served as is.
  writeFileSync(join(dir, 'assets/plain-1.css'), 'body{margin:0}'.repeat(200));
  writeFileSync(join(dir, 'assets/icon-1.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  relay = await startRelay({ args: ['--static', dir] });
}, 60_000);
afterAll(async () => {
  await relay?.stop();
});

function get(path: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${relay.url}${path}`, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files, compressed', () => {
  it('sends brotli to a client that accepts it, gzip to one that accepts only gzip, the file to one that accepts neither', async () => {
    const br = await get('/assets/app-1.js', 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(br.headers['content-length'])).toBe(br.body.byteLength);
    expect(br.body.byteLength).toBeLessThan(Buffer.byteLength(script) / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);

    const gz = await get('/assets/app-1.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    for (const none of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await get('/assets/app-1.js', none);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.body.toString()).toBe(script);
    }
  });

  it('the app shell (and its fallback for a route) too, still revalidated', async () => {
    for (const path of ['/', '/r/some-county/table']) {
      const r = await get(path, 'br');
      expect(r.headers['content-encoding']).toBe('br');
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(r.body).toString()).toBe(shell);
    }
  });

  it('a file with no compressed copy, or not text, is sent as it is', async () => {
    const css = await get('/assets/plain-1.css', 'br, gzip');
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.body.toString()).toBe('body{margin:0}'.repeat(200));
    const png = await get('/assets/icon-1.png', 'br, gzip');
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers.vary).toBeUndefined();
  });
});
