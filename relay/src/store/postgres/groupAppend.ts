import type { UpdateToStore } from '../DocumentLog';

interface Waiting {
  readonly updates: readonly UpdateToStore[];
  resolve(seqs: number[]): void;
  reject(error: unknown): void;
}

/**
 * Group commit for a networked log: an append that finds none running is written at once; the
 * appends made while one runs wait for it and are then written together, in one transaction, in
 * the order they were made. So a busy process pays one commit (one fsync on the server) per round
 * trip, not one per append, and an idle one waits for nobody.
 */
export class GroupAppend {
  private waiting: Waiting[] = [];
  private running: Promise<void> | null = null;

  constructor(private readonly write: (updates: readonly UpdateToStore[]) => Promise<number[]>) {}

  append(updates: readonly UpdateToStore[]): Promise<number[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ updates, resolve, reject });
      if (!this.running) this.running = this.drain();
    });
  }

  /** Resolves once no write is running or waiting. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const group = this.waiting;
      this.waiting = [];
      const all = group.length === 1 ? (group[0] as Waiting).updates : group.flatMap((w) => w.updates);
      try {
        const seqs = await this.write(all);
        let at = 0;
        for (const w of group) {
          w.resolve(seqs.slice(at, at + w.updates.length));
          at += w.updates.length;
        }
      } catch (error) {
        // One transaction: none of the group was written.
        for (const w of group) w.reject(error);
      }
    }
    this.running = null;
  }
}
