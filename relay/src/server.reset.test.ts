// Peers that reset their TCP connection in the middle of an upgrade must not crash the relay
// (seen: a refused upgrade whose client went away threw ECONNRESET as an unhandled 'error').
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommunity, startRelay, type RelayProcess } from '../../test/support/relayProcess';

let relay: RelayProcess;

beforeAll(async () => {
  relay = await startRelay();
  await createCommunity(relay.dataDir, 'reset', '重置社区');
});
afterAll(async () => {
  await relay?.stop();
});

function upgradeThenReset(path: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(relay.port, '127.0.0.1', () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
      );
      setTimeout(() => socket.resetAndDestroy(), afterMs);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
  });
}

describe('connections reset during an upgrade', () => {
  it('leave the relay serving', async () => {
    const paths = ['/sync/reset/roster?token=forged.token', '/sync/reset/roster', '/sync/nobody/roster', '/sync/reset/public'];
    for (let round = 0; round < 10; round++) {
      await Promise.all(paths.flatMap((p) => [upgradeThenReset(p, 0), upgradeThenReset(p, 1), upgradeThenReset(p, 5)]));
    }
    expect(relay.exited).toBe(false);
    const health = await fetch(`${relay.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
