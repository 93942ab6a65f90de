// Times first renders of /p/<community> with 100 disclosures in a running server: each on a
// document never read before (a fresh Y.Doc decoded from the encoded state, served under a new
// community id), so each one runs readPublic (schema parse of every entry), the full hono/jsx
// render and the ETag. Prints JSON: wall times, and CPU times of this process over the same span
// (less sensitive to other processes competing for the core on a shared machine).
//   node --import tsx test/bench/public/firstRender.ts --runs N
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { createDocPublicSource } from '../../../relay/src/public/docPublicSource';
import { createPublicRoutes } from '../../../relay/src/public/publicRoutes';
import { samplePublicDoc } from '../../../relay/src/public/samplePublicDoc';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);
const state = Y.encodeStateAsUpdate(samplePublicDoc({ disclosures: 100, buildings: 20 }));
const times: number[] = [];
const cpu: number[] = [];
let bytes = 0;
const source = createDocPublicSource();
const app = createPublicRoutes(source);
for (let i = 0; i < runs; i++) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  source.set(`c${i}`, doc);
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const res = await app.request(`/p/c${i}`);
  const body = await res.text();
  times.push(performance.now() - started);
  const used = process.cpuUsage(cpuStart);
  cpu.push((used.user + used.system) / 1000);
  if (res.status !== 200 || !body.includes('id="m-matter0099"')) throw new Error(`unexpected response ${res.status}`);
  bytes = Buffer.byteLength(body);
}
process.stdout.write(`${JSON.stringify({ times, cpu, bytes })}\n`);
