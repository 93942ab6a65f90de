// Diagnostic preloaded into a server process with `--import` (run.ts `--probe=DIR`): once a
// second it appends one JSON line with the event loop's delay (p50/p99/max over that second)
// and the GC pauses of that second to DIR/<role>-<pid>.jsonl. Plain JS so it loads before tsx.
// The same probe goes into every server, so their stalls are compared under the same overhead.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';

const dir = process.env.LIANXIN_BENCH_PROBE;
if (dir) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${process.env.LIANXIN_BENCH_PROBE_ROLE ?? 'process'}-${process.pid}.jsonl`);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  let gcCount = 0;
  let gcMs = 0;
  let gcMax = 0;
  const kinds = {};
  // Stalls: gaps of a 1 ms timer longer than 4 ms, and GC pauses over 2 ms, with their wall time.
  const stalls = [];
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > 4) stalls.push(['loop', +(performance.timeOrigin + last).toFixed(1), +(now - last).toFixed(1)]);
    last = now;
  }, 1).unref();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.duration > 2) stalls.push(['gc', +(performance.timeOrigin + entry.startTime).toFixed(1), +entry.duration.toFixed(1)]);
      gcCount++;
      gcMs += entry.duration;
      if (entry.duration > gcMax) gcMax = entry.duration;
      const kind = String(entry.detail?.kind ?? '?');
      kinds[kind] = (kinds[kind] ?? 0) + entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  const timer = setInterval(() => {
    const line = {
      t: Date.now(),
      loopP50: loop.percentile(50) / 1e6,
      loopP99: loop.percentile(99) / 1e6,
      loopMax: loop.max / 1e6,
      gcCount,
      gcMs,
      gcMax,
      kinds: { ...kinds },
      stalls: stalls.splice(0),
    };
    loop.reset();
    gcCount = 0;
    gcMs = 0;
    gcMax = 0;
    for (const k of Object.keys(kinds)) delete kinds[k];
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }, 1000);
  timer.unref();
}
