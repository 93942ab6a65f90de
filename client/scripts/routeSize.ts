/**
 * What a cold load of the shell routes (/setup, /join) downloads: the entry chunk of a Vite build
 * and its static imports, from the build's manifest, in bytes and gzip bytes, largest first.
 * Usage: npx vite build --outDir /tmp/lx --manifest && npx tsx client/scripts/routeSize.ts /tmp/lx
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
  name?: string;
}

const dir = process.argv[2] ?? 'client/dist';
const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
const seen = new Set<string>();
const visit = (key: string) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const k of manifest[key]?.imports ?? []) visit(k);
};
visit('index.html');
const files = [...seen].flatMap((k) => [manifest[k]!.file, ...(manifest[k]!.css ?? [])]);
const rows = [...new Set(files)].map((f) => {
  const bytes = readFileSync(join(dir, f));
  return { file: f, bytes: bytes.length, gzip: gzipSync(bytes).length };
});
rows.sort((a, b) => b.bytes - a.bytes);
for (const r of rows) process.stdout.write(`${String(r.bytes).padStart(9)} ${String(r.gzip).padStart(8)}  ${r.file}\n`);
const js = rows.filter((r) => r.file.endsWith('.js'));
process.stdout.write(`JS total: ${js.reduce((s, r) => s + r.bytes, 0)} bytes, ${js.reduce((s, r) => s + r.gzip, 0)} gzip, in ${js.length} files\n`);
