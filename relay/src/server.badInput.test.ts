// Process-level: each kind of bad input closes only the offending connection, with its code and a
// log line; other clients on the same document keep syncing; nothing stored changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, Limits, SyncStep } from '@lianxin/protocol';
import { createCommunity, createToken, fetchMetrics, startRelay, type RelayProcess } from '../../test/support/relayProcess';
import { connect, syncMessage, type SyncClient } from '../../test/support/syncClient';

const MAX_DOCUMENT = 256 * 1024;
let relay: RelayProcess;
let secretary = '';
let committee = '';

beforeAll(async () => {
  relay = await startRelay({ env: { LIANXIN_MAX_DOCUMENT: String(MAX_DOCUMENT) } });
  secretary = (await createCommunity(relay.dataDir, 'c1', '枫林社区')).token;
  committee = (await createToken(relay.dataDir, 'c1', 'committee', '张委员')).token;
});

afterAll(async () => {
  expect(await relay.stop()).toBe(0);
});

async function storedContent(room: string): Promise<Record<string, unknown>> {
  const check = await connect(relay.wsUrl, room, secretary);
  await check.waitSynced();
  const content = { map: check.doc.getMap('m').toJSON(), text: check.doc.getText('t').toString() };
  await check.close();
  return content;
}

interface Case {
  readonly name: string;
  readonly room: string;
  readonly victimToken: string | null;
  readonly code: number;
  /** does the bad thing on an open (synced) connection */
  readonly act: (victim: SyncClient) => void;
}

let counter = 0;
const cases: Case[] = [
  {
    name: 'a frame over 64 KiB from an anonymous connection',
    room: 'c1/public',
    victimToken: null,
    code: CloseCode.frameTooLarge,
    act: (v) => v.send(syncMessage(SyncStep.update, new Uint8Array(Limits.maxFrameBeforeAuth + 1))),
  },
  {
    name: 'a frame over 8 MiB from an authenticated connection',
    room: 'c1/work',
    victimToken: 'committee',
    code: CloseCode.frameTooLarge,
    act: (v) => v.send(new Uint8Array(Limits.maxFrame + 1)),
  },
  { name: 'unreadable protocol bytes', room: 'c1/work', victimToken: 'committee', code: CloseCode.malformed, act: (v) => v.send(new Uint8Array([0xff, 0xff, 0xff])) },
  { name: 'a truncated sync message', room: 'c1/work', victimToken: 'committee', code: CloseCode.malformed, act: (v) => v.send(new Uint8Array([0, 2, 50, 1])) },
  { name: 'an unknown message type', room: 'c1/work', victimToken: 'committee', code: CloseCode.malformed, act: (v) => v.send(new Uint8Array([42])) },
  { name: 'a text frame', room: 'c1/work', victimToken: 'committee', code: CloseCode.malformed, act: (v) => v.send('hello') },
  {
    name: 'a garbage Yjs update',
    room: 'c1/work',
    victimToken: 'committee',
    code: CloseCode.malformed,
    act: (v) => v.send(syncMessage(SyncStep.update, new Uint8Array([1, 1, 200, 1, 0, 119, 3, 1, 2, 3]))),
  },
  {
    // The dangerous kind: valid structs, then a broken delete set. Y.applyUpdate would integrate
    // the text before throwing; the relay must refuse it whole.
    name: 'an update with valid content and a broken tail',
    room: 'c1/work',
    victimToken: 'committee',
    code: CloseCode.malformed,
    act: (v) => {
      const src = new Y.Doc();
      src.getText('t').insert(0, 'sneaky');
      const u = Y.encodeStateAsUpdate(src);
      v.send(syncMessage(SyncStep.update, new Uint8Array([...u.slice(0, -1), 5])));
    },
  },
  {
    name: 'a flood of messages',
    room: 'c1/work',
    victimToken: 'committee',
    code: CloseCode.rateLimited,
    act: (v) => {
      for (let i = 0; i < Limits.messageBurst + 200; i++) v.send(new Uint8Array([3]));
    },
  },
  {
    // Each frame is under the cap and harmless (a query with padding), but together they are more
    // bytes per second than one connection may send.
    name: 'a flood of bytes',
    room: 'c1/work',
    victimToken: 'committee',
    code: CloseCode.rateLimited,
    act: (v) => {
      const frame = new Uint8Array(Limits.maxFrame - 16);
      frame[0] = 3;
      for (let i = 0; i < 6; i++) v.send(frame);
    },
  },
  {
    name: 'an update that grows the document past its cap',
    room: 'c1/meetings',
    victimToken: 'committee',
    code: CloseCode.documentTooLarge,
    act: (v) => {
      v.write((d) => d.getText('t').insert(0, 'x'.repeat(MAX_DOCUMENT + 1)));
    },
  },
];

describe('bad input', () => {
  it.each(cases)('$name: closed with $code, others keep syncing, nothing stored changes', async (c) => {
    const writer = await connect(relay.wsUrl, c.room, secretary);
    const reader = await connect(relay.wsUrl, c.room, committee);
    await Promise.all([writer.waitSynced(), reader.waitSynced()]);
    const before = `before-${++counter}`;
    await writer.waitStored(writer.write((d) => d.getMap('m').set(before, true)));
    await reader.waitFor(() => reader.doc.getMap('m').get(before) === true, 'the baseline write');
    const stored = await storedContent(c.room);

    const victim = await connect(relay.wsUrl, c.room, c.victimToken === 'committee' ? committee : null);
    await victim.waitSynced();
    c.act(victim);
    const closed = await victim.closed;
    expect(closed.code).toBe(c.code);
    await relay.waitForLog((r) => r.msg === 'closing connection' && r.closeCode === c.code && r.room === c.room);
    expect(await storedContent(c.room)).toEqual(stored);

    const after = `after-${counter}`;
    await writer.waitStored(writer.write((d) => d.getMap('m').set(after, true)));
    await reader.waitFor(() => reader.doc.getMap('m').get(after) === true, 'a write after the bad input');
    expect(reader.doc.getText('t').toString()).toBe('');
    await Promise.all([writer.close(), reader.close()]);
  });

  it('the relay is still healthy and counted every close by code', async () => {
    const health = await fetch(`${relay.url}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true, store: 'ok' });
    const metrics = await fetchMetrics(relay.url);
    for (const code of [4413, 4400, 4429, 4507]) expect(metrics).toMatch(new RegExp(`lianxin_connections_closed_total\\{code="${code}"\\} [1-9]`));
  });
});
