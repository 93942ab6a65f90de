/**
 * Crash and restart, again and again: a real relay process, a real WebSocket writer that streams
 * map keys and counts the relay's `stored` acknowledgements, SIGKILL in the middle of the stream,
 * an immediate restart on the same data folder, then a check that every key confirmed in any
 * cycle so far is in the document. Shared by the test (relay/src/server.restart.test.ts) and the
 * restart benchmark (test/bench/restart/run.ts).
 */
import { performance } from 'node:perf_hooks';
import { createCommunity, startRelay, type RelayProcess, type StartRelayOptions } from './relayProcess';
import { connect } from './syncClient';

export interface CrashCyclesResult {
  readonly cycles: number;
  /** restarts the relay refused (it exited before listening) */
  readonly refusedStarts: number;
  /** keys the relay had confirmed as stored, over all cycles */
  readonly confirmed: number;
  /** confirmed keys missing after a restart (must be 0) */
  readonly lost: readonly string[];
  /** SIGKILL sent → the new relay's `listening` line, per cycle (ms) */
  readonly restartMs: readonly number[];
  readonly relay: RelayProcess;
}

const ROOM = 'crash/work';

export async function runCrashCycles(cycles: number, opts: Pick<StartRelayOptions, 'env' | 'entry'> = {}): Promise<CrashCyclesResult> {
  // The writer streams faster than a person types (up to ~2,000 messages a second); on a loaded
  // machine the first acknowledgements come late and the per-connection rate limit would close it
  // (4429) before the kill this is about. Durability, not rate limits, is under test here.
  let relay = await startRelay({ ...opts, env: { LIANXIN_RATE: '100000', LIANXIN_BURST: '100000', ...opts.env } });
  const { token } = await createCommunity(relay.dataDir, 'crash', '重启社区');
  const confirmedKeys: string[] = [];
  const lost = new Set<string>();
  const restartMs: number[] = [];
  let refusedStarts = 0;

  for (let cycle = 0; cycle < cycles; cycle++) {
    const writer = await connect(relay.wsUrl, ROOM, token);
    await writer.waitSynced();
    // What every earlier cycle confirmed is here, as the restarted relay loaded it.
    const map = writer.doc.getMap<number>('m');
    for (const key of confirmedKeys) if (!map.has(key)) lost.add(key);

    const keyOfCount = new Map<number, string>();
    let i = 0;
    let streaming = true;
    const stream = (async () => {
      while (streaming && writer.ws.readyState === writer.ws.OPEN) {
        const key = `c${cycle}k${++i}`;
        keyOfCount.set(
          writer.write((d) => d.getMap('m').set(key, i)),
          key,
        );
        if (i % 4 === 0) await new Promise((r) => setTimeout(r, 2));
      }
    })();
    // Killed mid-stream, once some writes of this cycle are confirmed (so no cycle is vacuous).
    await writer.waitStored(10, 30_000);
    const killedAt = performance.now();
    await relay.kill();
    streaming = false;
    await stream;
    await writer.closed;
    // No acknowledgement can arrive once the socket is closed: this is what the relay confirmed.
    const stored = writer.stored();
    for (const [count, key] of keyOfCount) if (count <= stored) confirmedKeys.push(key);

    for (;;) {
      try {
        relay = await relay.restart();
        break;
      } catch (error) {
        refusedStarts++;
        if (refusedStarts > 3) throw error;
      }
    }
    restartMs.push(performance.now() - killedAt);
  }

  const check = await connect(relay.wsUrl, ROOM, token);
  await check.waitSynced();
  const map = check.doc.getMap<number>('m');
  for (const key of confirmedKeys) if (!map.has(key)) lost.add(key);
  await check.close();
  return { cycles, refusedStarts, confirmed: confirmedKeys.length, lost: [...lost], restartMs, relay };
}
