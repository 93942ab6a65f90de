// Process-level: the token travels in the handshake's Sec-WebSocket-Protocol header, never in the
// URL (issue 20, item 3), and the relay never echoes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SYNC_SUBPROTOCOL, tokenSubprotocols } from '@lianxin/protocol';
import { createCommunity, startRelay, type RelayProcess } from '../../test/support/relayProcess';

let relay: RelayProcess;
let token: string;

beforeAll(async () => {
  relay = await startRelay();
  token = (await createCommunity(relay.dataDir, 'c1', '枫林社区')).token;
});
afterAll(() => relay?.stop());

function open(room: string, protocols: string[]): Promise<{ status: number; protocol?: string; answered?: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${relay.wsUrl}/${room}`, protocols);
    ws.once('upgrade', (res) => {
      const answered = res.headers['sec-websocket-protocol'];
      ws.once('open', () => {
        resolve({ status: 101, protocol: ws.protocol, answered: Array.isArray(answered) ? answered.join(',') : answered });
        ws.close();
      });
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

describe('the token in the handshake header', () => {
  it('opens a document the token may read, answering only lianxin.v1', async () => {
    const opened = await open('c1/roster', tokenSubprotocols(token));
    expect(opened).toMatchObject({ status: 101, protocol: SYNC_SUBPROTOCOL, answered: SYNC_SUBPROTOCOL });
  });

  it('refuses a bad token there like one in the URL, and opens only public without one', async () => {
    expect((await open('c1/roster', tokenSubprotocols(`${token}x`))).status).toBe(401);
    expect((await open('c1/roster', tokenSubprotocols(null))).status).toBe(401);
    expect((await open('c1/public', tokenSubprotocols(null))).status).toBe(101);
  });

  it('never writes the token to the log', async () => {
    await open('c1/work', tokenSubprotocols(token));
    await relay.waitForLog((r) => r.msg === 'connection opened' && r.room === 'c1/work');
    expect(relay.logs().join('\n')).not.toContain(token.split('.')[1]!);
  });
});
