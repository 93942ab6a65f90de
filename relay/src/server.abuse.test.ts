// Process-level: updates inside the byte caps whose cost would stall every room (issue #19).
// Each hostile update closes its connection with a clear code (4422 over the structure caps,
// 4430 once a token has spent its CPU budget) and changes nothing stored; honest writers in
// other rooms keep syncing meanwhile; a document the relay accepted at the caps loads again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, SyncStep } from '@lianxin/protocol';
import { createCommunity, createToken, startRelay, type RelayProcess } from '../../test/support/relayProcess';
import { connect, syncMessage, type SyncClient } from '../../test/support/syncClient';

let relay: RelayProcess;
let secretary = '';
const members: string[] = [];
let otherSecretary = '';

beforeAll(async () => {
  relay = await startRelay();
  secretary = (await createCommunity(relay.dataDir, 'c1', '枫林社区')).token;
  otherSecretary = (await createCommunity(relay.dataDir, 'c2', '各布村', 'village')).token;
  // One member token per case: a token that sent one hostile update has spent much of its CPU budget.
  for (let i = 0; i < 6; i++) members.push((await createToken(relay.dataDir, 'c1', 'member', `党员${i}`)).token);
}, 60_000);

afterAll(async () => {
  expect(await relay.stop()).toBe(0);
});

/** An update setting `n` keys of map `m` (one structure each), from a fresh client. */
function mapKeysUpdate(n: number, prefix: string): Uint8Array {
  const d = new Y.Doc();
  const m = d.getMap('m');
  d.transact(() => {
    for (let i = 0; i < n; i++) m.set(`${prefix}${i}`, i);
  });
  return Y.encodeStateAsUpdate(d);
}

function nestedUpdate(depth: number): Uint8Array {
  const d = new Y.Doc();
  d.transact(() => {
    let m: Y.Map<unknown> = d.getMap('m');
    for (let i = 0; i < depth; i++) {
      const c = new Y.Map<unknown>();
      m.set('nest', c);
      m = c;
    }
  });
  return Y.encodeStateAsUpdate(d);
}

/** One key each from `n` clients: `n` writing clients in one update. */
function manyClientsUpdate(n: number): Uint8Array {
  const updates: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const d = new Y.Doc();
    d.getMap('m').set(`client${i}`, i);
    updates.push(Y.encodeStateAsUpdate(d));
  }
  return Y.mergeUpdates(updates);
}

async function storedKeys(room: string, token: string): Promise<string[]> {
  const check = await connect(relay.wsUrl, room, token);
  await check.waitSynced(20_000);
  const keys = [...check.doc.getMap('m').keys()].sort();
  await check.close();
  return keys;
}

/** A writer and an observer in another community's room, writing while `during` runs. */
async function honestTrafficDuring(during: () => Promise<void>): Promise<number> {
  const writer = await connect(relay.wsUrl, 'c2/work', otherSecretary);
  const observer = await connect(relay.wsUrl, 'c2/work', otherSecretary);
  await Promise.all([writer.waitSynced(), observer.waitSynced()]);
  let written = 0;
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      const key = `honest${++written}`;
      writer.write((d) => d.getMap('h').set(key, written));
      await observer.waitFor(() => observer.doc.getMap('h').has(key), key, 20_000);
      // A person types at most about 20 changes a second; this is not a flood.
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    await during();
  } finally {
    stop = true;
    await loop;
  }
  await Promise.all([writer.close(), observer.close()]);
  return written;
}

async function refused(client: SyncClient, update: Uint8Array, code: number, on: RelayProcess = relay): Promise<void> {
  client.send(syncMessage(SyncStep.update, update));
  expect((await client.closed).code).toBe(code);
  await on.waitForLog((r) => r.msg === 'closing connection' && r.closeCode === code);
}

describe('work the limits allow but one thread cannot afford', () => {
  it.each([
    { member: 0, name: '60,000 map keys in one update (~0.9 MB)', update: () => mapKeysUpdate(60_000, 'big') },
    { member: 1, name: '100,000 map keys in one update', update: () => mapKeysUpdate(100_000, 'huge') },
    { member: 2, name: 'an update written by 1,500 clients', update: () => manyClientsUpdate(1_500) },
    { member: 3, name: '20,000-deep nesting', update: () => nestedUpdate(20_000) },
    { member: 4, name: '65-deep nesting (one past the cap)', update: () => nestedUpdate(65) },
  ])('$name: closed with 4422, nothing stored, other rooms keep syncing', async ({ member, update }) => {
    const baseline = await connect(relay.wsUrl, 'c1/work', secretary);
    await baseline.waitSynced();
    await baseline.waitStored(baseline.write((d) => d.getMap('m').set(`baseline${Date.now()}`, true)));
    await baseline.close();
    const before = await storedKeys('c1/work', secretary);
    const bytes = update();
    const written = await honestTrafficDuring(async () => {
      const attacker = await connect(relay.wsUrl, 'c1/work', members[member]);
      await attacker.waitSynced();
      await refused(attacker, bytes, CloseCode.tooComplex);
    });
    expect(written).toBeGreaterThan(0);
    expect(await storedKeys('c1/work', secretary)).toEqual(before);
  });

  it('a writer that keeps sending heavy updates inside the caps is closed with 4430, and a new connection does not reset the document budget', async () => {
    const before = await storedKeys('c1/work', secretary);
    const accepted: number[] = [];
    const reasons: string[] = [];
    let round = 0;
    const written = await honestTrafficDuring(async () => {
      for (let attempt = 0; attempt < 2; attempt++) {
        const attacker = await connect(relay.wsUrl, 'c1/work', members[5]);
        await attacker.waitSynced();
        let stored = 0;
        for (;;) {
          // 9,500 keys each (under the cap), sent until the relay refuses; each costs tens of ms.
          const count = attacker.write((d) =>
            d.transact(() => {
              for (let i = 0; i < 9_500; i++) d.getMap('heavy').set(`k${i}`, round);
            }),
          );
          round += 1;
          const outcome = await Promise.race([attacker.waitStored(count, 20_000).then(() => 'stored', () => 'closed'), attacker.closed.then(() => 'closed')]);
          if (outcome === 'closed') break;
          stored += 1;
        }
        const closed = await attacker.closed;
        expect(closed.code).toBe(CloseCode.cpuBudget);
        accepted.push(stored);
        reasons.push(closed.reason);
      }
    });
    expect(accepted[0]).toBeGreaterThan(0);
    // Reconnecting at once: the document's budget is still spent, so the first heavy update is refused.
    expect(accepted[1]).toBe(0);
    expect(reasons[1]).toContain('document');
    expect(written).toBeGreaterThan(0);
    // What was refused was not stored: the last round's value is not the stored one.
    const after = await connect(relay.wsUrl, 'c1/work', secretary);
    await after.waitSynced(20_000);
    expect(after.doc.getMap('heavy').get('k0')).toBe(accepted[0]! - 1);
    expect([...after.doc.getMap('m').keys()].sort()).toEqual(before);
    await after.close();
  });

  it('7 MB strings, one after the other: one is stored, the next ones are refused with 4430 until the document budget refills', async () => {
    const committee = (await createToken(relay.dataDir, 'c1', 'committee', '王委员')).token;
    const chunk = 'x'.repeat(7_000_000);
    let stored = 0;
    const written = await honestTrafficDuring(async () => {
      const writer = await connect(relay.wsUrl, 'c1/meetings', committee);
      await writer.waitSynced();
      for (let i = 0; i < 6; i++) {
        const count = writer.write((d) => d.getText('big').insert(0, chunk));
        const outcome = await Promise.race([writer.waitStored(count, 30_000).then(() => 'stored', () => 'closed'), writer.closed.then(() => 'closed')]);
        if (outcome === 'closed') break;
        stored += 1;
      }
      expect((await writer.closed).code).toBe(CloseCode.cpuBudget);
    });
    expect(stored).toBeGreaterThan(0);
    expect(written).toBeGreaterThan(0);
    const check = await connect(relay.wsUrl, 'c1/meetings', secretary);
    await check.waitSynced(30_000);
    expect(check.doc.getText('big').length).toBe(stored * chunk.length);
    await check.close();
  }, 120_000);

  it('a document at the structure and depth caps loads again after a restart; one structure more is refused with 4507', async () => {
    // Its own relay: a small document cap (filled quickly) and no budget (the fill is not an attack).
    const cap = 50_000;
    let own = await startRelay({ env: { LIANXIN_MAX_DOCUMENT_STRUCTS: String(cap), LIANXIN_CPU_MS: '0', LIANXIN_DOC_CPU_MS: '0' } });
    const token = (await createCommunity(own.dataDir, 'c3', '陇海路社区')).token;
    const writer = await connect(own.wsUrl, 'c3/work', token);
    await writer.waitSynced();
    await writer.waitStored(
      writer.write((d) =>
        d.transact(() => {
          let m: Y.Map<unknown> = d.getMap('deep');
          for (let i = 0; i < 64; i++) {
            const c = new Y.Map<unknown>();
            m.set('nest', c);
            m = c;
          }
          m.set('bottom', 'reached');
        }),
      ),
    );
    // Up to the cap in updates under the per-update cap (each key one structure).
    for (let part = 0; ; part++) {
      const left = cap - (writer.doc.store.clients.get(writer.doc.clientID)?.length ?? 0) - 1;
      if (left <= 0) break;
      const n = Math.min(9_000, left);
      await writer.waitStored(writer.write((d) => d.transact(() => {
        for (let i = 0; i < n; i++) d.getMap('m').set(`fill${part}-${i}`, i);
      })), 20_000);
    }
    const keys = writer.doc.getMap('m').size;
    await writer.waitStored(writer.write((d) => d.getMap('m').set('last', 1)));
    await refused(writer, mapKeysUpdate(1, 'over'), CloseCode.documentTooLarge, own);

    own = await own.restart();
    const reader = await connect(own.wsUrl, 'c3/work', token);
    await reader.waitSynced(30_000);
    expect(reader.doc.getMap('m').size).toBe(keys + 1);
    let m = reader.doc.getMap('deep');
    for (let i = 0; i < 64; i++) m = m.get('nest') as Y.Map<unknown>;
    expect(m.get('bottom')).toBe('reached');
    await reader.close();
    expect(await own.stop()).toBe(0);
  }, 120_000);
});

