// Process-level, on a real 8 MiB tmpfs (issue 19, "A full disk"): with the data folder full, a
// write is refused cleanly and nothing confirmed is lost, reads of stored documents keep working,
// /healthz answers 503 with the reason and /metrics counts it; once space returns, writes resume
// without a restart. Mounting needs root (CI runs as root); where the mount is refused the suite
// is skipped and says why.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@lianxin/protocol';
import { createCommunity, fetchMetrics, startRelay, type RelayProcess } from '../../test/support/relayProcess';
import { connect } from '../../test/support/syncClient';
import { mountTmpfs } from '../../test/support/tmpfs';

const disk = mountTmpfs(8, 'lianxin-fulldisk-');
// Said once, loudly: a skipped suite must not pass unnoticed.
if (!disk.mounted) console.warn(`server.fullDisk.test.ts skipped: ${disk.why}`);
const mounted = disk.mounted;
const dataDir = join(disk.path, 'data');
let relay: RelayProcess;
let token = '';

const fill = (leave: number): void => disk.fill(leave);

async function health(): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${relay.url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function metric(name: string): Promise<number> {
  const text = await fetchMetrics(relay.url);
  const line = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  if (!line) throw new Error(`no ${name} in /metrics`);
  return Number(line[1]);
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; relay logs:\n${relay.logs().slice(-15).join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function readMap(room: string): Promise<Record<string, unknown>> {
  const reader = await connect(relay.wsUrl, room, token);
  try {
    await reader.waitSynced();
    return reader.doc.getMap('m').toJSON() as Record<string, unknown>;
  } finally {
    await reader.close();
  }
}

beforeAll(async () => {
  if (!mounted) return;
  mkdirSync(dataDir);
  relay = await startRelay({ dataDir, env: { LIANXIN_IDLE_MS: '200', LIANXIN_SWEEP_MS: '50' } });
  ({ token } = await createCommunity(dataDir, 'c1', '枫林社区'));
});

afterAll(async () => {
  if (relay && !relay.exited) await relay.kill();
  disk.unmount();
});

describe.skipIf(!mounted)('a full data folder (real tmpfs)', () => {
  it('refuses writes cleanly, keeps reads and confirmed updates, tells /healthz and /metrics, and resumes when space returns', async () => {
    // Two documents stored while there is room, then unloaded (idle): reading them needs a load.
    for (const room of ['c1/work', 'c1/meetings']) {
      const writer = await connect(relay.wsUrl, room, token);
      await writer.waitSynced();
      await writer.waitStored(writer.write((d) => d.getMap('m').set('before', room)));
      await writer.close();
    }
    await until(async () => (await health()).body.documents === 0, 'both documents to unload');
    expect((await health()).status).toBe(200);
    expect(await metric('lianxin_store_writable')).toBe(1);

    // Room for the journal record of a 200 KB update but not for moving it into SQLite as well.
    fill(300 << 10);
    const big = 'x'.repeat(200 << 10);
    const writer = await connect(relay.wsUrl, 'c1/work', token);
    await writer.waitSynced();
    const bigCount = writer.write((d) => d.getMap('m').set('big', big));
    // The journal holds it (confirmed); moving it into the database fails (SQLITE_FULL), so it
    // waits in the journal: the state in which every load used to fail.
    await writer.waitStored(bigCount);
    await relay.waitForLog((r) => r.msg === 'update journal' && /could not move journaled updates.*disk is full/.test(String(r.error)));

    // Now nothing fits.
    fill(0);
    expect(disk.freeBytes()).toBe(0);
    await until(async () => (await health()).status === 503, '/healthz to report the store cannot write');
    const unhealthy = await health();
    expect(unhealthy.body).toMatchObject({ ok: false, store: 'cannot-write' });
    expect(String(unhealthy.body.reason)).toMatch(/ENOSPC|SQLITE_FULL/);
    expect(await metric('lianxin_store_writable')).toBe(0);
    expect(await metric('lianxin_store_write_failures_total')).toBeGreaterThan(0);

    // Reads of stored documents work, also one that has to be loaded.
    expect(await readMap('c1/meetings')).toEqual({ before: 'c1/meetings' });
    const work = await readMap('c1/work');
    expect(work.before).toBe('c1/work');

    // A write is refused with 4500 and never confirmed.
    const refused = await connect(relay.wsUrl, 'c1/meetings', token);
    await refused.waitSynced();
    const lostCount = refused.write((d) => d.getMap('m').set('refused', 1));
    expect((await refused.closed).code).toBe(CloseCode.storeFailed);
    expect(refused.stored()).toBeLessThan(lostCount);
    await writer.close();

    // Space returns: writing resumes without a restart.
    disk.free();
    await until(async () => (await health()).status === 200, '/healthz to recover');
    expect(await metric('lianxin_store_writable')).toBe(1);
    const again = await connect(relay.wsUrl, 'c1/meetings', token);
    await again.waitSynced();
    await again.waitStored(again.write((d) => d.getMap('m').set('after', 1)));
    await again.close();

    // Nothing confirmed was lost, also across a restart.
    expect(await relay.stop()).toBe(0);
    relay = await relay.restart();
    expect(await readMap('c1/meetings')).toEqual({ before: 'c1/meetings', after: 1 });
    const final = await readMap('c1/work');
    expect(final.before).toBe('c1/work');
    expect(final.big).toBe(big);
  });
});
