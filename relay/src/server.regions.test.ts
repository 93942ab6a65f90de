// Process-level: the township and county tier on a real relay process, real SQLite file, real
// WebSockets. A region's staff open exactly what the permission table allows, only in their region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITY_DOCS, DocKind, PERMISSIONS, type DocKind as Kind } from '@lianxin/protocol';
import { createCommunity, createRegion, createToken, runCli, setCommunityTownship, startRelay, type RelayProcess } from '../../test/support/relayProcess';
import { connect, upgradeStatus } from '../../test/support/syncClient';

let relay: RelayProcess;
const t: Record<string, string> = {};
const communityRoom = (community: string, kind: Kind) => (kind === 'minutes' ? `${community}/minutes/m-1` : `${community}/${kind}`);
const DOCS: Kind[] = [...COMMUNITY_DOCS, DocKind.minutes];

/** What a token may do with a room, found by trying: rw, r, or the refusal's HTTP status. */
async function probe(room: string, token: string, seed: string): Promise<string> {
  const status = await upgradeStatus(relay.wsUrl, room, token);
  if (status !== 101) return `refused ${status}`;
  const client = await connect(relay.wsUrl, room, token);
  await client.waitSynced();
  const read = client.doc.getMap('m').get('seed') === seed;
  const n = client.write((d) => d.getMap('m').set(`by-${Math.random()}`, true));
  let outcome: string;
  try {
    await client.waitFor(() => client.stored() >= n || client.denied().length > 0, 'stored or denied');
    outcome = client.stored() >= n ? 'rw' : 'r';
  } finally {
    await client.close();
  }
  return read ? outcome : `${outcome} without read`;
}

async function seed(room: string, token: string, value: string): Promise<void> {
  const s = await connect(relay.wsUrl, room, token);
  await s.waitSynced();
  await s.waitStored(s.write((d) => d.getMap('m').set('seed', value)));
  await s.close();
}

beforeAll(async () => {
  relay = await startRelay();
  const d = relay.dataDir;
  t.county = (await createRegion(d, 'jiangle', '将乐县', 'county')).token;
  t.gucheng = (await createRegion(d, 'gucheng', '古镛镇', 'township', 'jiangle')).token;
  t.baiyan = (await createRegion(d, 'baiyan', '白莲镇', 'township', 'jiangle')).token;
  t.otherCounty = (await createRegion(d, 'ouhai', '瓯海区', 'county')).token;
  t.c1 = (await createCommunity(d, 'c1', '南山村', 'village', 'gucheng')).token;
  t.c3 = (await createCommunity(d, 'c3', '独立社区', 'urban')).token;
  t.member = (await createToken(d, 'c1', 'member', '王芳')).token;
  for (const kind of DOCS) await seed(communityRoom('c1', kind), t.c1, kind);
  for (const kind of DOCS) await seed(communityRoom('c3', kind), t.c3, kind);
  await seed('gucheng/region', t.gucheng, 'gucheng');
  await seed('baiyan/region', t.baiyan, 'baiyan');
  await seed('jiangle/region', t.county, 'jiangle');
}, 120_000);

afterAll(async () => {
  expect(await relay.stop()).toBe(0);
});

describe('region roles × a community’s documents (DESIGN.md table)', () => {
  it('a township and its county open c1’s documents exactly as PERMISSIONS says; never care, roster or work', async () => {
    const outcome: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const [who, role] of [['gucheng', 'township'], ['county', 'county']] as const) {
      for (const kind of DOCS) {
        outcome[`${role}/${kind}`] = await probe(communityRoom('c1', kind), t[who]!, kind);
        const a = PERMISSIONS[role][kind];
        expected[`${role}/${kind}`] = a === 'write' ? 'rw' : a === 'read' ? 'r' : 'refused 403';
      }
    }
    expect(outcome).toEqual(expected);
    for (const role of ['township', 'county']) for (const kind of ['care', 'roster', 'work']) expect(outcome[`${role}/${kind}`]).toBe('refused 403');
  });

  it('outside its region a region token opens nothing of a community', async () => {
    for (const kind of DOCS) {
      expect(await upgradeStatus(relay.wsUrl, communityRoom('c1', kind), t.baiyan), `another township, ${kind}`).toBe(403);
      expect(await upgradeStatus(relay.wsUrl, communityRoom('c1', kind), t.otherCounty), `another county, ${kind}`).toBe(403);
      expect(await upgradeStatus(relay.wsUrl, communityRoom('c3', kind), t.gucheng), `a community in no township, ${kind}`).toBe(403);
      expect(await upgradeStatus(relay.wsUrl, communityRoom('c3', kind), t.county), `a community in no township, ${kind}`).toBe(403);
    }
  });
});

describe('region documents', () => {
  it('own: read and write; the county above a township: read; a county’s townships: read; nothing else', async () => {
    const outcome = {
      townshipOwn: await probe('gucheng/region', t.gucheng!, 'gucheng'),
      townshipCounty: await probe('jiangle/region', t.gucheng!, 'jiangle'),
      townshipSibling: await probe('baiyan/region', t.gucheng!, 'baiyan'),
      countyOwn: await probe('jiangle/region', t.county!, 'jiangle'),
      countyTownship: await probe('gucheng/region', t.county!, 'gucheng'),
      otherCounty: await probe('gucheng/region', t.otherCounty!, 'gucheng'),
      secretary: await probe('gucheng/region', t.c1!, 'gucheng'),
      member: await probe('gucheng/region', t.member!, 'gucheng'),
      anonymous: `refused ${await upgradeStatus(relay.wsUrl, 'gucheng/region', null)}`,
    };
    expect(outcome).toEqual({
      townshipOwn: 'rw',
      townshipCounty: 'r',
      townshipSibling: 'refused 403',
      countyOwn: 'rw',
      countyTownship: 'r',
      otherCounty: 'refused 403',
      secretary: 'refused 403',
      member: 'refused 403',
      anonymous: 'refused 401',
    });
    expect(await upgradeStatus(relay.wsUrl, 'nowhere/region', t.county)).toBe(404);
  });
});

describe('moving a community between townships', () => {
  it('takes effect at the next connection', async () => {
    await setCommunityTownship(relay.dataDir, 'c3', 'baiyan');
    expect(await upgradeStatus(relay.wsUrl, 'c3/escalations', t.baiyan)).toBe(101);
    expect(await upgradeStatus(relay.wsUrl, 'c3/summary', t.county)).toBe(101);
    expect(await upgradeStatus(relay.wsUrl, 'c3/escalations', t.county)).toBe(403);
    await setCommunityTownship(relay.dataDir, 'c3', null);
    expect(await upgradeStatus(relay.wsUrl, 'c3/escalations', t.baiyan)).toBe(403);
  });
});

describe('the region API', () => {
  const get = (path: string, token: string) => fetch(`${relay.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  it('lists a county’s townships and communities, a township’s communities; a community token has no region', async () => {
    await setCommunityTownship(relay.dataDir, 'c3', 'baiyan');
    const county = await (await get('/api/region', t.county!)).json();
    expect(county.region).toMatchObject({ id: 'jiangle', level: 'county' });
    expect(county.townships.map((x: { id: string }) => x.id)).toEqual(['baiyan', 'gucheng']);
    expect(county.communities.map((x: { id: string; township: string }) => `${x.id}@${x.township}`).sort()).toEqual(['c1@gucheng', 'c3@baiyan']);
    const township = await (await get('/api/region', t.gucheng!)).json();
    expect(township.communities.map((x: { id: string }) => x.id)).toEqual(['c1']);
    expect((await get('/api/region', t.member!)).status).toBe(403);
    await setCommunityTownship(relay.dataDir, 'c3', null);
  });

  it('region staff invite their own staff only; the invitee joins the region', async () => {
    const invite = (role: string) =>
      fetch(`${relay.url}/api/invites`, { method: 'POST', headers: { authorization: `Bearer ${t.gucheng}`, 'content-type': 'application/json' }, body: JSON.stringify({ role }) });
    expect((await invite('secretary')).status).toBe(403);
    expect((await invite('county')).status).toBe(403);
    const ok = await invite('township');
    expect(ok.status).toBe(201);
    const { code } = await ok.json();
    const joined = await fetch(`${relay.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: '李干部' }) });
    expect(joined.status).toBe(201);
    const body = await joined.json();
    expect(body.region).toMatchObject({ id: 'gucheng', level: 'township' });
    expect(await upgradeStatus(relay.wsUrl, 'c1/escalations', body.token)).toBe(101);
    expect(await upgradeStatus(relay.wsUrl, 'c1/care', body.token)).toBe(403);
  });
});

describe('the county’s administrator from the app', () => {
  const post = (path: string, token: string, body: unknown) =>
    fetch(`${relay.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const join = async (url: string, name: string) => {
    const code = new URL(url, relay.url).hash.replace('#code=', '');
    const res = await fetch(`${relay.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) });
    expect(res.status).toBe(201);
    return res.json();
  };
  it('a county adds a township, the township adds a community; each comes with an invite for its first person', async () => {
    const made = await post('/api/region/townships', t.county!, { id: 'wanan', name: '万安镇' });
    expect(made.status).toBe(201);
    const township = await made.json();
    const staff = await join(township.invite.url, '陈干部');
    expect(staff).toMatchObject({ role: 'township', region: { id: 'wanan', parent: 'jiangle' } });
    const added = await post('/api/region/communities', staff.token, { id: 'xiping', name: '西坪村', kind: 'village' });
    expect(added.status).toBe(201);
    const community = await added.json();
    expect(community.community).toMatchObject({ id: 'xiping', township: 'wanan' });
    const secretary = await join(community.invite.url, '刘书记');
    expect(secretary).toMatchObject({ role: 'secretary', community: { id: 'xiping' } });
    expect(await upgradeStatus(relay.wsUrl, 'xiping/escalations', staff.token)).toBe(101);
    expect(await upgradeStatus(relay.wsUrl, 'xiping/summary', t.county)).toBe(101);
    // the county may add a community to any of its townships, naming it
    expect((await post('/api/region/communities', t.county!, { id: 'dongping', name: '东坪村', kind: 'village', township: 'wanan' })).status).toBe(201);
  });
  it('refuses what lies outside the region, a township adding a township, a taken id and a community token', async () => {
    expect((await post('/api/region/townships', t.gucheng!, { id: 'x2', name: 'X' })).status).toBe(403);
    expect((await post('/api/region/communities', t.county!, { id: 'x3', name: 'X', kind: 'urban', township: 'nowhere' })).status).toBe(403);
    expect((await post('/api/region/communities', t.otherCounty!, { id: 'x4', name: 'X', kind: 'urban', township: 'gucheng' })).status).toBe(403);
    expect((await post('/api/region/communities', t.county!, { id: 'x5', name: 'X', kind: 'urban' })).status).toBe(400);
    expect((await post('/api/region/townships', t.county!, { id: 'c1', name: 'X' })).status).toBe(409);
    expect((await post('/api/region/townships', t.c1!, { id: 'x6', name: 'X' })).status).toBe(403);
    expect((await post('/api/region/townships', t.county!, { id: 'Bad Id', name: 'X' })).status).toBe(400);
    const directory = await (await fetch(`${relay.url}/api/region`, { headers: { authorization: `Bearer ${t.county}` } })).json();
    expect(directory.communities.map((c: { id: string }) => c.id)).not.toContain('x3');
  });
});

describe('the command line', () => {
  it('refuses a township under an unknown county, a community in a county, and a community role for a region', async () => {
    const d = relay.dataDir;
    const bad = [
      await runCli(['region', 'create', 'x1', '--name', 'X', '--level', 'township', '--county', 'nowhere', '--data', d]),
      await runCli(['community', 'create', 'c9', '--name', 'Y', '--township', 'jiangle', '--data', d]),
      await runCli(['token', 'gucheng', '--role', 'secretary', '--name', 'Z', '--data', d]),
      await runCli(['token', 'c1', '--role', 'township', '--name', 'Z', '--data', d]),
      await runCli(['region', 'create', 'c1', '--name', 'X', '--level', 'county', '--data', d]),
    ];
    expect(bad.map((r) => r.code)).toEqual([1, 1, 1, 1, 1]);
    expect(bad.map((r) => r.stderr).join('\n')).toMatch(/unknown county nowhere[\s\S]*jiangle is a county, not a township[\s\S]*its tokens have role township[\s\S]*is a community[\s\S]*already exists/);
  });
});
