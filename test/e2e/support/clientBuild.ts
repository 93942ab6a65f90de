/**
 * Builds the client (production, with the service worker) once for all e2e files: skipped when
 * client/dist is newer than every source it is built from; a lock directory keeps two test
 * workers from building at the same time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/relayProcess';

const DIST_INDEX = join(REPO_ROOT, 'client/dist/index.html');
const LOCK = join(tmpdir(), 'lianxin-client-build.lock');
const SOURCES = ['client/src', 'client/public', 'client/vite', 'client/index.html', 'vite.config.ts', 'packages/model/src', 'packages/sync/src', 'packages/protocol/src'];

function newest(path: string): number {
  const full = join(REPO_ROOT, path);
  if (!existsSync(full)) return 0;
  const s = statSync(full);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(full).reduce((max, name) => Math.max(max, newest(join(path, name))), s.mtimeMs);
}

function fresh(): boolean {
  if (!existsSync(DIST_INDEX)) return false;
  const built = statSync(DIST_INDEX).mtimeMs;
  return SOURCES.every((p) => newest(p) <= built);
}

async function sleep(ms: number) {
  await new Promise((r) => setTimeout(r, ms));
}

export async function ensureClientBuilt(): Promise<void> {
  for (let waited = 0; waited < 180_000; waited += 500) {
    if (fresh()) return;
    try {
      mkdirSync(LOCK);
    } catch {
      // another worker is building, or one crashed mid-build and left its lock
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 180_000) rmdirSync(LOCK);
      await sleep(500);
      continue;
    }
    try {
      if (fresh()) return;
      const result = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        // vitest sets NODE_ENV=test and Vite keeps an inherited NODE_ENV: without this the tests
        // (and the bundle budget) ran React's development build, 58 KB gzip more on every route.
        env: { ...process.env, NODE_ENV: 'production' },
      });
      if (result.status !== 0) throw new Error(`client build failed:\n${result.stdout}\n${result.stderr}`);
      return;
    } finally {
      rmdirSync(LOCK);
    }
  }
  throw new Error('timed out waiting for another worker to build the client');
}
