// Process-level: `stored` confirmations are cumulative, held while a writer keeps sending (one per
// LIANXIN_ACK_MS, or once it pauses for LIANXIN_ACK_QUIET_MS); the last count always arrives, also
// when the relay closes the connection.
import { afterAll, describe, expect, it } from 'vitest';
import { CloseCode, MessageType } from '@lianxin/protocol';
import { createCommunity, startRelay, type RelayProcess } from '../../test/support/relayProcess';
import { connect, type SyncClient } from '../../test/support/syncClient';

const running: RelayProcess[] = [];
afterAll(async () => {
  for (const r of running) if (!r.exited) await r.kill();
});

async function writerOn(env: Record<string, string>): Promise<{ relay: RelayProcess; writer: SyncClient }> {
  const relay = await startRelay({ env });
  running.push(relay);
  const { token } = await createCommunity(relay.dataDir, 'c1', '枫林社区');
  const writer = await connect(relay.wsUrl, 'c1/work', token);
  await writer.waitSynced();
  await writer.waitStored(1); // the handshake's step 2 is counted and confirmed too
  return { relay, writer };
}

const storedFrames = (c: SyncClient): number => c.received.filter((m) => m[0] === MessageType.stored).length;

/** 60 writes, one every 10 ms; resolves with the count of the last. */
async function stream(writer: SyncClient): Promise<number> {
  let last = 0;
  for (let i = 0; i < 60; i++) {
    last = writer.write((d) => d.getMap('m').set(`k${i}`, i));
    await new Promise((r) => setTimeout(r, 10));
  }
  return last;
}

describe('stored confirmations', () => {
  it('confirm a stream of writes with a few cumulative messages, the last count included', async () => {
    const { relay, writer } = await writerOn({ LIANXIN_ACK_MS: '250' });
    const before = storedFrames(writer);
    const last = await stream(writer);
    await writer.waitStored(last, 2000);
    const frames = storedFrames(writer) - before;
    // ~0.6 s of writes: one at once, then one per 250 ms (scheduling may add one).
    expect(frames).toBeGreaterThanOrEqual(2);
    expect(frames).toBeLessThanOrEqual(5);
    await writer.close();
    await relay.stop();
  });

  it('confirm the last write soon after the writer pauses, long before the interval is up', async () => {
    const { relay, writer } = await writerOn({ LIANXIN_ACK_MS: '5000', LIANXIN_ACK_QUIET_MS: '100' });
    const before = storedFrames(writer);
    const last = await stream(writer);
    const pausedAt = performance.now();
    await writer.waitStored(last, 4000);
    const waited = performance.now() - pausedAt;
    // Held for the 100-ms pause (not sent at once), and not for the 5-s interval.
    expect(waited).toBeGreaterThanOrEqual(90);
    expect(waited).toBeLessThan(2000);
    // The handshake's confirmation went out at once, so the stream's are all held: one after
    // the pause (a stall of 100 ms mid-stream may add one or two).
    const frames = storedFrames(writer) - before;
    expect(frames).toBeGreaterThanOrEqual(1);
    expect(frames).toBeLessThanOrEqual(3);
    await writer.close();
    await relay.stop();
  });

  it('confirm every stored batch with LIANXIN_ACK_MS=0', async () => {
    const { relay, writer } = await writerOn({ LIANXIN_ACK_MS: '0' });
    const before = storedFrames(writer);
    const last = await stream(writer);
    await writer.waitStored(last, 2000);
    // Writes 10 ms apart are stored in batches of their own: about one confirmation each.
    expect(storedFrames(writer) - before).toBeGreaterThanOrEqual(50);
    await writer.close();
    await relay.stop();
  });

  it('send a held-back confirmation before the relay closes the connection', async () => {
    const { relay, writer } = await writerOn({ LIANXIN_ACK_MS: '60000', LIANXIN_ACK_QUIET_MS: '60000' });
    // The handshake used up this interval's immediate confirmation: these are held back.
    const last = writer.write((d) => d.getMap('m').set('a', 1));
    writer.write((d) => d.getMap('m').set('b', 2));
    await new Promise((r) => setTimeout(r, 300));
    expect(writer.stored()).toBeLessThan(last);
    expect(await relay.stop()).toBe(0);
    const closed = await writer.closed;
    expect(closed.code).toBe(CloseCode.goingAway);
    expect(writer.stored()).toBe(last + 1);
  });
});
