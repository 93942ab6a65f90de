import { describe, expect, it } from 'vitest';
import { ConfigError, defaultLimits, loadConfig, publicUrlFromEnv } from './config';
import { defaultHttpConfig } from './httpConfig';

describe('loadConfig', () => {
  it('defaults: 127.0.0.1:8787, ./data, stored means fsynced (SQLite FULL), protocol limits', () => {
    const c = loadConfig({}, {});
    expect(c).toMatchObject({ port: 8787, host: '127.0.0.1', store: 'sqlite', durability: 'fsync', synchronous: 'FULL', journal: true, limits: defaultLimits });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });
  it('picks the store: sqlite by default, memory, or Postgres by URL from --store or LIANXIN_STORE', () => {
    expect(loadConfig({}, {})).toMatchObject({ store: 'sqlite', storeUrl: null });
    expect(loadConfig({}, { LIANXIN_STORE: 'memory' })).toMatchObject({ store: 'memory', storeUrl: null });
    const url = 'postgres://relay:pw@db.internal:5432/lianxin';
    expect(loadConfig({}, { LIANXIN_STORE: url })).toMatchObject({ store: 'postgres', storeUrl: url });
    expect(loadConfig({ store: url }, { LIANXIN_STORE: 'memory' })).toMatchObject({ store: 'postgres', storeUrl: url });
    // A wrong value is refused without echoing it (it may carry a password).
    expect(() => loadConfig({}, { LIANXIN_STORE: 'mysql://u:secret@h/db' })).toThrow(/must be sqlite, memory or a postgres:\/\/ URL/);
    expect(() => loadConfig({}, { LIANXIN_STORE: 'mysql://u:secret@h/db' })).not.toThrow(/secret/);
  });
  it('picks the bus: none by default, Redis by URL from --bus or LIANXIN_BUS, only with a shared store', () => {
    const store = 'postgres://relay:pw@db.internal:5432/lianxin';
    expect(loadConfig({ store }, {})).toMatchObject({ busUrl: null });
    expect(loadConfig({ store }, { LIANXIN_BUS: 'redis://127.0.0.1:6379' })).toMatchObject({ busUrl: 'redis://127.0.0.1:6379' });
    expect(loadConfig({ store, bus: 'redis://r:6380/1' }, { LIANXIN_BUS: 'redis://x:1' })).toMatchObject({ busUrl: 'redis://r:6380/1' });
    expect(() => loadConfig({ store, bus: 'nats://u:secret@h' }, {})).toThrow(/must be a redis:\/\/ URL/);
    expect(() => loadConfig({ store, bus: 'nats://u:secret@h' }, {})).not.toThrow(/secret/);
    // A per-process SQLite file cannot be caught up from by another process.
    expect(() => loadConfig({ bus: 'redis://127.0.0.1:6379' }, {})).toThrow(/needs a shared store/);
  });
  it('reads the environment', () => {
    const c = loadConfig({ port: 0, data: '/tmp/x', staticDir: null }, { LIANXIN_MAX_FRAME: '2048', LIANXIN_MAX_FRAME_ANONYMOUS: '512', LIANXIN_SYNCHRONOUS: 'FULL', LIANXIN_IDLE_MS: '5', LIANXIN_JOURNAL: 'off' });
    expect(c).toMatchObject({ port: 0, dataDir: '/tmp/x', staticDir: null, synchronous: 'FULL', journal: false, idleMs: 5, limits: { maxFrame: 2048, maxFrameAnonymous: 512 } });
  });
  it('keeps the old behaviour as an explicit setting: LIANXIN_DURABILITY=process, SQLite NORMAL unless asked', () => {
    expect(loadConfig({}, { LIANXIN_DURABILITY: 'process' })).toMatchObject({ durability: 'process', synchronous: 'NORMAL' });
    expect(loadConfig({}, { LIANXIN_DURABILITY: 'process', LIANXIN_SYNCHRONOUS: 'FULL' })).toMatchObject({ durability: 'process', synchronous: 'FULL' });
  });
  it.each([
    [{ LIANXIN_DURABILITY: 'maybe' }, /LIANXIN_DURABILITY="maybe" is not one of fsync, process/],
    [{ LIANXIN_SYNCHRONOUS: 'NORMAL' }, /LIANXIN_SYNCHRONOUS=NORMAL .* LIANXIN_DURABILITY=process/],
    [{ LIANXIN_MAX_FRAME: 'big' }, /LIANXIN_MAX_FRAME=/],
    [{ LIANXIN_RATE: '0' }, /LIANXIN_RATE must be at least 1/],
    [{ LIANXIN_STORE: 'redis' }, /LIANXIN_STORE\) must be sqlite, memory or a postgres:\/\/ URL/],
    [{ LIANXIN_MAX_FRAME: '2048', LIANXIN_MAX_FRAME_ANONYMOUS: '4096' }, /must not exceed/],
    [{ LIANXIN_LOG_LEVEL: 'loud' }, /LIANXIN_LOG_LEVEL/],
    [{ LIANXIN_JOURNAL: 'yes' }, /LIANXIN_JOURNAL="yes" is not one of on, off/],
  ])('throws a ConfigError saying what to set for %j', (env, message) => {
    expect(() => loadConfig({}, env)).toThrow(ConfigError);
    expect(() => loadConfig({}, env)).toThrow(message);
  });
  it('reads the HTTP surface settings; /metrics is closed unless a long enough token is set', () => {
    expect(loadConfig({}, {}).http).toEqual(defaultHttpConfig);
    expect(defaultHttpConfig.metricsToken).toBeNull();
    const c = loadConfig({}, { LIANXIN_HEADERS_TIMEOUT_MS: '2000', LIANXIN_MAX_SOCKETS_PER_TOKEN: '4', LIANXIN_METRICS_TOKEN: 'x'.repeat(16), LIANXIN_TRUST_PROXY: '1' });
    expect(c.http).toMatchObject({ headersTimeoutMs: 2000, maxSocketsPerToken: 4, metricsToken: 'x'.repeat(16), trustProxy: true });
    expect(() => loadConfig({}, { LIANXIN_METRICS_TOKEN: 'short' })).toThrow(/LIANXIN_METRICS_TOKEN must be at least 16/);
    expect(() => loadConfig({}, { LIANXIN_TRUST_PROXY: 'yes' })).toThrow(/LIANXIN_TRUST_PROXY/);
  });
  it('refuses a port out of range', () => {
    expect(() => loadConfig({ port: 70000 }, {})).toThrow(/--port/);
  });
});

describe('publicUrlFromEnv', () => {
  it('is unset by default and keeps only the origin', () => {
    expect(publicUrlFromEnv({})).toBeUndefined();
    expect(publicUrlFromEnv({ LIANXIN_PUBLIC_URL: 'https://lianxin.example.org/some/path' })).toBe('https://lianxin.example.org');
  });
  it('throws a message naming the variable for a bad value', () => {
    expect(() => publicUrlFromEnv({ LIANXIN_PUBLIC_URL: 'not a url' })).toThrow(/LIANXIN_PUBLIC_URL/);
    expect(() => publicUrlFromEnv({ LIANXIN_PUBLIC_URL: 'ftp://x.org' })).toThrow(/http/);
  });
});
