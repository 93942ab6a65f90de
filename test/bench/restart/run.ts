/**
 * Restart after a crash (`npm run bench -- restart [--quick]`): SIGKILL of the relay in the
 * middle of acknowledged writes, then an immediate restart on the same data folder, N times
 * (test/support/crashCycles.ts, the same loop as relay/src/server.restart.test.ts). Reports
 * refused starts, confirmed updates lost, and the restart time (SIGKILL sent → the new relay's
 * `listening` line): the built relay that production runs (`node relay/dist/cli.js`) beside the
 * way it ran before (`node --no-allocation-site-pretenuring --import tsx relay/src/cli.ts`), in
 * alternating blocks of the same run.
 */
import { buildRelay } from '../../../relay/scripts/buildRelay.mjs';
import { runCrashCycles } from '../../support/crashCycles';
import { CLI } from '../../support/relayProcess';

const quick = process.argv.includes('--quick');
const CYCLES = quick ? 10 : 50;
const BLOCKS = quick ? 1 : 2;
const variants = [
  { name: 'built (node relay/dist/cli.js)', entry: [CLI] },
  { name: 'tsx (before)', entry: ['--no-allocation-site-pretenuring', '--import', 'tsx', 'relay/src/cli.ts'] },
] as const;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

await buildRelay();
const results = variants.map(() => ({ restartMs: [] as number[], refused: 0, confirmed: 0, lost: 0 }));
for (let block = 0; block < BLOCKS; block++) {
  for (const [i, variant] of variants.entries()) {
    const r = await runCrashCycles(CYCLES / BLOCKS, { entry: variant.entry });
    await r.relay.stop();
    const into = results[i]!;
    into.restartMs.push(...r.restartMs);
    into.refused += r.refusedStarts;
    into.confirmed += r.confirmed;
    into.lost += r.lost.length;
  }
}

console.log(`\nSIGKILL + immediate restart during acknowledged writes, ${CYCLES} cycles per variant (${BLOCKS} alternating blocks)`);
console.log('| relay | cycles | refused starts | updates confirmed | lost | restart median | p90 | max |');
console.log('|---|---|---|---|---|---|---|---|');
const medians: number[] = [];
for (const [i, variant] of variants.entries()) {
  const r = results[i]!;
  const sorted = [...r.restartMs].sort((a, b) => a - b);
  medians.push(quantile(sorted, 0.5));
  console.log(`| ${variant.name} | ${sorted.length} | ${r.refused} | ${r.confirmed} | ${r.lost} | ${quantile(sorted, 0.5).toFixed(0)} ms | ${quantile(sorted, 0.9).toFixed(0)} ms | ${(sorted.at(-1) ?? NaN).toFixed(0)} ms |`);
}
console.log(`restart median, built / tsx: ${((medians[0] ?? NaN) / (medians[1] ?? NaN)).toFixed(2)}`);
const bad = results.some((r) => r.refused > 0 || r.lost > 0);
process.exit(bad ? 1 : 0);
