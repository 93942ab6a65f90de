/**
 * The county of the tier benchmark on a real relay: the county fixture's 152 communities, one
 * township of 20 (古镛镇) and the rest in seven others, created with the relay's CLI; each
 * community's `escalations` (three concerns escalated to the township: one waiting, one accepted,
 * one assigned back with a deadline long past) and `summary` (computeSummary of the generated
 * community) written through raw sync clients with its secretary's token.
 */
import * as Y from 'yjs';
import { actOnCase, computeSummary, escalateConcern, mirrorToEscalations, readEscalations, readMeetings, readRoster, readWork, reportConcern, writeSummary, type ConcernId, type MemberId } from '@lianxin/model';
import { generateCounty } from '../../fixtures/generateCounty';
import { createCommunity, createRegion, type RelayProcess } from '../../support/relayProcess';
import { connect } from '../../support/syncClient';

export const COUNTY = { id: 'jl-county', name: '将乐县' } as const;
export const TOWNSHIP = { id: 'gy-town', name: '古镛镇' } as const;
const OTHERS = ['水南镇', '高唐镇', '白莲镇', '黄潭镇', '万全乡', '漠源乡', '南口乡'].map((name, i) => ({ id: `t${i + 2}-town`, name }));
export const TOWNSHIP_SIZE = 20;
const CASES_PER_COMMUNITY = 3;

export interface SeededCounty {
  readonly townshipToken: string;
  readonly countyToken: string;
  readonly communities: number;
  /** cases on the township's desk (every case of its 20 communities) */
  readonly deskCases: number;
  /** bytes of the escalations and summary updates written per community (medians) */
  readonly escalationsBytes: number;
  readonly summaryBytes: number;
  readonly seconds: { readonly generate: number; readonly cli: number; readonly sync: number };
}

async function pool<T>(items: readonly T[], width: number, run: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        await run(items[i]!, i);
      }
    }),
  );
}

async function write(relay: RelayProcess, room: string, token: string, update: Uint8Array): Promise<void> {
  const client = await connect(relay.wsUrl, room, token);
  try {
    await client.waitSynced(20_000);
    const count = client.write((doc) => Y.applyUpdate(doc, update));
    await client.waitStored(count, 20_000);
  } finally {
    await client.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The two documents a community shows the tier above, from its generated documents. */
function tierDocs(c: ReturnType<typeof generateCounty>['communities'][number]): { escalations: Uint8Array; summary: Uint8Array } {
  const roster = readRoster(c.docs.roster).view;
  const work = new Y.Doc();
  Y.applyUpdate(work, Y.encodeStateAsUpdate(c.docs.work));
  const noon = Date.parse(`${c.today}T04:00:00Z`);
  const secretary = [...roster.members.values()][0]?.id ?? ('sec' as MemberId);
  const ids: ConcernId[] = [];
  for (let i = 0; i < CASES_PER_COMMUNITY; i++) {
    const ctx = { actor: secretary, now: noon - (10 - i) * 86_400_000 };
    const r = reportConcern(work, roster, { title: ['村道路灯不亮', '河堤护栏破损', '集中供水水压不足'][i]!, reporter: { type: 'text', text: '村民反映' }, category: '公共设施', place: { text: ['村口', '河堤', '水厂'][i]! } }, ctx);
    if (r.type !== 'done') throw new Error(`seed: ${r.message.en}`);
    const e = escalateConcern(work, r.value as ConcernId, { level: 'township', note: '需乡镇协调' }, { ...ctx, now: ctx.now + 3_600_000 });
    if (e.type !== 'done') throw new Error(`seed: ${e.message.en}`);
    ids.push(r.value as ConcernId);
  }
  const escalations = new Y.Doc();
  const workView = readWork(work).view;
  mirrorToEscalations(escalations, readEscalations(escalations).view, workView, roster, (by) => roster.members.get(by as MemberId)?.name ?? '书记');
  const staff = { actor: 't0', name: '陈干部' };
  actOnCase(escalations, ids[1]!, { type: 'accept' }, { ...staff, now: noon - 5 * 86_400_000 });
  actOnCase(escalations, ids[2]!, { type: 'assign', to: { kind: 'community' }, deadline: c.today, note: '请村委对接' }, { ...staff, now: noon - 4 * 86_400_000 });
  const summaryDoc = new Y.Doc();
  const meetings = readMeetings(c.docs.meetings, roster.settings.stepRules).view;
  writeSummary(summaryDoc, computeSummary(roster, workView, meetings, c.today, noon));
  return { escalations: Y.encodeStateAsUpdate(escalations), summary: Y.encodeStateAsUpdate(summaryDoc) };
}

export async function seedCounty(relay: RelayProcess, log: (line: string) => void): Promise<SeededCounty> {
  let t = Date.now();
  const county = generateCounty();
  const generate = (Date.now() - t) / 1000;
  log(`generated ${county.communities.length} communities in ${generate.toFixed(1)} s`);

  t = Date.now();
  const countyToken = (await createRegion(relay.dataDir, COUNTY.id, COUNTY.name, 'county')).token;
  const townshipToken = (await createRegion(relay.dataDir, TOWNSHIP.id, TOWNSHIP.name, 'township', COUNTY.id)).token;
  for (const o of OTHERS) await createRegion(relay.dataDir, o.id, o.name, 'township', COUNTY.id);
  const tokens: string[] = [];
  await pool(county.communities, 3, async (c, i) => {
    const township = i < TOWNSHIP_SIZE ? TOWNSHIP.id : OTHERS[(i - TOWNSHIP_SIZE) % OTHERS.length]!.id;
    tokens[i] = (await createCommunity(relay.dataDir, c.communityId, c.name, 'village', township)).token;
  });
  const cli = (Date.now() - t) / 1000;
  log(`created the county, 8 townships and ${tokens.length} communities with the CLI in ${cli.toFixed(1)} s`);

  t = Date.now();
  const escalationsBytes: number[] = [];
  const summaryBytes: number[] = [];
  await pool(county.communities, 6, async (c, i) => {
    const docs = tierDocs(c);
    escalationsBytes.push(docs.escalations.byteLength);
    summaryBytes.push(docs.summary.byteLength);
    await write(relay, `${c.communityId}/escalations`, tokens[i]!, docs.escalations);
    await write(relay, `${c.communityId}/summary`, tokens[i]!, docs.summary);
  });
  const sync = (Date.now() - t) / 1000;
  log(`wrote escalations and summary of each community through sync clients in ${sync.toFixed(1)} s`);
  return {
    townshipToken,
    countyToken,
    communities: county.communities.length,
    deskCases: TOWNSHIP_SIZE * CASES_PER_COMMUNITY,
    escalationsBytes: median(escalationsBytes),
    summaryBytes: median(summaryBytes),
    seconds: { generate, cli, sync },
  };
}
