import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startRelay } from './relayProcess';

describe('startRelay', () => {
  it('starts a relay on a free port with a temp data folder, and restarts it on another port if its own was taken', async () => {
    const relay = await startRelay();
    expect(relay.url).toBe(`http://127.0.0.1:${relay.port}`);
    expect(relay.wsUrl).toBe(`ws://127.0.0.1:${relay.port}/sync`);
    expect(existsSync(`${relay.dataDir}/lianxin.db`)).toBe(true);
    expect(relay.logs().some((l) => l.includes('"msg":"listening"'))).toBe(true);
    await relay.kill();
    expect(relay.exited).toBe(true);

    const blocker = createServer().listen(relay.port, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      const again = await relay.restart();
      expect(again.port).not.toBe(relay.port);
      expect(again.dataDir).toBe(relay.dataDir);
      expect(await again.stop()).toBe(0);
    } finally {
      blocker.close();
    }
  });
});
