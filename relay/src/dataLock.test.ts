import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from './config';
import { LOCK_FILE, lockDataDir } from './dataLock';

// In-process cases; a live relay process, a SIGKILLed one and restarts are in server.restart.test.ts.
const dirs: string[] = [];
const releases: (() => void)[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'lianxin-lock-'));
  dirs.push(d);
  return d;
};
const lock = (d: string) => {
  const release = lockDataDir(d);
  releases.push(release);
  return release;
};
afterEach(() => {
  releases.splice(0).forEach((release) => release());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('lockDataDir', () => {
  it('locks, and once released the folder can be locked again', () => {
    const d = dir();
    const release = lock(d);
    expect(existsSync(join(d, LOCK_FILE))).toBe(true);
    release();
    lock(d);
  });
  it('refuses a folder already locked, naming the folder and the holder', () => {
    const d = dir();
    lock(d);
    expect(() => lockDataDir(d)).toThrow(ConfigError);
    expect(() => lockDataDir(d)).toThrow(`another relay (pid ${process.pid}) is using the data folder ${d}`);
  });
  it.each([
    ['a pid reused by a live process', '1\n'],
    ['our own parent', `${process.ppid}\n`],
    ['a dead pid', '2147483646\n'],
    ['bytes that are no pid', 'garbage \u0000\u00ff'],
  ])('an old lock file naming %s does not block the start', (_, content) => {
    const d = dir();
    writeFileSync(join(d, LOCK_FILE), content);
    lock(d);
    expect(() => lockDataDir(d)).toThrow(ConfigError);
  });
  it('writing into the lock file of a held lock does not free it', () => {
    const d = dir();
    lock(d);
    writeFileSync(join(d, LOCK_FILE), '1\n');
    expect(() => lockDataDir(d)).toThrow(/another relay/);
    expect(readFileSync(join(d, LOCK_FILE), 'utf8')).toBe('1\n');
  });
  it('a data folder that does not exist is a clear error', () => {
    expect(() => lockDataDir(join(dir(), 'missing'))).toThrow(/could not lock the data folder .*missing/);
  });
});
