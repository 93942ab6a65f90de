import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

/** Prometheus text exposition, without a dependency: counters, gauges and one histogram kind. */

type Labels = Readonly<Record<string, string>>;

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
}

export class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  /** the unlabelled series, kept apart because it is bumped on every message */
  private plain = 0;
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels?: Labels, by = 1): void {
    if (!labels) {
      this.plain += by;
      return;
    }
    const key = labelText(labels);
    const entry = this.values.get(key);
    if (entry) entry.value += by;
    else this.values.set(key, { labels, value: by });
  }
  get(labels?: Labels): number {
    if (!labels) return this.plain;
    return this.values.get(labelText(labels))?.value ?? 0;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    if (this.values.size === 0 || this.plain > 0) lines.push(`${this.name} ${this.plain}`);
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${labelText(labels)} ${value}`);
    return lines.join('\n');
  }
}

export class Gauge {
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => number,
    /** a value read from elsewhere that only grows is exposed as a counter */
    private readonly type: 'gauge' | 'counter' = 'gauge',
  ) {}
  render(): string {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`, `${this.name} ${this.read()}`].join('\n');
  }
}

export class Histogram {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets: readonly number[],
  ) {
    this.counts = buckets.map(() => 0);
  }
  observe(value: number): void {
    this.sum += value;
    this.count += 1;
    for (let i = 0; i < this.buckets.length; i++) {
      if (value <= (this.buckets[i] as number)) {
        this.counts[i] = (this.counts[i] as number) + 1;
        break;
      }
    }
  }
  get observations(): number {
    return this.count;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    let cumulative = 0;
    this.buckets.forEach((le, i) => {
      cumulative += this.counts[i] as number;
      lines.push(`${this.name}_bucket{le="${le}"} ${cumulative}`);
    });
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.count}`, `${this.name}_sum ${this.sum}`, `${this.name}_count ${this.count}`);
    return lines.join('\n');
  }
}

const GC_SAMPLE_MS = 1000;
const GC_SAMPLE_EVERY_MS = 10_000;

/** The relay's metrics. Gauges read live state through the functions given. */
export class RelayMetrics {
  /** Pauses of the event loop are what a client feels as latency: GC and loop delay. */
  /**
   * Sampled: observed one second in every GC_SAMPLE_EVERY_MS. An always-on GC observer creates a
   * performance entry per collection, which cost about 2 % of the relay's CPU under load.
   */
  readonly gcPauseSeconds = new Histogram('nodejs_gc_pause_seconds', 'Garbage collection pauses (sampled: 1 s in every 10 s)', [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1,
  ]);
  readonly loopDelay = monitorEventLoopDelay({ resolution: 10 });
  private readonly gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.gcPauseSeconds.observe(entry.duration / 1000);
  });
  private gcObserving = false;
  private readonly gcSampler: NodeJS.Timeout;
  private gcSampleEnd: NodeJS.Timeout | null = null;
  readonly messagesIn = new Counter('lianxin_messages_in_total', 'WebSocket messages received');
  readonly messagesOut = new Counter('lianxin_messages_out_total', 'WebSocket messages sent');
  readonly bytesIn = new Counter('lianxin_bytes_in_total', 'WebSocket bytes received');
  readonly bytesOut = new Counter('lianxin_bytes_out_total', 'WebSocket bytes sent');
  readonly connectionsOpened = new Counter('lianxin_connections_opened_total', 'WebSocket connections accepted');
  readonly connectionsRejected = new Counter('lianxin_connections_rejected_total', 'WebSocket upgrades refused, by reason');
  readonly connectionsClosed = new Counter('lianxin_connections_closed_total', 'Connections closed by the relay, by close code');
  readonly updatesStored = new Counter('lianxin_updates_stored_total', 'Yjs updates written to the store');
  readonly permissionDenied = new Counter('lianxin_permission_denied_total', 'Messages dropped by the gate, by kind');
  readonly compactions = new Counter('lianxin_compactions_total', 'Document logs compacted into a snapshot');
  readonly evictions = new Counter('lianxin_evictions_total', 'Idle documents unloaded');
  readonly storeErrors = new Counter('lianxin_store_errors_total', 'Failed store writes');
  readonly httpRefused = new Counter('lianxin_http_refused_total', 'Requests and upgrades answered 429 by a limit, by reason');
  readonly storeWriteSeconds = new Histogram('lianxin_store_write_seconds', 'Latency of one batched store write (one transaction)', [
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1,
  ]);
  readonly storeBatchSize = new Histogram('lianxin_store_batch_updates', 'Updates per store write batch', [1, 2, 5, 10, 20, 50, 100, 200, 500]);
  private gauges: Gauge[] = [
    new Gauge('process_resident_memory_bytes', 'Resident memory of the relay process', () => process.memoryUsage.rss()),
    new Gauge('nodejs_heap_used_bytes', 'V8 heap in use', () => process.memoryUsage().heapUsed),
    new Gauge('nodejs_external_memory_bytes', 'Memory outside the V8 heap (buffers, SQLite)', () => process.memoryUsage().external),
  ];

  constructor() {
    this.loopDelay.enable();
    this.sampleGc();
    this.gcSampler = setInterval(() => this.sampleGc(), GC_SAMPLE_EVERY_MS);
    this.gcSampler.unref();
    this.gauges.push(
      new Gauge('nodejs_eventloop_delay_p99_seconds', 'Event loop delay, 99th percentile since start', () => this.loopDelay.percentile(99) / 1e9),
      new Gauge('nodejs_eventloop_delay_max_seconds', 'Longest event loop delay since start', () => this.loopDelay.max / 1e9),
    );
  }

  private sampleGc(): void {
    if (this.gcObserving) return;
    this.gcObserving = true;
    this.gcObserver.observe({ entryTypes: ['gc'] });
    this.gcSampleEnd = setTimeout(() => {
      this.gcObserver.disconnect();
      this.gcObserving = false;
      this.gcSampleEnd = null;
    }, GC_SAMPLE_MS);
    this.gcSampleEnd.unref();
  }

  /** Stops the observers (tests create many). */
  close(): void {
    this.loopDelay.disable();
    clearInterval(this.gcSampler);
    if (this.gcSampleEnd) clearTimeout(this.gcSampleEnd);
    this.gcObserver.disconnect();
    this.gcObserving = false;
  }

  addGauge(name: string, help: string, read: () => number, type: 'gauge' | 'counter' = 'gauge'): void {
    this.gauges.push(new Gauge(name, help, read, type));
  }

  render(): string {
    const parts = [
      ...this.gauges.map((g) => g.render()),
      this.messagesIn.render(),
      this.messagesOut.render(),
      this.bytesIn.render(),
      this.bytesOut.render(),
      this.connectionsOpened.render(),
      this.connectionsRejected.render(),
      this.connectionsClosed.render(),
      this.updatesStored.render(),
      this.permissionDenied.render(),
      this.compactions.render(),
      this.evictions.render(),
      this.storeErrors.render(),
      this.httpRefused.render(),
      this.storeWriteSeconds.render(),
      this.storeBatchSize.render(),
      this.gcPauseSeconds.render(),
    ];
    return parts.join('\n') + '\n';
  }
}
