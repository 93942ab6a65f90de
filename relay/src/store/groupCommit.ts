/**
 * Group commit over an asynchronous fsync: `written()` after each write, `durable()` for a promise
 * that resolves once an fsync that started after that write has completed. One fsync runs at a
 * time; every write made while it runs waits for the next one, which then covers them all, so a
 * busy relay pays for one fsync per fsync's duration, not one per write, and the event loop never
 * waits for the disk (the fsync runs on libuv's thread pool).
 */
export class GroupCommit {
  /** bumped by every write */
  private writes = 0;
  /** every write up to this one is on disk */
  private synced = 0;
  private running: Promise<void> | null = null;
  private waiters: { upTo: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private count = 0;
  /** when the last fsync started (performance.now()) */
  private lastStart = Number.NEGATIVE_INFINITY;
  private delayed: NodeJS.Timeout | null = null;

  constructor(
    /** fsyncs the file the writes went to */
    private readonly fsync: () => Promise<void>,
    /**
     * Start fsyncs at least this far apart. An fsync costs the process CPU time (system time on
     * the thread pool, which shares the relay's core), far more than the writes it covers: back
     * to back at ~0.3 ms each they doubled the store's CPU per update. Waiting a few milliseconds
     * lets one fsync cover more writes; the wait is hidden by the `stored` interval (1 s).
     */
    private readonly minGapMs = 0,
  ) {}

  /** fsyncs started so far (tests, metrics) */
  get fsyncs(): number {
    return this.count;
  }

  /** A write returned: its bytes are in the OS, not yet on disk. */
  written(): void {
    this.writes += 1;
  }

  /** Resolves once every write made before this call is on disk; rejects if the fsync failed. */
  durable(): Promise<void> {
    const upTo = this.writes;
    if (upTo <= this.synced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ upTo, resolve, reject });
      this.start();
    });
  }

  /** Resolves when no fsync is running (before closing the file). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.delayed) {
        clearTimeout(this.delayed);
        this.delayed = null;
        this.start();
      }
      if (!this.running) return;
      await this.running.catch(() => undefined);
    }
  }

  private start(): void {
    if (this.running || this.delayed || this.waiters.length === 0) return;
    const wait = this.lastStart + this.minGapMs - performance.now();
    if (wait > 0) {
      this.delayed = setTimeout(() => {
        this.delayed = null;
        this.start();
      }, wait);
      return;
    }
    this.lastStart = performance.now();
    const upTo = this.writes;
    this.count += 1;
    this.running = this.fsync().then(
      () => {
        this.synced = Math.max(this.synced, upTo);
        this.settle(upTo, null);
      },
      (error: unknown) => this.settle(upTo, error ?? new Error('fsync failed')),
    );
  }

  private settle(upTo: number, error: unknown): void {
    this.running = null;
    // After a failed fsync the kernel may have dropped pages that later writes share (Linux marks
    // them clean): fail every write made so far, not only those the fsync covered.
    const done = error === null ? this.waiters.filter((w) => w.upTo <= upTo) : this.waiters;
    this.waiters = error === null ? this.waiters.filter((w) => w.upTo > upTo) : [];
    for (const w of done) {
      if (error === null) w.resolve();
      else w.reject(error);
    }
    // Writes made while that fsync ran: one more covers them all.
    this.start();
  }
}
