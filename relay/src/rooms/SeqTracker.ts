/**
 * Which of a document's stored seqs the in-memory copy holds, when several processes write it:
 * the store numbers each document's updates without gaps, but they reach a process in publish
 * order, not seq order (two processes commit 7 and 8, the second publishes first). `held` is the
 * highest seq with every seq up to it applied; seqs above it are kept until the hole fills, or
 * until the process gives up waiting and loads what is missing from the store (`advanceTo`).
 */
export class SeqTracker {
  private readonly above = new Set<number>();
  /** when the oldest hole appeared (Date.now()), null when there is none */
  holeSince: number | null = null;

  constructor(public held: number) {}

  has(seq: number): boolean {
    return seq <= this.held || this.above.has(seq);
  }

  /** Records `seq` as applied; false if it already was. */
  add(seq: number, now = Date.now()): boolean {
    if (this.has(seq)) return false;
    if (seq === this.held + 1) {
      this.held = seq;
      while (this.above.delete(this.held + 1)) this.held += 1;
    } else {
      this.above.add(seq);
    }
    this.holeSince = this.above.size === 0 ? null : (this.holeSince ?? now);
    return true;
  }

  get hasHole(): boolean {
    return this.above.size > 0;
  }

  /** The highest seq seen (held or above a hole). */
  get highest(): number {
    let max = this.held;
    for (const s of this.above) if (s > max) max = s;
    return max;
  }

  /** Everything up to `seq` is applied (loaded from the store). */
  advanceTo(seq: number): void {
    if (seq > this.held) this.held = seq;
    for (const s of this.above) if (s <= this.held) this.above.delete(s);
    while (this.above.delete(this.held + 1)) this.held += 1;
    this.holeSince = this.above.size === 0 ? null : this.holeSince;
  }
}
