// Process-level: a real relay process, real SQLite file, real WebSockets. Who may read and write what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { COMMUNITY_DOCS, CloseCode, DocKind, MessageType, PERMISSIONS, type Role } from '@lianxin/protocol';
import { createCommunity, createToken, revokeToken, startRelay, type RelayProcess } from '../../test/support/relayProcess';
import { awarenessClients, awarenessMessage, connect, upgradeStatus } from '../../test/support/syncClient';

let relay: RelayProcess;

/** A stock provider that also understands the relay's `stored` message (stock ones log it as unknown). */
function provider(room: string, doc: Y.Doc, token?: string): WebsocketProvider {
  const p = new WebsocketProvider(relay.wsUrl, room, doc, { params: token ? { token } : {}, WebSocketPolyfill: WebSocket as never, disableBc: true, connect: false });
  p.messageHandlers[MessageType.stored] = () => undefined;
  p.connect();
  return p;
}
const tokens: Record<string, string> = {};
let memberTokenId = '';
// A community's documents (region documents and region roles: server.regions.test.ts).
const DOCS: DocKind[] = [...COMMUNITY_DOCS, DocKind.minutes];
const roomOf = (kind: DocKind) => (kind === 'minutes' ? 'c1/minutes/m-1' : `c1/${kind}`);

beforeAll(async () => {
  relay = await startRelay();
  const c1 = await createCommunity(relay.dataDir, 'c1', '枫林社区');
  tokens.secretary = c1.token;
  const [committee, member, other] = await Promise.all([
    createToken(relay.dataDir, 'c1', 'committee', '张委员'),
    createToken(relay.dataDir, 'c1', 'member', '王芳'),
    createCommunity(relay.dataDir, 'c2', '东山村', 'village'),
  ]);
  tokens.committee = committee.token;
  tokens.member = member.token;
  memberTokenId = member.tokenId;
  tokens.otherSecretary = other.token;
  // Seed every document so that reading can be checked.
  for (const kind of DOCS) {
    const s = await connect(relay.wsUrl, roomOf(kind), tokens.secretary);
    await s.waitSynced();
    const n = s.write((d) => d.getMap('m').set('seed', kind));
    await s.waitStored(n);
    await s.close();
  }
});

afterAll(async () => {
  expect(await relay.stop()).toBe(0);
});

describe('roles × documents (DESIGN.md table)', () => {
  const roles: Role[] = ['public', 'secretary', 'committee', 'member'];
  it('reads and writes exactly as PERMISSIONS says; no token opens only public, read-only', async () => {
    const outcome: Record<string, string> = {};
    for (const role of roles) {
      for (const kind of DOCS) {
        const access = PERMISSIONS[role][kind];
        const token = role === 'public' ? null : tokens[role];
        const key = `${role}/${kind}`;
        if (access === 'none') {
          outcome[key] = `refused ${await upgradeStatus(relay.wsUrl, roomOf(kind), token)}`;
          continue;
        }
        const client = await connect(relay.wsUrl, roomOf(kind), token);
        await client.waitSynced();
        const read = client.doc.getMap('m').get('seed') === kind;
        const n = client.write((d) => d.getMap('m').set(`by-${role}`, true));
        client.send(awarenessMessage([{ clientId: client.doc.clientID, clock: 1, state: { user: role } }]));
        if (access === 'write') {
          await client.waitStored(n);
          outcome[key] = read ? 'rw' : 'w-without-read';
        } else {
          await client.waitFor(() => client.denied().length === 2, 'two permission-denied answers');
          expect(client.stored()).toBeLessThan(n);
          expect(client.denied().join(' ')).toMatch(/update.*awareness|awareness.*update/);
          outcome[key] = read ? 'r' : 'nothing';
        }
        await client.close();
      }
    }
    const expected: Record<string, string> = {};
    for (const role of roles) {
      for (const kind of DOCS) {
        const a = PERMISSIONS[role][kind];
        expected[`${role}/${kind}`] = a === 'write' ? 'rw' : a === 'read' ? 'r' : `refused ${role === 'public' ? 401 : 403}`;
      }
    }
    expect(outcome).toEqual(expected);

    // What is stored: exactly the writers' keys, nothing from read-only connections.
    for (const kind of DOCS) {
      const check = await connect(relay.wsUrl, roomOf(kind), tokens.secretary);
      await check.waitSynced();
      const keys = [...check.doc.getMap('m').keys()].filter((k) => k.startsWith('by-')).sort();
      const writers = roles.filter((r) => PERMISSIONS[r][kind] === 'write').map((r) => `by-${r}`).sort();
      expect(keys, kind).toEqual(writers);
      await check.close();
    }
  });

  it('a stock y-websocket provider without a token syncs public and cannot change it', async () => {
    const doc = new Y.Doc();
    const anonymous = provider('c1/public', doc);
    await new Promise<void>((resolve) => anonymous.once('sync', () => resolve()));
    expect(doc.getMap('m').get('seed')).toBe('public');
    doc.getMap('m').set('anonymous', 'graffiti');
    const watcher = await connect(relay.wsUrl, 'c1/public', tokens.committee);
    await watcher.waitSynced();
    await new Promise((r) => setTimeout(r, 300));
    anonymous.destroy();
    expect(watcher.doc.getMap('m').get('anonymous')).toBeUndefined();
    await watcher.close();
  });

  it('two stock providers with tokens converge on minutes', async () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const pa = provider('c1/minutes/m-2', a, tokens.secretary);
    const pb = provider('c1/minutes/m-2', b, tokens.committee);
    await Promise.all([pa, pb].map((p) => new Promise<void>((resolve) => p.once('sync', () => resolve()))));
    a.getText('body').insert(0, '会议记录');
    b.getText('body').insert(0, '草稿:');
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && (a.getText('body').length !== 7 || b.getText('body').toString() !== a.getText('body').toString())) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(b.getText('body').toString()).toBe(a.getText('body').toString());
    expect(a.getText('body').length).toBe(7);
    pa.destroy();
    pb.destroy();
  });
});

describe('refused upgrades', () => {
  it('401 bad signature, 403 other community, 404 unknown community, 401 token required', async () => {
    const forged = (tokens.member as string).slice(0, -3) + 'abc';
    expect(await upgradeStatus(relay.wsUrl, 'c1/work', forged)).toBe(401);
    expect(await upgradeStatus(relay.wsUrl, 'c1/work', tokens.otherSecretary)).toBe(403);
    expect(await upgradeStatus(relay.wsUrl, 'c9/public', null)).toBe(404);
    expect(await upgradeStatus(relay.wsUrl, 'c1/work', null)).toBe(401);
  });

  it('an unknown room name is closed with 4404', async () => {
    for (const room of ['c1/nope', 'c1/minutes/a/b', 'C1/work']) {
      const client = await connect(relay.wsUrl, room, tokens.secretary, { autoSync: false });
      expect((await client.closed).code, room).toBe(CloseCode.unknownRoom);
    }
  });

  it('an expired token is refused (401), and closed with 4401 when it expires while connected', async () => {
    const short = await createToken(relay.dataDir, 'c1', 'member', '临时', '2s');
    const client = await connect(relay.wsUrl, 'c1/work', short.token);
    await client.waitSynced();
    const closed = await client.closed;
    expect(closed.code).toBe(CloseCode.expired);
    expect(await upgradeStatus(relay.wsUrl, 'c1/work', short.token)).toBe(401);
  });
});

describe('revocation', () => {
  it('the API closes the token’s open connections with 4403 and refuses it afterwards', async () => {
    const victim = await createToken(relay.dataDir, 'c1', 'committee', '要撤销的');
    const [a, b] = await Promise.all([connect(relay.wsUrl, 'c1/work', victim.token), connect(relay.wsUrl, 'c1/care', victim.token)]);
    const bystander = await connect(relay.wsUrl, 'c1/work', tokens.committee);
    await Promise.all([a.waitSynced(), b.waitSynced(), bystander.waitSynced()]);
    const res = await fetch(`${relay.url}/api/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.secretary}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tokenId: victim.tokenId }),
    });
    expect(res.status).toBe(200);
    expect((await a.closed).code).toBe(CloseCode.revoked);
    expect((await b.closed).code).toBe(CloseCode.revoked);
    expect(bystander.ws.readyState).toBe(WebSocket.OPEN);
    expect(await upgradeStatus(relay.wsUrl, 'c1/work', victim.token)).toBe(403);
    await bystander.close();
  });

  it('the CLI (another process) revokes; the running relay closes that session and refuses the token', async () => {
    const client = await connect(relay.wsUrl, 'c1/work', tokens.member);
    await client.waitSynced();
    // Behaviour, not speed: the relay's sweep (LIANXIN_SWEEP_MS) finds the CLI's revocation in
    // the shared database and closes the session; how long the CLI process takes to spawn on a
    // loaded machine is no part of it.
    await revokeToken(relay.dataDir, memberTokenId);
    expect((await client.closed).code).toBe(CloseCode.revoked);
    expect(await upgradeStatus(relay.wsUrl, 'c1/work', tokens.member)).toBe(403);
  });
});

describe('awareness', () => {
  it('one client id per connection: entries for other ids are dropped', async () => {
    const observer = await connect(relay.wsUrl, 'c1/meetings', tokens.secretary);
    const speaker = await connect(relay.wsUrl, 'c1/meetings', tokens.committee);
    await Promise.all([observer.waitSynced(), speaker.waitSynced()]);
    const seen = () => observer.received.flatMap((m) => awarenessClients(m));
    speaker.send(awarenessMessage([{ clientId: 111, clock: 1, state: { name: 'me' } }, { clientId: 222, clock: 1, state: { name: 'someone else' } }]));
    await observer.waitFor(() => seen().includes(111), 'awareness of 111');
    speaker.send(awarenessMessage([{ clientId: 222, clock: 2, state: { name: 'still someone else' } }]));
    speaker.send(awarenessMessage([{ clientId: 111, clock: 2, state: { name: 'me again' } }]));
    await observer.waitFor(() => seen().filter((id) => id === 111).length >= 2, 'second awareness of 111');
    expect(seen()).not.toContain(222);
    await speaker.close();
    // Leaving removes the speaker's awareness for everyone (a null state for 111).
    await observer.waitFor(() => seen().filter((id) => id === 111).length >= 3, 'removal of 111');
    await observer.close();
  });
});
