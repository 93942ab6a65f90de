// The "usable" section of RESULTS.md (between markers, so the rest of the file is left alone).
import { cpus, loadavg } from 'node:os';
import { ROUTES, sampleKey, TAIL_MS, THROTTLES, VARIANTS, type Route, type UsableResults, type UsableSample, type Variant } from './benchUsable';

export const SECTION_BEGIN = '<!-- usable:begin (written by usable/usableSection.ts) -->';
export const SECTION_END = '<!-- usable:end -->';

const NAMES: Record<Variant, string> = { lianxin: 'Lianxin (the built app)', idb: 'y-indexeddb (app pages)', ref: 'reference (Yjs + y-indexeddb, plain list)' };
const ROUTE_NAMES: Record<Route, string> = { my: '`/c/<c>/my` (member)', roster: '`/c/<c>/roster` (committee)' };

export const median = (xs: readonly number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (x: number | null) => (x === null ? '–' : `${Math.round(x)}`);
const kb = (x: number | null, digits = 0) => (x === null ? '–' : `${(x / 1024).toFixed(digits)}`);
const of = (samples: readonly UsableSample[], f: (s: UsableSample) => number | null) => median(samples.map(f).filter((x): x is number => x !== null));

/** Replaces (or appends) the usable section in `file`'s text. */
export function withSection(text: string, section: string): string {
  const block = `${SECTION_BEGIN}\n${section.trimEnd()}\n${SECTION_END}\n`;
  const a = text.indexOf(SECTION_BEGIN);
  const b = text.indexOf(SECTION_END);
  if (a >= 0 && b > a) return text.slice(0, a) + block + text.slice(b + SECTION_END.length).replace(/^\n/, '');
  return `${text.trimEnd()}\n\n${block}`;
}

/** The section kept from `text` (to carry over when the rest of the file is rewritten), or ''. */
export function sectionOf(text: string): string {
  const a = text.indexOf(SECTION_BEGIN);
  const b = text.indexOf(SECTION_END);
  return a >= 0 && b > a ? text.slice(a, b + SECTION_END.length) + '\n' : '';
}

/** `loadBefore`: the 1-minute load average when the part started (other work on the machine makes figures noisy). */
export function usableSection(r: UsableResults, runs: number, seconds: number, loadBefore: number): string {
  const get = (v: Variant, route: Route, t: number) => r.samples.get(sampleKey(v, route, t)) ?? [];
  const usable = (v: Variant, route: Route, t: number) => of(get(v, route, t), (s) => s.usable);
  const lines: string[] = [];
  lines.push('## Usable: cold open until the page responds (issue #21)', '');
  lines.push(
    `Run: ${new Date().toISOString()}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), Chromium headless, CPU throttling 1× and 4× (\`Emulation.setCPUThrottlingRate\`), ` +
      `${runs} cold opens per variant, route and throttle (after two warm-ups), interleaved. Same community as above (3,600 households), each store compacted by its library. ` +
      `The member: ${r.member.name}, ${r.member.households} households. Load average (1 min) ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end${loadBefore > cpus().length || loadavg()[0]! > cpus().length ? ' — the machine was busy with other work: the figures are noisy' : ''}.`,
    '',
  );
  lines.push(
    '**Usable** = navigation start until the page answers an input on its live data, the same probe in every variant (`usable/probe.ts`): ' +
      'my — the first `[data-testid="my-household"]` is in the document and clicking its visit button opens the visit form or menu; ' +
      'roster — the first live row of the household table is in, and typing a household head\'s name into the roster search narrows the table to it; ' +
      `reference — typing into its input narrows its list. **Long tasks**: Chromium's \`longtask\` entries from navigation start until ${TAIL_MS / 1000} s after usable (medians per run: count / longest / total). ` +
      '**JS+CSS**: the script and style files fetched before usable (resource timing), gzip-compressed by the bench. **code** = the page\'s code ran (the first child of `#root`, or the page\'s mark), ' +
      '**docs** = the route\'s documents loaded (bench pages\' mark; the app sets none yet), **first row** = the first row of live data in the document.',
    '',
  );
  lines.push('| route | CPU | variant | median usable (ms) | min–max | code | docs | first row | long tasks (n / max / total ms) | JS+CSS gzip (KB) | documents opened |', '|---|---|---|---|---|---|---|---|---|---|---|');
  for (const route of ROUTES) {
    for (const t of THROTTLES) {
      for (const v of VARIANTS) {
        const s = get(v, route, t);
        if (s.length === 0) continue;
        const u = s.map((x) => x.usable);
        const opened = v === 'lianxin' ? (s[0]!.openedDocs ? s[0]!.openedDocs.join(', ') : 'not reported (`__lianxinOpenedDocs` absent)') : v === 'ref' ? (route === 'my' ? 'roster, work' : 'roster') : route === 'my' ? 'roster, work, then all when idle' : 'roster, then all when idle';
        lines.push(
          `| ${ROUTE_NAMES[route]} | ${t}× | ${NAMES[v]} | **${ms(median(u))}** | ${ms(Math.min(...u))}–${ms(Math.max(...u))} | ${ms(of(s, (x) => x.code))} | ${ms(of(s, (x) => x.docs))} | ${ms(of(s, (x) => x.live))} | ` +
            `${ms(of(s, (x) => x.longTasks))} / ${ms(of(s, (x) => x.longestTask))} / ${ms(of(s, (x) => x.longTaskTotal))} | ${kb(of(s, (x) => x.jsGzip + x.cssGzip))} | ${opened} |`,
        );
      }
    }
  }
  lines.push('', '### Targets (Lianxin)', '');
  const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
  for (const route of ROUTES) {
    for (const t of THROTTLES) {
      const l = usable('lianxin', route, t);
      const i = usable('idb', route, t);
      const f = usable('ref', route, t);
      if (l === null || i === null || f === null) continue;
      lines.push(
        `- ${ROUTE_NAMES[route]} at ${t}×: usable ${ms(l)} ms; reference ${ms(f)} ms, ratio ${(l / f).toFixed(2)}× (target ≤ 1.5×: ${mark(l / f <= 1.5)}); ` +
          `y-indexeddb ${ms(i)} ms, y-indexeddb / Lianxin ${(i / l).toFixed(2)}× (target ≥ 2×: ${mark(i / l >= 2)}).`,
      );
    }
  }
  for (const route of ROUTES) {
    const s = get('lianxin', route, 1);
    if (s.length === 0) continue;
    const longest = Math.max(...s.map((x) => x.longestTask));
    lines.push(`- ${ROUTE_NAMES[route]} at 1×: longest task ${ms(longest)} ms over all runs (median of each run's longest ${ms(of(s, (x) => x.longestTask))}) (target ≤ 200 ms: ${mark(longest <= 200)}).`);
  }
  {
    const s = get('lianxin', 'my', 1);
    const bytes = of(s, (x) => x.jsGzip + x.cssGzip);
    if (bytes !== null) lines.push(`- \`/c/<c>/my\`: ${kb(bytes)} KB of JS + CSS (gzip) before usable (target < 300 KB: ${mark(bytes < 300 * 1024)}).`);
  }
  lines.push('', '### Bytes before usable (1×, medians)', '');
  lines.push('| route | variant | JS files | JS KB (raw / gzip) | CSS files | CSS KB (raw / gzip) | page HTML KB (gzip) | transferred KB (HTTP cache) |', '|---|---|---|---|---|---|---|---|');
  for (const route of ROUTES) {
    for (const v of VARIANTS) {
      const s = get(v, route, 1);
      if (s.length === 0) continue;
      lines.push(
        `| ${ROUTE_NAMES[route]} | ${NAMES[v]} | ${ms(of(s, (x) => x.jsFiles))} | ${kb(of(s, (x) => x.jsBytes))} / ${kb(of(s, (x) => x.jsGzip))} | ${ms(of(s, (x) => x.cssFiles))} | ${kb(of(s, (x) => x.cssBytes))} / ${kb(of(s, (x) => x.cssGzip))} | ${kb(of(s, (x) => x.htmlGzip), 1)} | ${kb(of(s, (x) => x.transferred))} |`,
      );
    }
  }
  lines.push('', '### Where the time goes (Lianxin, medians)', '');
  for (const route of ROUTES) {
    for (const t of THROTTLES) {
      const s = get('lianxin', route, t);
      if (s.length === 0) continue;
      const code = of(s, (x) => x.code);
      const live = of(s, (x) => x.live);
      const input = of(s, (x) => x.input);
      const u = of(s, (x) => x.usable);
      const names = [...new Set(s.flatMap((x) => x.marks.map((m) => m.name)))];
      const marks = names.map((n) => `\`${n}\` ${ms(of(s, (x) => x.marks.find((m) => m.name === n)?.at ?? null))}`).join(', ');
      lines.push(
        `- ${ROUTE_NAMES[route]} at ${t}×: code runs at ${ms(code)} ms; first live row at ${ms(live)} (+${ms(live !== null && code !== null ? live - code : null)} for documents and first render); ` +
          `input at ${ms(input)}, answered at ${ms(u)} (+${ms(u !== null && input !== null ? u - input : null)}). App marks: ${marks || 'none'}.`,
      );
    }
  }
  lines.push('', `Build ${(r.buildMs / 1000).toFixed(0)} s; seeding ${[...r.seedMs].map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}; this part ${seconds.toFixed(0)} s.`);
  return lines.join('\n');
}
