/**
 * Milliseconds of relay CPU time a token or a document may spend: `msPerSecond` refills a reserve
 * of at most `burstMs`. Work is measured after it is done, so `spend` may run the balance below
 * zero; `available` then stays false until the refill pays the debt, and the relay refuses the
 * next expensive message instead of doing it (PROTOCOL.md, 4430). A rate of 0 turns it off.
 */
/**
 * CPU milliseconds the process has used since `since` (a `process.cpuUsage()` reading). CPU time,
 * not wall time: on a busy machine a message's wall time includes the time other processes held
 * the core, which would charge honest connections for the neighbours' work.
 */
export function cpuMsSince(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

export class CpuBudget {
  private balance: number;
  private last: number;

  constructor(
    private readonly msPerSecond: number,
    private readonly burstMs: number,
    now: number = performance.now(),
  ) {
    this.balance = burstMs;
    this.last = now;
  }

  private refill(t: number): void {
    if (t > this.last) this.balance = Math.min(this.burstMs, this.balance + ((t - this.last) / 1000) * this.msPerSecond);
    this.last = t;
  }

  /** True while something is left (or the budget is off). */
  available(t: number = performance.now()): boolean {
    if (this.msPerSecond === 0) return true;
    this.refill(t);
    return this.balance > 0;
  }

  spend(ms: number, t: number = performance.now()): void {
    if (this.msPerSecond === 0) return;
    this.refill(t);
    this.balance -= ms;
  }
}
