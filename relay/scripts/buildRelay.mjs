/**
 * Builds the relay into one ES module, `relay/dist/cli.js`, that production runs with plain
 * `node` (no tsx, no TypeScript at run time). The relay's own TypeScript and the workspace
 * packages (`@lianxin/*`, which export their sources) are bundled; every other package stays an
 * import resolved from node_modules at run time (better-sqlite3 is native, and the checkpoint
 * worker resolves it by name).
 *   node relay/scripts/buildRelay.mjs      (npm run build -w relay)
 */
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const relayDir = fileURLToPath(new URL('..', import.meta.url));
export const RELAY_ENTRY = `${relayDir}src/cli.ts`;
export const RELAY_OUTFILE = `${relayDir}dist/cli.js`;

/** Bare imports other than the workspace's own packages are left to node. */
const nodeModulesExternal = {
  name: 'node-modules-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@lianxin/') ? undefined : { path: args.path, external: true }));
  },
};

export async function buildRelay({ outfile = RELAY_OUTFILE } = {}) {
  const result = await build({
    entryPoints: [RELAY_ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    plugins: [nodeModulesExternal],
    logLevel: 'warning',
    write: false,
  });
  // Each file is written beside its place and renamed over it: a relay or CLI starting while
  // another build runs (npm run relay rebuilds first) reads the old file or the new, never half.
  mkdirSync(dirname(outfile), { recursive: true });
  for (const file of result.outputFiles) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents, { mode: 0o755 });
    renameSync(temp, file.path);
  }
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildRelay();
