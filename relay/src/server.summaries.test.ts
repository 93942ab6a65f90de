// Process-level: POST /api/region/summaries on a real relay process (SQLite file, CLI-made
// regions, summaries written through real WebSockets). Each community is decided as a socket to
// its `summary` would be: a county reads its townships' communities, a township its own, nobody
// else; bad input is refused with 400/413 and changes nothing.
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SummariesBatch, decodeBase64, encodeBase64, type SummariesResponse } from '@lianxin/protocol';
import { createCommunity, createRegion, createToken, revokeToken, startRelay, type RelayProcess } from '../../test/support/relayProcess';
import { connect } from '../../test/support/syncClient';

let relay: RelayProcess;
const t: Record<string, string> = {};
let revokedCounty = '';

async function seedSummary(community: string, token: string, value: string): Promise<void> {
  const s = await connect(relay.wsUrl, `${community}/summary`, token);
  await s.waitSynced();
  await s.waitStored(s.write((d) => d.getMap('summary').set('current', value)));
  await s.close();
}

function post(body: unknown, token: string | null, raw?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(`${relay.url}/api${SummariesBatch.path}`, { method: 'POST', headers, body: raw ?? JSON.stringify(body) });
}

const ask = (communities: readonly string[], stateVector = '') => ({ summaries: communities.map((community) => ({ community, stateVector })) });

/** community → the seeded value it carried, or `refused: <reason>`. */
async function read(token: string, communities: readonly string[]): Promise<Record<string, string>> {
  const response = await post(ask(communities), token);
  expect(response.status).toBe(200);
  const body = (await response.json()) as SummariesResponse;
  expect(body.deferred).toEqual([]);
  return Object.fromEntries(
    body.summaries.map((a) => {
      if ('refused' in a) return [a.community, `refused: ${a.refused}`];
      const doc = new Y.Doc();
      Y.applyUpdate(doc, decodeBase64(a.update));
      return [a.community, String(doc.getMap('summary').get('current'))];
    }),
  );
}

const ALL = ['c1', 'c2', 'c3', 'c4', 'solo'];

beforeAll(async () => {
  relay = await startRelay();
  const d = relay.dataDir;
  t.county = (await createRegion(d, 'jiangle', '将乐县', 'county')).token;
  t.gucheng = (await createRegion(d, 'gucheng', '古镛镇', 'township', 'jiangle')).token;
  t.baiyan = (await createRegion(d, 'baiyan', '白莲镇', 'township', 'jiangle')).token;
  t.otherCounty = (await createRegion(d, 'ouhai', '瓯海区', 'county')).token;
  await createRegion(d, 'louqiao', '娄桥街道', 'township', 'ouhai');
  t.c1 = (await createCommunity(d, 'c1', '南山村', 'village', 'gucheng')).token;
  t.c2 = (await createCommunity(d, 'c2', '三华社区', 'urban', 'gucheng')).token;
  t.c3 = (await createCommunity(d, 'c3', '白莲村', 'village', 'baiyan')).token;
  t.c4 = (await createCommunity(d, 'c4', '娄桥社区', 'urban', 'louqiao')).token;
  t.solo = (await createCommunity(d, 'solo', '独立社区', 'urban')).token;
  t.committee = (await createToken(d, 'c1', 'committee', '李委员')).token;
  t.member = (await createToken(d, 'c1', 'member', '王芳')).token;
  const revoked = await createToken(d, 'jiangle', 'county', '离职干部');
  revokedCounty = revoked.token;
  await revokeToken(d, revoked.tokenId);
  for (const c of ALL) await seedSummary(c, t[c]!, `${c} figures`);
}, 120_000);

afterAll(async () => {
  expect(await relay.stop()).toBe(0);
});

describe('POST /api/region/summaries: who reads which summary', () => {
  it("a county reads its townships' communities' summaries, and nothing of another county's or of a community in no township", async () => {
    expect(await read(t.county!, ALL)).toEqual({ c1: 'c1 figures', c2: 'c2 figures', c3: 'c3 figures', c4: 'refused: outside-region', solo: 'refused: outside-region' });
    expect(await read(t.otherCounty!, ALL)).toEqual({ c1: 'refused: outside-region', c2: 'refused: outside-region', c3: 'refused: outside-region', c4: 'c4 figures', solo: 'refused: outside-region' });
  });

  it("a township reads only its own communities' summaries", async () => {
    expect(await read(t.gucheng!, ALL)).toEqual({ c1: 'c1 figures', c2: 'c2 figures', c3: 'refused: outside-region', c4: 'refused: outside-region', solo: 'refused: outside-region' });
    expect(await read(t.baiyan!, ALL)).toEqual({ c1: 'refused: outside-region', c2: 'refused: outside-region', c3: 'c3 figures', c4: 'refused: outside-region', solo: 'refused: outside-region' });
  });

  it('an id that is no community (unknown, or a region) is refused as unknown', async () => {
    expect(await read(t.county!, ['nowhere', 'gucheng'])).toEqual({ nowhere: 'refused: unknown-community', gucheng: 'refused: unknown-community' });
  });

  it('community roles, no token, a bad token and a revoked one are refused outright', async () => {
    for (const token of [t.c1!, t.committee!, t.member!]) {
      const r = await post(ask(['c1']), token);
      expect(r.status).toBe(403);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    }
    expect((await post(ask(['c1']), null)).status).toBe(401);
    expect((await post(ask(['c1']), 'not-a-token')).status).toBe(401);
    expect((await post(ask(['c1']), revokedCounty)).status).toBe(403);
  });

  it('answers compressed to a client that accepts it', async () => {
    const wants = ask(['c1', 'c2', 'c3']);
    const r = await fetch(`${relay.url}/api${SummariesBatch.path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip', authorization: `Bearer ${t.county}` }, body: JSON.stringify(wants) });
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(((await r.json()) as SummariesResponse).summaries).toHaveLength(3);
  });

  it('answers only what the state vector lacks', async () => {
    const first = (await (await post(ask(['c1']), t.county!)).json()) as SummariesResponse;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, decodeBase64((first.summaries[0] as { update: string }).update));
    const again = (await (await post(ask(['c1'], encodeBase64(Y.encodeStateVector(doc))), t.county!)).json()) as SummariesResponse;
    const rest = decodeBase64((again.summaries[0] as { update: string }).update);
    // Nothing new: no structures, only the (empty) delete set.
    expect(Y.decodeUpdate(rest).structs).toEqual([]);
    // A change made since arrives.
    await seedSummary('c1', t.c1!, 'c1 figures, later');
    const later = (await (await post(ask(['c1'], encodeBase64(Y.encodeStateVector(doc))), t.county!)).json()) as SummariesResponse;
    Y.applyUpdate(doc, decodeBase64((later.summaries[0] as { update: string }).update));
    expect(doc.getMap('summary').get('current')).toBe('c1 figures, later');
  });
});

describe('POST /api/region/summaries: a bounded answer', () => {
  it('stops adding updates past the bound and lists the rest as deferred, which a second request brings', async () => {
    const big = ['big-1', 'big-2', 'big-3', 'big-4'];
    // ~1.2 MB each: about 1.6 MB of base64, so two fit within 4 MiB.
    for (const [i, id] of big.entries()) {
      const { token } = await createCommunity(relay.dataDir, id, `大社区${i}`, 'urban', 'gucheng');
      await seedSummary(id, token, `${id} `.repeat(200_000));
    }
    const first = (await (await post(ask(big), t.county!)).json()) as SummariesResponse;
    const sent = first.summaries.filter((a) => 'update' in a).map((a) => a.community);
    expect(sent.length).toBeGreaterThan(0);
    expect(first.deferred.length).toBeGreaterThan(0);
    expect([...sent, ...first.deferred].sort()).toEqual(big);
    expect(first.summaries.reduce((n, a) => n + ('update' in a ? a.update.length : 0), 0)).toBeLessThanOrEqual(SummariesBatch.maxResponseBytes);
    const rest = await read(t.county!, first.deferred.slice(0, 1));
    expect(rest[first.deferred[0]!]).toBe(`${first.deferred[0]} `.repeat(200_000));
  }, 60_000);
});

describe('POST /api/region/summaries: bad input changes nothing', () => {
  const cases: [string, string, number, string][] = [
    ['not JSON', '{"summaries": [', 400, 'bad-json'],
    ['no list', JSON.stringify({}), 400, 'bad-request'],
    ['an empty list', JSON.stringify({ summaries: [] }), 400, 'bad-request'],
    ['a bad id', JSON.stringify(ask(['../c1'])), 400, 'bad-request'],
    ['not base64', JSON.stringify(ask(['c1'], '%%%%')), 400, 'bad-request'],
    ['base64 that is no state vector', JSON.stringify(ask(['c1'], encodeBase64(new Uint8Array([0xff, 0xff, 0xff])))), 400, 'bad-request'],
    ['a community twice', JSON.stringify(ask(['c1', 'c1'])), 400, 'bad-request'],
    ['too many communities', JSON.stringify(ask(Array.from({ length: SummariesBatch.maxCommunities + 1 }, (_, i) => `c-${i}`))), 400, 'bad-request'],
    ['a state vector past the limit', JSON.stringify(ask(['c1'], 'A'.repeat(SummariesBatch.maxStateVectorChars + 4))), 400, 'bad-request'],
    ['a huge body', JSON.stringify({ summaries: [], pad: 'x'.repeat(200 * 1024) }), 413, 'too-large'],
  ];
  it.each(cases)('%s → %s', async (_what, raw, status, code) => {
    const before = await read(t.county!, ['c1', 'c2', 'c3']);
    const r = await post(null, t.county!, raw);
    expect(r.status).toBe(status);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe(code);
    expect(await read(t.county!, ['c1', 'c2', 'c3'])).toEqual(before);
  });
});
