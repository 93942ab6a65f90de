import type { JournalEntry, UpdateJournal } from './updateJournal';

/** Move once this many entries wait … */
export const MOVE_ROWS = 1000;
/** … or this long after the first of them was journaled. */
export const MOVE_MS = 100;

/**
 * Entries the journal has made durable but the database does not hold yet. They are moved in
 * one transaction per `MOVE_ROWS` or `MOVE_MS` (a SQLite commit costs ~20 µs whatever it holds,
 * a row under 1 µs), in a turn of their own so no broadcast waits for it, and then the journal is
 * emptied. Anything that reads or deletes log rows moves them first (`moveNow`).
 */
export class JournalMover {
  private pending: JournalEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private closed = false;
  /** A move failed: wait for the retry timer instead of trying again at every append. */
  private retrying = false;

  constructor(
    private readonly journal: UpdateJournal,
    /** Inserts the entries into the database in one transaction; throws if nothing was written. */
    private readonly insert: (entries: readonly JournalEntry[]) => void,
    private readonly onError: (message: string) => void,
    private readonly limits: { readonly rows: number; readonly ms: number } = { rows: MOVE_ROWS, ms: MOVE_MS },
    /** Journaled entries an earlier process left that could not be moved on opening (a full disk). */
    unmoved: readonly JournalEntry[] = [],
  ) {
    if (unmoved.length > 0) {
      this.pending = [...unmoved];
      this.retrying = true;
      this.timer = setTimeout(() => this.moveLater(), this.limits.ms);
      this.timer.unref();
    }
  }

  /**
   * The waiting entries of one document with seq above `afterSeq`, in order: a load reads them
   * from here, so reading never needs the move (nor free space) to succeed.
   */
  entriesOf(docId: number, afterSeq: number): JournalEntry[] {
    return this.pending.filter((e) => e.docId === docId && e.seq > afterSeq);
  }

  /** Journaled entries waiting to be moved. */
  get waiting(): number {
    return this.pending.length;
  }

  /** The lowest seq waiting to be moved (entries are journaled in seq order), or null. */
  get oldestWaitingSeq(): number | null {
    return this.pending[0]?.seq ?? null;
  }

  /** Journals the entries (durable when this returns; throws if they are not) and queues their move. */
  append(entries: readonly JournalEntry[]): void {
    if (this.closed) throw new Error('update journal is closed');
    this.journal.append(entries);
    for (const e of entries) this.pending.push(e);
    if (this.pending.length >= this.limits.rows && !this.retrying) {
      this.immediate ??= setImmediate(() => this.moveLater());
    } else if (this.timer === null) {
      this.timer = setTimeout(() => this.moveLater(), this.limits.ms);
      this.timer.unref();
    }
  }

  /** Moves everything waiting into the database now; throws if the database refused it. */
  moveNow(): void {
    this.cancel();
    if (this.pending.length === 0) return;
    this.insert(this.pending);
    this.pending = [];
    this.retrying = false;
    // Everything in the file is now in the database. If emptying it fails, a replay skips what
    // the database already has, so nothing is lost or doubled: only report it.
    try {
      this.journal.clear();
    } catch (error) {
      this.onError(`could not empty the update journal: ${String(error)}`);
    }
  }

  /** Moves what is waiting and closes the journal (empty when the move worked). */
  close(): void {
    if (this.closed) return;
    try {
      this.moveNow();
    } finally {
      this.closed = true;
      this.journal.close();
    }
  }

  private moveLater(): void {
    try {
      this.moveNow();
    } catch (error) {
      // The entries stay journaled (durable) and waiting; try again after the interval. Said
      // once per run of failures: a full disk would otherwise log ten lines a second.
      if (!this.retrying) this.onError(`could not move journaled updates into the database: ${String(error)}; retrying every ${this.limits.ms} ms`);
      if (!this.closed) {
        this.retrying = true;
        this.timer = setTimeout(() => this.moveLater(), this.limits.ms);
        this.timer.unref();
      }
    }
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.immediate !== null) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
  }
}
