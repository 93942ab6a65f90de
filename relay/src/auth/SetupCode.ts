import type { Directory } from '../store/Directory';
import { hashCode, newCode } from './ids';

/**
 * The one-time code of the first-run setup link. Only its hash is kept, in the directory, so that
 * the code a relay process printed works on whichever process of the service it reaches, once:
 * the first code consumed ends every code issued (`Directory.consumeSetupCode`).
 */
export class SetupCode {
  constructor(
    private readonly directory: Pick<Directory, 'issueSetupCode' | 'consumeSetupCode'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Issues a fresh code and returns it. */
  async issue(): Promise<string> {
    const code = newCode();
    await this.directory.issueSetupCode(hashCode(code), this.now());
    return code;
  }

  /** Consumes the code if it is good; a second call with the same code fails. */
  consume(code: string): Promise<boolean> {
    return this.directory.consumeSetupCode(hashCode(code), this.now());
  }

  /** Puts a consumed code back (setup failed after consuming it, e.g. the id was taken). */
  async restore(code: string): Promise<void> {
    await this.directory.issueSetupCode(hashCode(code), this.now());
  }
}
