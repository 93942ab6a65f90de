// Where a server's CPU went during a measurement window, from a V8 .cpuprofile written with
// --cpu-prof. Its timestamps are CLOCK_MONOTONIC microseconds, the clock process.hrtime reads,
// so the harness can cut the profile to exactly the window it measured.
//   npx tsx test/bench/relay/harness/profileSummary.ts <file.cpuprofile> [fromUs toUs] [filter]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

function label(frame: CallFrame): string {
  const at = frame.url.indexOf('/node_modules/');
  const file = at >= 0 ? frame.url.slice(at + '/node_modules/'.length) : frame.url.replace(/^file:\/\/.*?\/(relay|test|packages)\//, '$1/');
  return `${frame.functionName || '(anonymous)'} ${file || '(native)'}`;
}

/** Top functions by self time, and by inclusive time among frames whose label has `filter`. */
export function summarizeProfile(file: string, fromUs: number | null, toUs: number | null, filter = 'relay/src', top = 20): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let at = profile.startTime;
  profile.samples.forEach((sample, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if ((fromUs !== null && at < fromUs) || (toUs !== null && at > toUs)) return;
    const node = byId.get(sample);
    if (node === undefined) return;
    total += delta;
    if (node.callFrame.functionName === '(idle)') {
      idle += delta;
      return;
    }
    const own = label(node.callFrame);
    self.set(own, (self.get(own) ?? 0) + delta);
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id);
      if (frame === undefined) break;
      const key = label(frame.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + delta);
    }
  });
  const busy = total - idle;
  const pct = (v: number): string => `${((v / Math.max(busy, 1)) * 100).toFixed(1).padStart(5)}%`;
  const lines = [`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (${((busy / Math.max(total, 1)) * 100).toFixed(0)}%); shares below are of busy time`];
  lines.push('  self:');
  for (const [key, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(v)} ${key}`);
  lines.push(`  inclusive, ${filter}:`);
  for (const [key, v] of [...inclusive].filter(([k]) => k.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(v)} ${key}`);
  return lines;
}

/** The main thread's profile in a folder: node also writes a small one per worker thread. */
export function largestProfile(dir: string): string | null {
  let best: { file: string; size: number } | null = null;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  for (const name of names) {
    if (!name.endsWith('.cpuprofile')) continue;
    const file = join(dir, name);
    const size = statSync(file).size;
    if (best === null || size > best.size) best = { file, size };
  }
  return best?.file ?? null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, from, to, filter] = process.argv.slice(2);
  if (file === undefined) {
    console.error('usage: profileSummary.ts <file.cpuprofile> [fromUs toUs] [filter]');
    process.exit(2);
  }
  const range = (v: string | undefined): number | null => (v === undefined || v === '-' ? null : Number(v));
  console.log(summarizeProfile(file, range(from), range(to), filter ?? 'relay/src').join('\n'));
}
