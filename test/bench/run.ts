// Runs every benchmark one after the other (never in parallel: they share two cores),
// each as its own process so one's heap and sockets cannot skew the next.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));

const suites = [
  { name: 'model', script: 'model/run.ts' },
  { name: 'public', script: 'public/run.ts' },
  { name: 'client', script: 'client/run.ts' },
  { name: 'relay', script: 'relay/run.ts' },
  { name: 'restart', script: 'restart/run.ts' },
  { name: 'http', script: 'http/run.ts' },
  { name: 'abuse', script: 'abuse/run.ts' },
  { name: 'tier', script: 'tier/run.ts' },
  { name: 'cluster', script: 'cluster/run.ts' },
] as const;

let failed = 0;
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  const script = join(here, suite.script);
  if (!existsSync(script)) {
    console.error(`bench ${suite.name}: ${suite.script} is missing`);
    failed++;
    continue;
  }
  console.log(`\n=== bench: ${suite.name} ===`);
  const result = spawnSync('npx', ['tsx', script, ...flags], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`bench ${suite.name} exited with ${result.status ?? result.signal}`);
    failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);
