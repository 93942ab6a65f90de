// In-process relay on 127.0.0.1 with real WebSockets, over a store that can be made to fail:
// a failed write is never acknowledged nor broadcast, and the document is reloaded from the store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, type CommunityId } from '@lianxin/protocol';
import { issueToken } from '../auth/issueToken';
import { defaultConfig } from '../config';
import { createLogger } from '../logger';
import { startServer, type RunningRelay } from '../server';
import { createMemoryStore } from '../store/memoryStore';
import type { Store } from '../store/Store';
import { connect } from '../../../test/support/syncClient';

const dataDir = mkdtempSync(join(tmpdir(), 'lianxin-failing-'));
const secret = 'f'.repeat(40);
let failing = false;
const inner = createMemoryStore();
const store: Store = {
  ...inner,
  appendUpdates: (updates) => (failing ? Promise.reject(new Error('disk full')) : inner.appendUpdates(updates)),
};
let running: RunningRelay;
let wsUrl = '';
let token = '';

beforeAll(async () => {
  running = await startServer({
    config: defaultConfig({ port: 0, host: '127.0.0.1', dataDir, staticDir: null }),
    env: { LIANXIN_SECRET: secret },
    store,
    log: createLogger('silent'),
  });
  wsUrl = `${running.url.replace('http', 'ws')}/sync`;
  await inner.createCommunity({ id: 'c1' as CommunityId, name: 'c', kind: 'urban', createdAt: 0 , township: null });
  token = (await issueToken(inner, secret, { community: 'c1' as CommunityId, role: 'committee', name: 'w', ttlSeconds: 600 })).token;
});

afterAll(async () => {
  await running.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a store write that fails', () => {
  it('closes the document’s connections with 4500, acknowledges and broadcasts nothing, and reloads from the store', async () => {
    const writer = await connect(wsUrl, 'c1/work', token);
    const reader = await connect(wsUrl, 'c1/work', token);
    await Promise.all([writer.waitSynced(), reader.waitSynced()]);
    await writer.waitStored(writer.write((d) => d.getMap('m').set('kept', 1)));
    await reader.waitFor(() => reader.doc.getMap('m').get('kept') === 1, 'the first write');

    failing = true;
    const n = writer.write((d) => d.getMap('m').set('lost', 1));
    expect((await writer.closed).code).toBe(CloseCode.storeFailed);
    expect((await reader.closed).code).toBe(CloseCode.storeFailed);
    expect(writer.stored()).toBeLessThan(n);
    expect(reader.doc.getMap('m').get('lost')).toBeUndefined();
    expect(running.relay.metrics.storeErrors.get()).toBe(1);

    failing = false;
    const again = await connect(wsUrl, 'c1/work', token);
    await again.waitSynced();
    expect(again.doc.getMap('m').toJSON()).toEqual({ kept: 1 });
    await again.close();
  });
});
