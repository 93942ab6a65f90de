// The markdown the bench prints and writes into test/bench/RESULTS.md (its relay section).
import { ClientKind } from '../load/loadConfig';
import { counts as countsOwn, ownOutcome } from './combineRuns';
import { mannWhitneyGreater } from './mannWhitney';
import type { StepResult } from './stepResult';
import { P99_LIMIT_MS, StepOutcome } from './stepResult';
import { TargetId } from './targets';

export interface RunInfo {
  readonly command: string;
  readonly startedAt: string;
  readonly durationS: number;
  readonly machine: string;
  readonly node: string;
  readonly commit: string;
  readonly versions: Readonly<Record<string, string>>;
  readonly timing: string;
  readonly loadAverages: Readonly<Record<string, string>>;
  readonly caveat: string | null;
  readonly niceness: number | null;
  /** Set when the report was rendered again from saved results (--report-only). */
  readonly rerenderedAt?: string;
}

const LABEL: Record<TargetId, string> = {
  [TargetId.relay]: 'Lianxin relay (SQLite, durable)',
  [TargetId.relayProcess]: 'Lianxin relay, LIANXIN_DURABILITY=process (no fsync before `stored`)',
  [TargetId.yWebsocket]: 'y-websocket 1.5 reference (memory)',
  [TargetId.hocuspocus]: 'Hocuspocus (memory)',
};

/** Which clients a step used: all providers, raw observers with provider writers, or all raw. */
export function clientsLabel(writers: ClientKind, observers: ClientKind): string {
  if (writers === ClientKind.provider) return observers === ClientKind.provider ? 'providers' : 'raw observers';
  return observers === ClientKind.raw ? 'raw' : 'raw writers';
}

/** Milliseconds to one decimal; '–' for no value (an empty sample's NaN arrives from JSON as null). */
export const ms = (value: number | null | undefined): string => (value === undefined || value === null || !Number.isFinite(value) ? '–' : value.toFixed(1));
const pct = (value: number | null): string => (value === null ? '–' : value.toFixed(0));

function row(step: StepResult): string {
  const load = step.load;
  const outcome = step.outcome === StepOutcome.error ? `error: ${(step.error ?? '').split('\n')[0] ?? ''}` : step.outcome;
  const why = step.loadProblems.length > 0 ? ` (${step.loadProblems.join('; ')})` : '';
  const dropped = load && load.drops > 0 ? `; ${load.drops} connection drops` : '';
  const retried =
    (step.earlierAttempts.length > 0 ? `; retried after: ${step.earlierAttempts.join(', ')}` : '') +
    (step.laterAttempts && step.laterAttempts.length > 0 ? `; its retry was inconclusive: ${step.laterAttempts.join(', ')}` : '');
  return [
    LABEL[step.target],
    String(step.rooms),
    load ? clientsLabel(load.writers, load.observers) : '–',
    ms(load?.latency.p50),
    ms(load?.latency.p95),
    ms(load?.latency.p99),
    step.runs ? runRange(step) : '–',
    load ? `${load.lost}/${load.expected}` : '–',
    load ? `${load.achievedRate.toFixed(0)}/${load.targetRate}` : '–',
    pct(step.serverCpuPercent),
    step.peakRssMiB === null ? '–' : step.peakRssMiB.toFixed(0),
    load ? pct(load.loadCpuPercent) : '–',
    `${pct(step.serverWaitPercent ?? null)} / ${pct(load?.loadWaitPercent ?? null)}`,
    pct(step.serverCoreOtherPercent ?? null),
    ms(load?.schedulerLag.p99),
    ms(load?.storedAck?.p99),
    `${outcome}${why}${dropped}${retried}`,
  ].join(' | ');
}

/** The p99 of each of a step's runs that has one. */
function runP99s(step: StepResult): number[] {
  return (step.runs ?? []).map((r) => r.p99).filter((p): p is number => p !== null);
}

/** min–max of the runs' p99 and how many runs there were. */
function runRange(step: StepResult): string {
  const p99s = runP99s(step);
  if (p99s.length === 0) return '–';
  return `${ms(Math.min(...p99s))}–${ms(Math.max(...p99s))} (${step.runs?.length ?? 0} runs)`;
}

/** Every run of the steps run several times, in the order run: nothing is left out. */
function everyRun(steps: readonly StepResult[]): string[] {
  const repeated = steps.filter((s) => s.runs && s.runs.length > 1);
  if (repeated.length === 0) return [];
  const out = ['', 'Every run of the repeated steps (the row above is the median run by p99):', ''];
  out.push('| server | R | run | p99 ms | lost | sched. lag p99 ms | server CPU % | waited for CPU % (server / load) | other work on server core % | result |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const step of repeated) {
    (step.runs ?? []).forEach((r, i) => {
      out.push(`| ${LABEL[step.target]} | ${step.rooms} | ${i + 1} | ${ms(r.p99 ?? undefined)} | ${r.lost ?? '–'} | ${ms(r.schedulerLagP99 ?? undefined)} | ${pct(r.serverCpuPercent)} | ${pct(r.serverWaitPercent)} / ${pct(r.loadWaitPercent)} | ${pct(r.serverCoreOtherPercent ?? null)} | ${r.outcome} |`);
    });
  }
  return out;
}

/** Largest R with p99 ≤ 50 ms and nothing lost; `open` when stepping ended without the server failing. */
export function largestHeld(steps: readonly StepResult[], target: TargetId): { rooms: number; open: boolean } {
  const own = steps.filter((s) => s.target === target);
  const held = own.filter((s) => s.outcome === StepOutcome.held).map((s) => s.rooms);
  const failedForServer = own.some((s) => s.outcome === StepOutcome.slow || s.outcome === StepOutcome.lost);
  return { rooms: held.length > 0 ? Math.max(...held) : 0, open: !failedForServer };
}

function medianNote(steps: readonly StepResult[]): string {
  return steps.some((s) => s.runs && s.runs.length > 1) ? '; p99 of the median run where a step was run several times' : '';
}

/** Lowest and highest p99 of a step's runs that have one; null unless it was run several times. */
function p99Range(step: StepResult): [number, number] | null {
  const p99s = runP99s(step);
  return p99s.length > 1 ? [Math.min(...p99s), Math.max(...p99s)] : null;
}

/**
 * A missed comparison, with each server's run-to-run spread: where the ranges overlap, the
 * verdict rests on which run happened to be the median, and a reader should know that.
 */
export function spreadNote(relay: StepResult, reference: StepResult): string {
  const ours = p99Range(relay);
  const theirs = p99Range(reference);
  if (ours === null || theirs === null) return '';
  const overlap = ours[0] <= theirs[1] && theirs[0] <= ours[1];
  return `; runs ${ms(ours[0])}–${ms(ours[1])} vs ${ms(theirs[0])}–${ms(theirs[1])} ms: ${overlap ? 'the ranges overlap' : 'the ranges do not overlap'}`;
}

/** Below this one-sided p-value the relay's runs are measurably slower than the reference's. */
export const SIGNIFICANCE = 0.05;

/** How the relay's p99 compares with the reference server's at one step. */
export type Comparison =
  | { readonly kind: 'no-worse' }
  /** higher median run, but its runs rank above the reference's no more than chance would */
  | { readonly kind: 'within-spread'; readonly u: number; readonly of: number; readonly p: number }
  /** higher, and either measurably so or run too few times to tell */
  | { readonly kind: 'worse'; readonly u: number | null; readonly of: number | null; readonly p: number | null };

/**
 * Compares one step. A p99 is a draw of a few stalls, so two servers' median runs differ by chance;
 * where both were run often enough that a test can tell (C(m+n, m) > 1/SIGNIFICANCE orderings: 4 +
 * 4 runs or more), a higher median counts as worse only if the one-sided Mann–Whitney test says
 * the relay's runs rank above the reference's beyond chance. Otherwise the medians decide alone.
 */
export function compareStep(relay: StepResult, reference: StepResult): Comparison {
  if ((relay.load?.latency.p99 ?? Infinity) <= (reference.load?.latency.p99 ?? -Infinity)) return { kind: 'no-worse' };
  const ours = countedP99s(relay);
  const theirs = countedP99s(reference);
  if (orderings(ours.length, theirs.length) * SIGNIFICANCE <= 1) return { kind: 'worse', u: null, of: null, p: null };
  const { u, p } = mannWhitneyGreater(ours, theirs);
  const of = ours.length * theirs.length;
  return p < SIGNIFICANCE ? { kind: 'worse', u, of, p } : { kind: 'within-spread', u, of, p };
}

/** The p99 of each run whose figures are the server's own, as the median run is chosen among. */
function countedP99s(step: StepResult): number[] {
  return (step.runs ?? []).filter((r) => ownOutcome(r.outcome)).map((r) => r.p99).filter((p): p is number => p !== null);
}

/** C(m + n, m): the orderings of m and n values. */
function orderings(m: number, n: number): number {
  let c = 1;
  for (let i = 1; i <= m; i++) c = (c * (n + i)) / i;
  return m === 0 || n === 0 ? 0 : c;
}

function testNote(c: { u: number | null; of: number | null; p: number | null }): string {
  return c.p === null ? '' : `; one-sided Mann–Whitney U = ${c.u} of ${c.of}, p = ${c.p.toFixed(3)}`;
}

export function verdict(steps: readonly StepResult[]): string[] {
  const lines: string[] = [];
  const relay = steps.filter((s) => s.target === TargetId.relay);
  const reference = steps.filter((s) => s.target === TargetId.yWebsocket);
  // Only measurements that count: held or failed on the server's own account.
  const counts = (s: StepResult | undefined): boolean => s !== undefined && countsOwn(s);
  const comparable = relay.filter((r) => counts(r) && counts(reference.find((s) => s.rooms === r.rooms)));
  if (relay.length > 0 && reference.length > 0) {
    const compared = comparable.map((r) => r.rooms).join(', ') || 'none';
    const judged = comparable.map((r) => {
      const ref = reference.find((s) => s.rooms === r.rooms) as StepResult;
      const c = compareStep(r, ref);
      const text = `${r.rooms} (${ms(r.load?.latency.p99)} vs ${ms(ref.load?.latency.p99)} ms${spreadNote(r, ref)}${c.kind === 'no-worse' ? '' : testNote(c)})`;
      return { c, text };
    });
    const worse = judged.filter((j) => j.c.kind === 'worse');
    const close = judged.filter((j) => j.c.kind === 'within-spread');
    lines.push(
      comparable.length === 0
        ? '- p99 no worse than the reference server at every step: **undecided**: no step where both measurements count.'
        : worse.length > 0
        ? `- p99 no worse than the reference server at every step: **missed** at R = ${worse.map((j) => j.text).join(', ')} (compared: R = ${compared}${medianNote(comparable)}; worse = a higher median run whose runs rank above the reference's beyond chance, p < ${SIGNIFICANCE}, or a step run too few times to test).`
        : close.length > 0
        ? `- p99 no worse than the reference server at every compared step (R = ${compared}${medianNote(comparable)}): **met within the run-to-run spread**: at R = ${close.map((j) => j.text).join(', ')} the relay's median run is higher, but its runs rank above the reference's no more than chance would (worse would need p < ${SIGNIFICANCE}).`
        : `- p99 no worse than the reference server at every compared step (R = ${compared}${medianNote(comparable)}): **met**.`,
    );
  }
  if (relay.length > 0 && steps.some((s) => s.target === TargetId.hocuspocus)) {
    const ours = largestHeld(steps, TargetId.relay);
    const theirs = largestHeld(steps, TargetId.hocuspocus);
    const mark = (h: { rooms: number; open: boolean }): string => `${h.rooms}${h.open ? ' (its next step was inconclusive or not run: at least this)' : ''}`;
    const ratio = theirs.rooms > 0 ? ours.rooms / theirs.rooms : Number.POSITIVE_INFINITY;
    // An open bound is only a lower bound: the ratio is decided when the relay's lower bound
    // already reaches 1.5× a Hocuspocus figure that is exact, or when an exact relay figure
    // falls short of 1.5× what Hocuspocus is known to hold at least.
    const status = !theirs.open && ratio >= 1.5 ? 'met' : !ours.open && ratio < 1.5 ? 'missed' : 'undecided';
    const why = status === 'undecided' ? ': a step that would decide it was inconclusive (load generator limit or other work on the cores) or not run' : '';
    lines.push(
      `- Largest R at p99 ≤ ${P99_LIMIT_MS} ms with nothing lost: relay ${mark(ours)}, Hocuspocus ${mark(theirs)}; ` +
        `ratio ${Number.isFinite(ratio) ? ratio.toFixed(2) : '∞'} (target ≥ 1.5): **${status}**${why}.`,
    );
  }
  lines.push(...durabilityVerdict(steps));
  return lines;
}

/**
 * Issue 19: `stored` after fsync (the default) against the old behaviour, same run. Stored-ack
 * p50/p99 per step, and the largest R each held; target: fsync's at least 80 % of the other's.
 */
export function durabilityVerdict(steps: readonly StepResult[]): string[] {
  const on = steps.filter((s) => s.target === TargetId.relay);
  const off = steps.filter((s) => s.target === TargetId.relayProcess);
  if (on.length === 0 || off.length === 0) return [];
  const ack = (s: StepResult | undefined): string => (s?.load?.storedAck ? `${ms(s.load.storedAck.p50)} / ${ms(s.load.storedAck.p99)}` : '–');
  const rooms = [...new Set([...on, ...off].map((s) => s.rooms))].sort((a, b) => a - b);
  const lines = ['- Stored-ack p50 / p99 ms, fsync (default) vs process: ' + rooms.map((r) => `R = ${r}: ${ack(on.find((s) => s.rooms === r))} vs ${ack(off.find((s) => s.rooms === r))}`).join('; ') + '.'];
  const withFsync = largestHeld(steps, TargetId.relay);
  const without = largestHeld(steps, TargetId.relayProcess);
  const ratio = without.rooms > 0 ? withFsync.rooms / without.rooms : Number.POSITIVE_INFINITY;
  // An open bound (stepping ended without that server failing) is only a lower bound.
  const status =
    without.rooms === 0 ? 'undecided' : !without.open && ratio >= 0.8 ? 'met' : without.open && withFsync.rooms >= without.rooms ? 'met (both held every step run)' : !withFsync.open && ratio < 0.8 ? 'missed' : 'undecided';
  lines.push(`- Largest R held, fsync ${withFsync.rooms}${withFsync.open ? ' (at least)' : ''} vs process ${without.rooms}${without.open ? ' (at least)' : ''}: ratio ${without.rooms === 0 ? '–' : Number.isFinite(ratio) ? ratio.toFixed(2) : '∞'} (target ≥ 0.8, issue 19): **${status}**.`);
  return lines;
}

export function renderReport(steps: readonly StepResult[], info: RunInfo): string {
  const out: string[] = [];
  out.push(steps.some((s) => s.target === TargetId.relayProcess) ? '## Relay: `stored` after fsync vs LIANXIN_DURABILITY=process (issue 19)' : '## Relay: sync latency under load');
  out.push('');
  out.push(`Command: \`${info.command}\` — started ${info.startedAt}, took ${info.durationS.toFixed(0)} s.`);
  out.push(`Machine: ${info.machine}; Node ${info.node}; commit ${info.commit}.`);
  out.push(`Versions: ${Object.entries(info.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  out.push(`Load: R rooms × (1 writer + 2 observers), each its own WebSocket; the writer appends a timestamped record to a Y.Text at 20 Hz, staggered across rooms. ${info.timing}`);
  out.push('Server pinned to CPU 0, load process to CPU 1 (`taskset`); one fresh server process per step; steps interleaved across servers (R = 50 on each, then R = 100, …). Server CPU from /proc/<pid>/stat over the window, peak RSS from VmHWM; "waited for CPU" is run-queue wait from /proc/<pid>/schedstat (time a process\'s main thread was ready to run but something else had its core: other processes, or the process\'s own GC and worker threads, which share its one core); "other work on server core" is CPU 0\'s user, system and steal time from /proc/stat less the server\'s own CPU time — what other processes took of the server\'s core, which is what marks a server\'s step as disturbed.');
  out.push('Clients: `providers` = every client a y-websocket v3 provider (relay, reference) or an @hocuspocus/provider 4 with its own socket (Hocuspocus), each with a Y.Doc; `raw observers` = provider writers, observers that are raw protocol clients (answer the sync handshake, announce awareness, decode updates without a Y.Doc); `raw` = writers raw too (own Y.Doc for real updates, no provider). Lighter clients are used only where full ones would saturate the load core: above set room counts, and in the retry of a step whose load generator could not keep up (the row\'s clients are those of the attempt reported; earlier attempts name theirs).');
  out.push('"stored-ack": for the relay, from sending a write to the `stored` message that confirms it, over every write in the window; while a writer keeps sending (every 50 ms here) the relay sends one `stored` per connection per second (`LIANXIN_ACK_MS`; one goes out sooner when the writer pauses for 100 ms, `LIANXIN_ACK_QUIET_MS`), so a write waits up to that long for its confirmation, not for its storage.');
  if (typeof info.niceness === 'number') out.push(`Server and load processes ran at niceness ${info.niceness}.`);
  out.push(`Load average of the machine (1/5/15 min) before each step: ${Object.entries(info.loadAverages).map(([k, v]) => `${k} ${v}`).join('; ')}.`);
  if (info.caveat) out.push(`**Caveat:** ${info.caveat}`);
  if (info.rerenderedAt) out.push(`(Report rendered again from last-run.json on ${info.rerenderedAt} by a newer harness; figures shown as \`–\` were not recorded by the harness that ran.)`);
  out.push('');
  out.push('| server | R | clients | p50 ms | p95 ms | p99 ms | p99 of the runs | lost/expected | sent/s (target) | server CPU % | peak RSS MiB | load CPU % | waited for CPU % (server / load) | other work on server core % | sched. lag p99 ms | stored-ack p99 ms | result |');
  out.push('|---|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const step of steps) out.push(`| ${row(step)} |`);
  out.push(...everyRun(steps));
  out.push('');
  const lines = verdict(steps);
  if (lines.length > 0) {
    out.push('Target (issue 2):');
    out.push(...lines);
  }
  const errors = steps.filter((s) => s.error !== null);
  for (const step of errors) {
    out.push('');
    out.push(`Error, ${LABEL[step.target]} at R = ${step.rooms}:`);
    out.push('```');
    out.push((step.error ?? '').split('\n').slice(0, 20).join('\n'));
    out.push('```');
  }
  return `${out.join('\n')}\n`;
}
