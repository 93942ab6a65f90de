import { timingSafeEqual } from 'node:crypto';
import { hashCode, newCode } from './ids';

/**
 * The one-time code of the first-run setup link. Lives in memory: a relay that starts with no
 * community issues one; it is gone once used (or when the relay stops).
 */
export class SetupCode {
  private hash: Buffer | null = null;

  /** Issues a fresh code (replacing any earlier one) and returns it. */
  issue(): string {
    const code = newCode();
    this.hash = Buffer.from(hashCode(code), 'hex');
    return code;
  }

  get active(): boolean {
    return this.hash !== null;
  }

  /** Consumes the code if it matches; a second call with the same code fails. */
  consume(code: string): boolean {
    if (!this.hash) return false;
    const given = Buffer.from(hashCode(code), 'hex');
    if (!timingSafeEqual(given, this.hash)) return false;
    this.hash = null;
    return true;
  }

  /** Puts a consumed code back (setup failed after consuming it, e.g. the id was taken). */
  restore(code: string): void {
    this.hash = Buffer.from(hashCode(code), 'hex');
  }
}
