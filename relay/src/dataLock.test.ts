import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from './config';
import { LOCK_FILE, lockDataDir } from './dataLock';

const dirs: string[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'lianxin-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('lockDataDir', () => {
  it('locks with our pid and releases', () => {
    const d = dir();
    const release = lockDataDir(d);
    expect(readFileSync(join(d, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(existsSync(join(d, LOCK_FILE))).toBe(false);
  });
  it('refuses a folder locked by a live process, naming it', () => {
    const d = dir();
    writeFileSync(join(d, LOCK_FILE), `${process.ppid}\n`);
    expect(() => lockDataDir(d)).toThrow(ConfigError);
    expect(() => lockDataDir(d)).toThrow(new RegExp(`pid ${process.ppid}`));
  });
  it('takes over the lock of a relay that was killed', () => {
    const d = dir();
    writeFileSync(join(d, LOCK_FILE), '2147483646\n');
    const release = lockDataDir(d);
    expect(readFileSync(join(d, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    release();
  });
});
