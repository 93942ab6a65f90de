// What `stored` after fsync costs the relay's store, beside LIANXIN_DURABILITY=process, in one
// process, alternating runs (issue 19). The relay bench's knee needs a quiet machine; CPU time per
// update does not (it counts only this process's work, whatever else runs), and the knee is where
// that work fills the core. Each run appends batches of 8 updates every millisecond (the write
// rate of 400 rooms at 20 Hz) to a fresh SQLite store with the update journal, the next batch
// written while the previous one's fsync runs, as the WriteBatcher does, and waits for
// `durable()` of each: the acknowledgement's wait for storage.
//   npx tsx test/bench/relay/durabilityCost.ts [--runs=5] [--seconds=4]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore, type Durability } from '../../../relay/src/store/sqliteStore';

const arg = (name: string, fallback: number): number => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const RUNS = arg('runs', 5);
const SECONDS = arg('seconds', 4);
const BATCH = 8;
const ROOMS = 400;

interface Run {
  readonly mode: Durability;
  readonly updates: number;
  readonly cpuUsPerUpdate: number;
  readonly ackP50: number;
  readonly ackP99: number;
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function run(mode: Durability): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'lianxin-durability-cost-'));
  const store = createSqliteStore({ file: join(dir, 'lianxin.db'), durability: mode, checkpointMs: 1000 });
  const payload = new Uint8Array(60).fill(7);
  const waits: number[] = [];
  let updates = 0;
  let next = 0;
  const inFlight = new Set<Promise<void>>();
  const cpu = process.cpuUsage();
  const end = performance.now() + SECONDS * 1000;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      if (performance.now() >= end) {
        clearInterval(tick);
        resolve();
        return;
      }
      const batch = Array.from({ length: BATCH }, () => ({ doc: `c1/minutes/r${next++ % ROOMS}`, update: payload, author: 'p', time: Date.now() }));
      const started = performance.now();
      const p = store.appendUpdates(batch).then(() => store.durable()).then(() => {
        waits.push(performance.now() - started);
        updates += BATCH;
      });
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }, 1);
  });
  await Promise.all(inFlight);
  const used = process.cpuUsage(cpu);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  waits.sort((a, b) => a - b);
  return { mode, updates, cpuUsPerUpdate: (used.user + used.system) / updates, ackP50: pct(waits, 50), ackP99: pct(waits, 99) };
}

async function main(): Promise<void> {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const mode of (i % 2 === 0 ? ['fsync', 'process'] : ['process', 'fsync']) as Durability[]) {
      const r = await run(mode);
      runs.push(r);
      console.log(`${r.mode.padEnd(7)} ${r.updates} updates, CPU ${r.cpuUsPerUpdate.toFixed(1)} µs/update, storage wait p50 ${r.ackP50.toFixed(2)} ms p99 ${r.ackP99.toFixed(2)} ms`);
    }
  }
  const of = (mode: Durability, key: 'cpuUsPerUpdate' | 'ackP50' | 'ackP99'): number => median(runs.filter((r) => r.mode === mode).map((r) => r[key]));
  console.log('\n| durability | CPU µs per update (median of runs) | storage wait p50 ms | p99 ms |');
  console.log('|---|---:|---:|---:|');
  for (const mode of ['fsync', 'process'] as Durability[]) console.log(`| ${mode} | ${of(mode, 'cpuUsPerUpdate').toFixed(1)} | ${of(mode, 'ackP50').toFixed(2)} | ${of(mode, 'ackP99').toFixed(2)} |`);
  console.log(`\nCPU per update, process / fsync: ${(of('process', 'cpuUsPerUpdate') / of('fsync', 'cpuUsPerUpdate')).toFixed(2)} (the knee with fsync relative to without, if the store's work set it)`);
}

void main();
