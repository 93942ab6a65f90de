import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config';

export const SECRET_FILE = 'secret';
const MIN_SECRET_LENGTH = 32;

/**
 * The HMAC key for tokens: `LIANXIN_SECRET` if set, else `<data>/secret`, created (mode 0600)
 * with 32 random bytes on first use. Changing it invalidates every token issued before.
 */
export function loadSecret(dataDir: string, env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env.LIANXIN_SECRET;
  if (fromEnv !== undefined) {
    if (fromEnv.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(`LIANXIN_SECRET must be at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 32\`), or unset it to use ${join(dataDir, SECRET_FILE)}`);
    }
    return fromEnv;
  }
  const file = join(dataDir, SECRET_FILE);
  if (!existsSync(file)) {
    // 'wx' fails if another process created it meanwhile; then we read theirs.
    try {
      writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
  }
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) chmodSync(file, 0o600);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`${file} holds a secret shorter than ${MIN_SECRET_LENGTH} characters; delete it to generate a new one (this invalidates all tokens) or set LIANXIN_SECRET`);
  }
  return secret;
}
