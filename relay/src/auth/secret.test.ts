import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { loadSecret } from './secret';

const dirs: string[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'lianxin-secret-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('loadSecret', () => {
  it('creates <data>/secret with mode 0600 once, then reuses it', () => {
    const d = dir();
    const first = loadSecret(d, {});
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(d, 'secret')).mode & 0o777).toBe(0o600);
    expect(loadSecret(d, {})).toBe(first);
    expect(readFileSync(join(d, 'secret'), 'utf8').trim()).toBe(first);
  });

  it('prefers LIANXIN_SECRET and writes no file', () => {
    const d = dir();
    expect(loadSecret(d, { LIANXIN_SECRET: 'e'.repeat(32) })).toBe('e'.repeat(32));
    expect(() => statSync(join(d, 'secret'))).toThrow();
  });

  it('says what to set when the secret is too short', () => {
    expect(() => loadSecret(dir(), { LIANXIN_SECRET: 'short' })).toThrow(ConfigError);
    expect(() => loadSecret(dir(), { LIANXIN_SECRET: 'short' })).toThrow(/LIANXIN_SECRET must be at least 32/);
    const d = dir();
    writeFileSync(join(d, 'secret'), 'tiny', { mode: 0o644 });
    expect(() => loadSecret(d, {})).toThrow(/shorter than 32/);
  });
});
