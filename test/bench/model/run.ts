// Model benchmark at the 3,600-household fixture (陇海路社区-sized), in Node:
// opening the roster from an encoded update, the overdue list and all statistics.
// Median of repeated runs; prints a markdown table and writes RESULTS.md beside this file.
// Standalone: `npx tsx test/bench/model/run.ts [--quick]`.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { capacityReport, computeStatistics, overdueVisits, pointsLedger, projectPublic, readMeetings, readRoster, readWork } from '@lianxin/model';
import { generateCommunity } from '../../fixtures/generateCommunity';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 5 : 21;
const WARMUP = quick ? 1 : 3;
const TARGET_MS = 50;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function measure(fn: () => void): { median: number; min: number; max: number } {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

const t0 = performance.now();
const community = generateCommunity();
const generateMs = performance.now() - t0;
const encoded = community.encode();
const rosterUpdate = encoded.get('roster')!;
const workUpdate = encoded.get('work')!;
const today = community.today;

// Views the app keeps open; the compute rows below start from them.
const roster = readRoster(community.docs.roster).view;
const work = readWork(community.docs.work).view;
const meetings = readMeetings(community.docs.meetings, roster.settings.stepRules).view;

interface Row {
  what: string;
  median: number;
  min: number;
  max: number;
  target: boolean;
}
const rows: Row[] = [];
const run = (what: string, fn: () => void, target = true) => rows.push({ what, ...measure(fn), target });

run('open roster: new Y.Doc + applyUpdate + readRoster (cold)', () => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, rosterUpdate);
  readRoster(doc);
});
run('  of which applyUpdate only', () => {
  Y.applyUpdate(new Y.Doc(), rosterUpdate);
}, false);
const warmDoc = new Y.Doc();
Y.applyUpdate(warmDoc, rosterUpdate);
readRoster(warmDoc);
run('re-read open roster after a change (readRoster, warm cache)', () => {
  warmDoc.getMap('settings').set('responseDays', 2);
  readRoster(warmDoc);
}, false);
run('overdue list (overdueVisits, per member and per grid)', () => {
  overdueVisits(roster, work, { today });
});
run('all statistics (computeStatistics)', () => {
  computeStatistics(roster, work, { asOf: today });
});
run('points totals and ranking (pointsLedger)', () => {
  pointsLedger(roster, work);
});
run('member loads (capacityReport)', () => {
  capacityReport(roster);
}, false);
run('public projection (projectPublic)', () => {
  projectPublic(roster, work, meetings, { asOf: today });
}, false);
run('open work: new Y.Doc + applyUpdate + readWork (cold)', () => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, workUpdate);
  readWork(doc);
}, false);

const c = community.counts;
const fmt = (n: number) => n.toFixed(1);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const minutesBytes = [...encoded].filter(([k]) => k.startsWith('minutes/')).reduce((n, [, v]) => n + v.length, 0);
const lines = [
  '# Model benchmark',
  '',
  `Fixture: \`generateCommunity()\` — ${c.households} households, ${c.residents} residents, ${c.members} members, ${c.grids} grids, ${c.compounds} compounds, ${c.buildings} buildings, ${c.units} units, ${c.visits} visits, ${c.concerns} concerns, ${c.mustVisits} must-visits, ${c.meetings} meetings, ${c.matters} matters (generated in ${fmt(generateMs)} ms).`,
  `Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the start of the run; ${RUNS} runs after ${WARMUP} warm-up, median (min–max).`,
  '',
  '| operation | median ms | min–max ms | target < 50 ms |',
  '|---|---:|---:|---|',
  ...rows.map((r) => `| ${r.what} | ${fmt(r.median)} | ${fmt(r.min)}–${fmt(r.max)} | ${r.target ? (r.median < TARGET_MS ? 'met' : '**missed**') : '—'} |`),
  '',
  '| document | encoded size |',
  '|---|---:|',
  ...[...encoded].filter(([k]) => !k.startsWith('minutes/')).map(([k, v]) => `| ${k} | ${kb(v.length)} (${v.length} B) |`),
  `| minutes/* (${c.meetings} docs) | ${kb(minutesBytes)} (${minutesBytes} B) |`,
  '',
];
const text = lines.join('\n');
console.log(text);
writeFileSync(fileURLToPath(new URL('./RESULTS.md', import.meta.url)), text);
const missed = rows.filter((r) => r.target && r.median >= TARGET_MS);
if (missed.length) console.warn(`missed the ${TARGET_MS} ms target: ${missed.map((r) => r.what).join('; ')}`);
