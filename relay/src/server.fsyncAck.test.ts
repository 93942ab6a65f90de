// "Acknowledged means on disk" (issue 19): with LIANXIN_DURABILITY=fsync a `stored` confirmation
// is sent only after an fsync that began after the update was journaled has completed, and one
// fsync covers every update that arrived while the previous one ran. In-process relay on
// 127.0.0.1 with real WebSockets over a real SQLite file, its journal's fsync held by the test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { MessageType, SyncStep, type CommunityId } from '@lianxin/protocol';
import { issueToken } from './auth/issueToken';
import { defaultConfig, type RelayConfig } from './config';
import { createLogger } from './logger';
import { DATABASE_FILE, startServer, type RunningRelay } from './server';
import { createSqliteStore, type Durability } from './store/sqliteStore';
import { connect, type SyncClient } from '../../test/support/syncClient';

const secret = 'd'.repeat(40);
const dirs: string[] = [];
const relays: RunningRelay[] = [];
afterAll(async () => {
  for (const r of relays) await r.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The journal's fsync, held until `release()`; counts started and finished ones. */
function heldFsync() {
  let open: () => void = () => undefined;
  let gate = Promise.resolve();
  const counts = { started: 0, done: 0 };
  return {
    counts,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      open();
    },
    hook: async (fsync: () => Promise<void>): Promise<void> => {
      counts.started += 1;
      await gate;
      await fsync();
      counts.done += 1;
    },
  };
}

async function relayWith(durability: Durability, fsync: ReturnType<typeof heldFsync>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lianxin-fsync-'));
  dirs.push(dataDir);
  const config: RelayConfig = defaultConfig({ port: 0, host: '127.0.0.1', dataDir, staticDir: null, durability, synchronous: durability === 'fsync' ? 'FULL' : 'NORMAL', ackMs: 0 });
  const store = createSqliteStore({ file: join(dataDir, DATABASE_FILE), durability, synchronous: config.synchronous, journalFsync: fsync.hook });
  const running = await startServer({ config, env: { LIANXIN_SECRET: secret }, store, log: createLogger('silent') });
  relays.push(running);
  await store.createCommunity({ id: 'c1' as CommunityId, name: 'c', kind: 'urban', createdAt: 0 , township: null });
  const { token } = await issueToken(store, secret, { community: 'c1' as CommunityId, role: 'committee', name: 'w', ttlSeconds: 600 });
  const wsUrl = `${running.url.replace('http', 'ws')}/sync`;
  const writer = await connect(wsUrl, 'c1/work', token);
  const observer = await connect(wsUrl, 'c1/work', token);
  await Promise.all([writer.waitSynced(), observer.waitSynced()]);
  return { writer, observer };
}

/**
 * A round trip on the writer's own socket: the relay answers sync step 1 only once the updates
 * before it are written, so a `stored` sent at write time would have arrived before this answer.
 */
async function roundTrip(client: SyncClient): Promise<void> {
  const before = client.received.length;
  client.sync();
  await client.waitFor(
    () =>
      client.received.slice(before).some((m) => {
        const d = decoding.createDecoder(m);
        return decoding.readVarUint(d) === MessageType.sync && decoding.readVarUint(d) === SyncStep.step2;
      }),
    'the answer to sync step 1',
  );
}

describe('stored acknowledgements and fsync', () => {
  it('fsync (default): an update is broadcast once written, but confirmed only after its fsync completed', async () => {
    const fsync = heldFsync();
    const { writer, observer } = await relayWith('fsync', fsync);
    fsync.hold();
    const n = writer.write((d) => d.getMap('m').set('a', 1));
    await observer.waitFor(() => observer.doc.getMap('m').get('a') === 1, 'the broadcast');
    await roundTrip(writer);
    expect(fsync.counts.started).toBeGreaterThan(0);
    expect(fsync.counts.done).toBe(0);
    expect(writer.stored()).toBeLessThan(n);

    fsync.release();
    await writer.waitStored(n);
    expect(fsync.counts.done).toBeGreaterThan(0);
    await Promise.all([writer.close(), observer.close()]);
  });

  it('fsync: one fsync covers every update that arrived while the previous one ran (group commit)', async () => {
    const fsync = heldFsync();
    const { writer, observer } = await relayWith('fsync', fsync);
    fsync.hold();
    const first = writer.write((d) => d.getMap('m').set('k0', 0));
    await observer.waitFor(() => observer.doc.getMap('m').has('k0'), 'the first broadcast');
    const startedBefore = fsync.counts.started;
    let last = first;
    for (let i = 1; i <= 30; i++) {
      last = writer.write((d) => d.getMap('m').set(`k${i}`, i));
      // one message per turn: each is its own batch and journal record
      await observer.waitFor(() => observer.doc.getMap('m').has(`k${i}`), `broadcast ${i}`);
    }
    expect(writer.stored()).toBeLessThan(first);
    fsync.release();
    await writer.waitStored(last);
    // the held fsync, then one for all 30 written while it ran
    expect(fsync.counts.started - startedBefore).toBeLessThanOrEqual(1);
    await Promise.all([writer.close(), observer.close()]);
  });

  it('process (the old behaviour, explicit): confirmed once written, without waiting for any fsync', async () => {
    const fsync = heldFsync();
    const { writer, observer } = await relayWith('process', fsync);
    fsync.hold();
    await writer.waitStored(writer.write((d) => d.getMap('m').set('a', 1)));
    expect(fsync.counts.started).toBe(0);
    fsync.release();
    await Promise.all([writer.close(), observer.close()]);
  });
});
