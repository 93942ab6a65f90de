/**
 * The "usable" probe, injected into every measured page before its own scripts (Playwright init
 * script, bundled by esbuild): the same probe for the app, the y-indexeddb baseline and the
 * minimal reference, so they are timed alike (issue #21, test ids from the #21 contract).
 *
 * - `click`: once the first row is in the document, click its button (again whenever the page
 *   replaces the row, e.g. a kept projection by the live page); usable when the response is.
 * - `type`: once the search input is there, type the query; usable when the list has narrowed
 *   to rows that all contain it (fewer rows than before typing).
 * The input is made as a person would: after the row is painted (next frame) and when the main
 * thread is free (a task of its own), not from inside the page's rendering work.
 *
 * Long tasks are observed from navigation start; the result is published `tail` ms after usable.
 */
export interface ProbeConfig {
  readonly kind: 'click' | 'type';
  /** the rows of the live data (the first one in the document = live data rendered) */
  readonly row: string;
  /** click: the button inside the row; type: the input (or an element holding it) */
  readonly control: string;
  /** click: what the page shows in response */
  readonly response?: string;
  /** type: the text typed */
  readonly query?: string;
  readonly tail: number;
  readonly timeout: number;
}

export interface ProbeResult {
  readonly done: boolean;
  readonly error?: string;
  /** navigation start → the page's code ran (`bench:code` mark, else the first child of #root) */
  code: number | null;
  /** → the first row in the document */
  live: number | null;
  /** → the click or the typing */
  input: number | null;
  /** → the page's response to it */
  usable: number | null;
  longTasks: Array<{ start: number; duration: number }>;
  marks: Array<{ name: string; at: number }>;
  resources: Array<{ url: string; start: number; end: number; transfer: number; encoded: number }>;
  openedDocs: string[] | null;
  clicks: number;
}

declare global {
  interface Window {
    __probeConfig?: ProbeConfig;
    __probe?: ProbeResult;
    __lianxinOpenedDocs?: Iterable<string>;
  }
}

function start(config: ProbeConfig): void {
  const result: ProbeResult = { done: false, code: null, live: null, input: null, usable: null, longTasks: [], marks: [], resources: [], openedDocs: null, clicks: 0 };
  window.__probe = result;
  const now = () => performance.now();
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) result.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: reported as none
  }

  let clicked: Element | null = null;
  let typed: HTMLInputElement | null = null;
  let rowsBefore = 0;
  let lastTry = 0;
  let pending = false;
  /** Runs `act` once the current frame is painted and the main thread is free. */
  const later = (act: () => void) => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        pending = false;
        if (result.usable === null) act();
        check();
      }, 0),
    );
  };

  let finished = false;
  const finish = (error?: string) => {
    if (finished) return;
    finished = true;
    observer.disconnect();
    const end = (result.usable ?? now()) + config.tail;
    setTimeout(() => {
      result.longTasks = result.longTasks.filter((t) => t.start < end);
      result.marks = performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime }));
      result.resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({ url: r.name, start: r.startTime, end: r.responseEnd, transfer: r.transferSize, encoded: r.encodedBodySize }));
      const opened = window.__lianxinOpenedDocs;
      result.openedDocs = opened ? [...opened].map(String) : null;
      window.__probe = { ...result, done: true, ...(error ? { error } : {}) };
    }, error ? 0 : Math.max(0, end - now()));
  };

  const check = () => {
    if (result.usable !== null || finished) return;
    const t = now();
    if (result.code === null) {
      const mark = performance.getEntriesByName('bench:code')[0];
      if (mark) result.code = mark.startTime;
      else if ((document.getElementById('root')?.childElementCount ?? 0) > 0) result.code = t;
    }
    const rows = document.querySelectorAll(config.row);
    if (rows.length > 0 && result.live === null) result.live = t;
    if (config.kind === 'click') {
      const button = rows[0]?.querySelector<HTMLElement>(config.control) ?? null;
      // A new button (the page replaced its rows), or no response for a while: tap (again).
      if (button && (button !== clicked || t - lastTry > 2_000)) {
        if (!clicked && document.querySelector(config.response!)) return finish(`the response (${config.response}) is there before the click`);
        later(() => {
          if (!button.isConnected) return;
          clicked = button;
          lastTry = now();
          result.clicks++;
          result.input ??= lastTry;
          button.click();
        });
      }
      if (clicked && document.querySelector(config.response!)) result.usable = t;
    } else {
      const found = document.querySelector(config.control);
      const input = found instanceof HTMLInputElement ? found : (found?.querySelector('input') ?? null);
      if (input && rows.length > 0 && input !== typed) {
        later(() => {
          const before = document.querySelectorAll(config.row);
          if (!input.isConnected || before.length === 0) return;
          if ([...before].every((r) => r.textContent?.includes(config.query!))) return finish(`every row contains "${config.query}" before typing`);
          typed = input;
          rowsBefore = before.length;
          result.input ??= now();
          // What typing does to a React input: the native setter, then an input event.
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, config.query!);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
      }
      if (typed && rows.length > 0 && rows.length < rowsBefore && [...rows].every((r) => r.textContent?.includes(config.query!))) result.usable = t;
    }
    if (result.usable !== null) finish();
  };

  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'hidden', 'style'] });
  // A response that changes nothing the observer sees (or a missed batch): look again now and then.
  const timer = setInterval(() => {
    check();
    if (result.usable !== null || finished) clearInterval(timer);
    else if (now() > config.timeout) {
      clearInterval(timer);
      finish(`not usable after ${config.timeout} ms (code ${result.code}, first row ${result.live}, input ${result.input}, clicks ${result.clicks})`);
    }
  }, 100);
}

if (window === window.top && window.__probeConfig) start(window.__probeConfig);
