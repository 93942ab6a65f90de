/**
 * Which rows of the update log are still needed. The log has no per-document index (an index
 * entry per update dirties one more page per commit, the largest cost of a durable write), so
 * folded rows are not deleted one document at a time: they are cut off as a prefix, below the
 * oldest row any document still needs. Loads scan what is left, so the relay keeps it short by
 * compacting documents that hold the prefix back (see `Compactor`).
 */
export class LogTail {
  /** Per document: a lower bound of its first unfolded seq and its last appended seq. */
  private readonly unfolded = new Map<number, { first: number; last: number }>();
  /** Every row with seq ≤ this is gone from the table. */
  private truncated: number;

  constructor(truncatedThrough: number) {
    this.truncated = truncatedThrough;
  }

  get truncatedThrough(): number {
    return this.truncated;
  }

  /** Documents with rows not yet in their snapshot. */
  get size(): number {
    return this.unfolded.size;
  }

  appended(doc: number, seq: number): void {
    const entry = this.unfolded.get(doc);
    if (entry) entry.last = seq;
    else this.unfolded.set(doc, { first: seq, last: seq });
  }

  /** The document's snapshot now holds everything up to `through`. */
  folded(doc: number, through: number): void {
    const entry = this.unfolded.get(doc);
    if (!entry) return;
    if (through >= entry.last) this.unfolded.delete(doc);
    else if (through >= entry.first) entry.first = through + 1;
  }

  /** How far the document's oldest unfolded row is behind `head` (0 when it has none). */
  lag(doc: number, head: number): number {
    const entry = this.unfolded.get(doc);
    return entry ? head - entry.first : 0;
  }

  /** The highest seq below which no document needs any row (`head` when none needs one). */
  floor(head: number): number {
    let oldest = head + 1;
    for (const { first } of this.unfolded.values()) if (first < oldest) oldest = first;
    return oldest - 1;
  }

  /**
   * The seq to delete through next, or null when fewer than `minRows` rows could go. At most
   * `maxRows` at a time, so one call never holds the writer long.
   */
  nextCut(head: number, minRows: number, maxRows: number): number | null {
    const floor = this.floor(head);
    if (floor - this.truncated < minRows) return null;
    return Math.min(floor, this.truncated + maxRows);
  }

  cut(through: number): void {
    if (through > this.truncated) this.truncated = through;
  }
}
