/**
 * What each community route downloads before it is usable, from a Vite build's manifest
 * (`build.manifest: true`): the entry and its static imports, then the chunks `main.tsx` starts at
 * once for a `/c/…` path — `CommunityApp`, the page and its kept-screen preview — each with its
 * static imports, and the CSS of every one of those chunks. Sizes are gzip bytes (zlib's default
 * level, what a web server sends).
 *
 * The routes and their chunks are read from `client/src/shell/communityPages.ts`, so a new page is
 * measured without editing this file.
 *
 * CLI: npx tsx client/vite/routeBytes.ts [distDir]   (default client/dist; build it with
 * `npx vite build --config vite.config.ts`, which writes the manifest).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface RouteBytes {
  /** every JS and CSS file the route loads before it is usable, relative to distDir */
  files: string[];
  jsGzip: number;
  cssGzip: number;
  totalGzip: number;
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const here = dirname(fileURLToPath(import.meta.url));
const PAGES_SOURCE = resolve(here, '../src/shell/communityPages.ts');
/** Loaded for every community route before its page (App.tsx's lazy route, started in main.tsx). */
const COMMUNITY_APP = 'src/shell/CommunityApp';
/** antd's providers, loaded beside every page not declared `lightPage(…)` (communityPages.ts, antdScope.tsx). */
const ANTD_SCOPE = 'src/shell/LocaleProvider';

/**
 * The modules each page of `COMMUNITY_PAGES` loads (its page and its preview, and antd's providers
 * unless it is a `lightPage`), as manifest `src` paths without extension:
 * `{ roster: ['src/features/roster/RosterPage', 'src/features/roster/RosterPreview', 'src/shell/LocaleProvider'] }`.
 */
export function pageModules(source: string): Record<string, string[]> {
  const body = source.slice(source.indexOf('COMMUNITY_PAGES'));
  const pages: Record<string, string[]> = {};
  const light = new Set<string>();
  let current: string | null = null;
  for (const line of body.split('\n').slice(1)) {
    if (/^\}/.test(line)) break;
    // A page's key is indented one level inside the object literal.
    const key = /^ {2}(\w+):/.exec(line);
    if (key) current = key[1]!;
    if (!current) continue;
    if (/\blightPage\(/.test(line)) light.add(current);
    for (const m of line.matchAll(/import\('([^']+)'\)/g)) {
      (pages[current] ??= []).push(posix.join('src/shell', m[1]!));
    }
  }
  if (Object.keys(pages).length === 0) throw new Error(`no pages found in ${PAGES_SOURCE}`);
  for (const [name, modules] of Object.entries(pages)) if (!light.has(name)) modules.push(ANTD_SCOPE);
  return pages;
}

function keyFor(manifest: Manifest, module: string): string {
  const key = Object.keys(manifest).find((k) => manifest[k]!.src?.replace(/\.[cm]?[jt]sx?$/, '') === module);
  if (!key) throw new Error(`the build manifest has no chunk for ${module} (is the build older than the source?)`);
  return key;
}

async function gzipBytes(distDir: string, file: string, cache: Map<string, number>): Promise<number> {
  let size = cache.get(file);
  if (size === undefined) {
    size = gzipSync(await readFile(join(distDir, file))).length;
    cache.set(file, size);
  }
  return size;
}

/** For each community route (the first path segment after /c/<id>/), what it loads before it is usable. */
export async function routeBytes(distDir: string): Promise<Record<string, RouteBytes>> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  } catch (e) {
    throw new Error(`no Vite manifest in ${distDir}/.vite (build with build.manifest: true): ${(e as Error).message}`);
  }
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry) throw new Error(`the build manifest in ${distDir} has no entry chunk`);
  const pages = pageModules(await readFile(PAGES_SOURCE, 'utf8'));
  const cache = new Map<string, number>();
  const result: Record<string, RouteBytes> = {};
  for (const [route, modules] of Object.entries(pages)) {
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      for (const k of manifest[key]?.imports ?? []) visit(k);
    };
    visit(entry);
    visit(keyFor(manifest, COMMUNITY_APP));
    for (const m of modules) visit(keyFor(manifest, m));
    const files = [...new Set([...seen].flatMap((k) => [manifest[k]!.file, ...(manifest[k]!.css ?? [])]))].sort();
    let jsGzip = 0;
    let cssGzip = 0;
    for (const f of files) {
      const size = await gzipBytes(distDir, f, cache);
      if (f.endsWith('.css')) cssGzip += size;
      else jsGzip += size;
    }
    result[route] = { files, jsGzip, cssGzip, totalGzip: jsGzip + cssGzip };
  }
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? join(here, '../dist'));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
  const routes = await routeBytes(dist);
  process.stdout.write(`${'route'.padEnd(10)}${'JS'.padStart(10)}${'CSS'.padStart(10)}${'total'.padStart(10)}  (gzip, ${dist})\n`);
  for (const [route, r] of Object.entries(routes)) process.stdout.write(`${route.padEnd(10)}${kb(r.jsGzip)}${kb(r.cssGzip)}${kb(r.totalGzip)}\n`);
  if (process.argv.includes('--files')) {
    for (const [route, r] of Object.entries(routes)) process.stdout.write(`\n${route}:\n${r.files.map((f) => `  ${f}`).join('\n')}\n`);
  }
}
