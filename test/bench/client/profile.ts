/**
 * CPU profile of one cold open (`run.ts --profile`): the V8 sampling profile of the page from
 * navigation until the first row, summarised as self time per function and per script, so a
 * change can be aimed at what costs most. Not part of the measured runs.
 */
import type { BrowserContext, Page } from 'playwright-core';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self and total time (ms) per function, and self time per script, top `top` of each. */
export function summariseProfile(profile: CpuProfile, top = Number(process.env.PROFILE_TOP ?? 40)): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  // PROFILE_UNTIL: only the first N ms of the profile (e.g. until the page was usable).
  const until = Number(process.env.PROFILE_UNTIL ?? Infinity);
  let at = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += (profile.timeDeltas[i] ?? 0) / 1000;
    if (at > until) break;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + dt);
  }
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
  // PROFILE_FOCUS: self time only of samples with a frame whose label contains it (e.g. ':1:1',
  // the top level of a chunk: module evaluation).
  const focus = process.env.PROFILE_FOCUS;
  const focusSelf = new Map<string, number>();
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  const scriptBy = new Map<string, number>();
  for (const [id, t] of self) {
    const node = byId.get(id)!;
    selfBy.set(label(node), (selfBy.get(label(node)) ?? 0) + t);
    const script = node.callFrame.url ? node.callFrame.url.replace(/^.*\//, '') : node.callFrame.functionName;
    scriptBy.set(script, (scriptBy.get(script) ?? 0) + t);
    if (focus) {
      let hit = false;
      for (let at: number | undefined = id; at !== undefined && !hit; at = parent.get(at)) hit = label(byId.get(at)!).includes(focus);
      if (hit) focusSelf.set(label(node), (focusSelf.get(label(node)) ?? 0) + t);
    }
    // Total: count this sample once for each distinct function on its stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const l = label(byId.get(at)!);
      if (seen.has(l)) continue;
      seen.add(l);
      totalBy.set(l, (totalBy.get(l) ?? 0) + t);
    }
  }
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`)
      .join('\n');
  return [
    `profile: ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms`,
    'self time by script:',
    list(scriptBy),
    'self time by function:',
    list(selfBy),
    'total time by function:',
    list(totalBy),
    ...(focus ? [`self time under frames matching ${focus}:`, list(focusSelf)] : []),
  ].join('\n');
}

/** How to tell the opened page is done, and a script to run in it before its own (the usable part's probe). */
export interface OpenedPage {
  readonly done: () => boolean;
  readonly init?: string;
}

const BENCH_PAGE: OpenedPage = { done: () => window.__bench?.done === true };

async function newPage(context: BrowserContext, init: string | undefined): Promise<Page> {
  const page = await context.newPage();
  if (init) await page.addInitScript({ content: init });
  return page;
}

/** Opens `url` in a new page with the V8 profiler running from before navigation. */
export async function profileOpen(context: BrowserContext, url: string, how: OpenedPage = BENCH_PAGE): Promise<string> {
  const page = await newPage(context, how.init);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(url);
    await page.waitForFunction(how.done, null, { timeout: 120_000, polling: 50 });
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const bench = await page.evaluate(() => window.__bench ?? null);
    return `${bench ? JSON.stringify(bench.result ?? bench.error) : ''}\n${summariseProfile(profile)}`;
  } finally {
    await page.close();
  }
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly dur?: number;
  readonly ts: number;
  readonly tid: number;
  readonly pid: number;
  readonly args?: { readonly data?: { readonly url?: string } };
}

/** Opens `url` with a Chromium trace; the main thread's time per event name (top level and nested). */
export async function traceOpen(context: BrowserContext, url: string, how: OpenedPage = BENCH_PAGE): Promise<string> {
  const browser = context.browser()!;
  const page = await newPage(context, how.init);
  try {
    await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink', 'blink.user_timing'] });
    await page.goto(url);
    await page.waitForFunction(how.done, null, { timeout: 120_000, polling: 50 });
    const buffer = await browser.stopTracing();
    const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    const main = events.find((e) => e.name === 'thread_name' && (e as unknown as { args: { name: string } }).args.name === 'CrRendererMain');
    const mine = events.filter((e) => main && e.tid === main.tid && e.pid === main.pid && e.ph === 'X' && e.dur !== undefined);
    const by = new Map<string, number>();
    for (const e of mine) by.set(e.name, (by.get(e.name) ?? 0) + e.dur! / 1000);
    // A timeline of the main thread's longer slices, from navigation start.
    const nav = events.find((e) => e.name === 'navigationStart' && e.pid === main?.pid);
    const t0 = nav?.ts ?? Math.min(...mine.map((e) => e.ts));
    // The page's own performance marks (lianxin:…) among them, as where the time goes.
    const marks = events.filter((e) => e.pid === main?.pid && e.name.startsWith('lianxin:') && e.ph !== 'X').map((e) => ({ ...e, dur: 0 }));
    const timeline = [...mine.filter((e) => e.dur! >= 4000 && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask'), ...marks]
      .sort((a, b) => a.ts - b.ts)
      .slice(0, 120)
      .map((e) => `  ${((e.ts - t0) / 1000).toFixed(0).padStart(6)} +${(e.dur! / 1000).toFixed(0).padStart(4)} ms  ${e.name} ${e.args?.data?.url?.replace(/^.*\//, '') ?? ''}`);
    return [
      ...[...by]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 40)
        .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`),
      'timeline (slices ≥ 4 ms, ms from navigation start):',
      ...timeline,
    ].join('\n');
  } finally {
    await page.close();
  }
}
