// Three relay processes on one Postgres and one Redis; writers on every process stream keys into
// one document while one process after another is killed with SIGKILL. The killed process's writer
// reconnects to another process; every key any process confirmed is in the document on every
// process, and the writers that stayed connected receive them live. 10 cycles here;
// LIANXIN_CLUSTER_CYCLES=50 (or `npm run bench -- cluster --kill-cycles 50`) for the full run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killCycles, startCluster, type Cluster } from '../support/cluster';

const CYCLES = Number(process.env.LIANXIN_CLUSTER_CYCLES ?? 10);
let cluster: Cluster;
beforeAll(async () => {
  // Writers stream faster than a person types: the per-connection rate and CPU budgets are off here.
  cluster = await startCluster({ processes: 3, env: { LIANXIN_RATE: '100000', LIANXIN_BURST: '100000', LIANXIN_CPU_MS: '0', LIANXIN_DOC_CPU_MS: '0' } });
});
afterAll(async () => {
  await cluster?.stop();
});

describe('a relay process killed during a stream of writes, in a cluster of three', () => {
  it(`loses no confirmed update over ${CYCLES} kills; clients move to another process`, async () => {
    const result = await killCycles(cluster, CYCLES);
    expect(result.confirmed).toBeGreaterThan(CYCLES * 10);
    expect(result.lost).toEqual([]);
  }, 60_000 + CYCLES * 10_000);
});
