/**
 * A realistic `public` document built only through the model's publish commands (what a
 * committee's client writes): for the sub-app's tests and the benchmark. Deterministic.
 */
import * as Y from 'yjs';
import {
  publishBoards,
  publishCommunity,
  publishResolution,
  publishResult,
  publishStatistics,
  type CommandResult,
  type PublicBoardDraft,
  type PublicResolutionDraft,
} from '@lianxin/model';

export interface SamplePublicOptions {
  readonly disclosures?: number;
  readonly buildings?: number;
  readonly unitsPerBuilding?: number;
  /** Publish time of the first disclosure; later ones are a day apart. */
  readonly now?: number;
}

export const SAMPLE_NOW = Date.UTC(2024, 3, 10, 2);
const DAY = 86_400_000;

function must<T>(result: CommandResult<T>): T {
  if (result.type !== 'done') throw new Error(`sample publish rejected: ${result.message.en}`);
  return result.value;
}

function iso(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function sampleResolution(i: number, now: number): PublicResolutionDraft {
  const day = (offset: number) => iso(now - offset * DAY);
  return {
    matterId: `matter${String(i).padStart(4, '0')}`,
    title: `第${i + 1}项:${i % 2 === 0 ? '增加电动车充电桩' : '老旧小区屋面防水维修'}`,
    summary: `${i + 8}号楼居民反映充电难,经党员走访收集意见 ${20 + (i % 7)} 条。\n拟在${i + 8}号楼旁增加6个充电桩。`,
    decision: `同意在${i + 8}号楼旁增加6个电动小轿车充电桩,费用由物业专项资金列支。`,
    decidedOn: day(10),
    steps: [
      { step: 'propose', date: day(30), meeting: { kind: 'branchCommittee', title: '支委会' }, due: 5, present: 5, votes: null, passed: true, explanation: { zh: '党组织提出议案', en: 'The branch made the proposal' } },
      { step: 'deliberate', date: day(25), meeting: { kind: 'jointCommittees', title: '两委联席会议' }, due: 9, present: 8, votes: { for: 8, against: 0, abstain: 0 }, passed: true, explanation: { zh: '赞成 8 票,超过半数', en: '8 for: a majority' } },
      { step: 'review', date: day(20), meeting: { kind: 'memberAssembly', title: '党员大会' }, due: 31, present: 25, votes: { for: 24, against: 0, abstain: 1 }, passed: true, explanation: { zh: '出席 25 人,达到应到人数三分之二;赞成 24 票,超过应到人数半数', en: '25 of 31 present (two thirds reached); 24 for, more than half of those due' } },
      { step: 'resolve', date: day(10), meeting: { kind: 'representatives', title: '居民代表会议' }, due: 45, present: 38, votes: { for: 35, against: 2, abstain: 1 }, passed: true, explanation: { zh: '出席 38 人,达到三分之二;赞成 35 票,超过出席人数半数', en: '38 of 45 present; 35 for, more than half of those present' } },
    ],
  };
}

export function sampleBoard(b: number, unitsPerBuilding: number): PublicBoardDraft {
  const units = Array.from({ length: unitsPerBuilding }, (_, u) => ({
    unitId: `unit${b}x${u + 1}`,
    label: `${u + 1}单元`,
    householdCount: 12,
    members: [
      { name: u === 0 ? '蒋全生' : null, phone: u === 0 ? '13800000000' : null, post: null, households: 6 },
      { name: `党员${b}-${u}`, phone: null, post: null, households: 6 },
    ],
    functionHouseholds: u === 0 ? [{ role: 'hub' as const, name: '王秀英', phone: null }] : [],
  }));
  return {
    buildingId: `bldg${b}`,
    order: b,
    label: `${b}号楼`,
    compound: b % 3 === 0 ? '兴华小区' : null,
    grid: { label: `第${Math.floor((b - 1) / 4) + 1}网格`, leader: { name: '李红', phone: '13900000000', post: { zh: '网格长', en: 'grid leader' } } },
    cadre: { name: b % 2 === 0 ? null : '徐上', phone: null, post: { zh: '支部委员', en: 'branch committee member' } },
    householdCount: 12 * unitsPerBuilding,
    units,
  };
}

/** A community's public document: info, statistics, boards, and `disclosures` resolutions (every other one with a result). */
export function samplePublicDoc(options: SamplePublicOptions = {}): Y.Doc {
  const doc = new Y.Doc();
  fillSamplePublicDoc(doc, options);
  return doc;
}

export function fillSamplePublicDoc(doc: Y.Doc, options: SamplePublicOptions = {}): void {
  const now = options.now ?? SAMPLE_NOW;
  const ctx = { actor: 'secretary', now };
  must(
    publishCommunity(
      doc,
      { name: '刘村社区', kind: 'urban', township: '豫龙镇', address: '刘村路 1 号', phone: '0371-6312 3456', officeHours: '工作日 8:30–17:30', intro: '刘村社区党委下设 4 个网格党支部。\n欢迎居民反映问题、提出建议。' },
      ctx,
    ),
  );
  must(
    publishStatistics(
      doc,
      {
        asOf: iso(now),
        from: '2024-01-01',
        concerns: { collected: 120, responded: 117, resolved: 110, confirmed: 96, satisfied: 92, resolvedByLevel: { member: 70, grid: 25, community: 12, township: 3 } },
        rates: { response: 0.975, resolution: 0.9167, satisfaction: 0.9583 },
        medianDaysToResolve: 2.5,
        visits: { linkedHouseholds: 360, visitedWithinInterval: 331, coverage: 0.919, intervalDays: 14 },
        roster: { households: 400, members: 62, linkedHouseholds: 360 },
      },
      ctx,
    ),
  );
  const buildings = options.buildings ?? 6;
  must(publishBoards(doc, Array.from({ length: buildings }, (_, i) => sampleBoard(i + 1, options.unitsPerBuilding ?? 3)), ctx));
  const count = options.disclosures ?? 3;
  for (let i = 0; i < count; i++) {
    const at = now + i * DAY;
    const draft = sampleResolution(i, at);
    must(publishResolution(doc, draft, { ...ctx, now: at }));
    if (i % 2 === 0) {
      must(publishResult(doc, { matterId: draft.matterId, title: draft.title, text: `${iso(at)} 已完成安装并投入使用。`, completedOn: iso(at) }, { ...ctx, now: at + 1000 }));
    }
  }
}
