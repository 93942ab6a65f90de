/** Helpers for this package's tests (not exported from index). */
import * as Y from 'yjs';
import { createIdSource } from './core/ids';
import type { CommandContext } from './core/context';
import type { CommandResult } from './core/result';
import { addBuilding, addGrid, updateSettings } from './roster/structureCommands';
import { addHousehold } from './roster/householdCommands';
import { addMember } from './roster/memberCommands';
import type { BuildingId, GridId, HouseholdId, MemberId, UnitId } from './core/ids';

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const T0 = Date.UTC(2024, 2, 1, 2); // 2024-03-01 10:00 CST

/** A context with a fixed clock and seeded ids; `at(days)` moves the clock. */
let nextSeed = 1;

/** Each call gets its own id sequence (two contexts with one seed would mint the same ids). */
export function testContext(actor = 'sec', seed = nextSeed++): CommandContext & { at: (days: number, actorOverride?: string) => CommandContext } {
  const newId = createIdSource(prng(seed));
  const base = { actor, now: T0, newId };
  return { ...base, at: (days: number, actorOverride?: string) => ({ actor: actorOverride ?? actor, now: T0 + days * 86_400_000, newId }) };
}

export function ok<T>(r: CommandResult<T>): T {
  if (r.type !== 'done') throw new Error(`command rejected: ${r.code} ${r.message.en}`);
  return r.value;
}

export interface Small {
  roster: Y.Doc;
  grid: GridId;
  grid2: GridId;
  b58: BuildingId;
  b59: BuildingId;
  u1: UnitId;
  u3: UnitId;
  u59: UnitId;
  members: { jiang: MemberId; xu: MemberId; wang: MemberId; zhao: MemberId };
  households: HouseholdId[];
}

/**
 * 刘村社区 in miniature: two grids, 58号楼 (units 1 and 3) and 59号楼 (unit 1), four members,
 * twelve households in 58-3, linked to 蒋全生 (6) and 王丽娜 (2).
 */
export function smallCommunity(ctx: CommandContext = testContext()): Small {
  const roster = new Y.Doc();
  ok(updateSettings(roster, { name: '刘村社区', kind: 'urban', township: '豫龙镇' }, ctx));
  const grid = ok(addGrid(roster, { name: '第一网格' }, ctx));
  const grid2 = ok(addGrid(roster, { name: '第二网格' }, ctx));
  const b58 = ok(addBuilding(roster, { gridId: grid, number: '58', units: ['1', '3'] }, ctx));
  const b59 = ok(addBuilding(roster, { gridId: grid2, number: '59', units: ['1'] }, ctx));
  const [u1, u3] = b58.unitIds as [UnitId, UnitId];
  const u59 = b59.unitIds[0]!;
  const home = ok(addHousehold(roster, { buildingId: b58.buildingId, unitId: u3, room: '101', head: '蒋全生', phone: '13800000001', size: 2, roles: ['member'] }, ctx));
  const jiang = ok(addMember(roster, { name: '蒋全生', phone: '13800000001', householdId: home, consent: 'nameAndPhone', representative: true }, ctx));
  const xu = ok(addMember(roster, { name: '徐上', phone: '13800000002', branchPost: 'member', consent: 'name' }, ctx));
  const wang = ok(addMember(roster, { name: '王丽娜', phone: '13800000003', branchPost: 'secretary', residentsPost: 'director' }, ctx));
  const zhao = ok(addMember(roster, { name: '赵殿卿', phone: '13800000004', branchPost: 'deputy', consent: 'nameAndPhone' }, ctx));
  const households: HouseholdId[] = [home];
  for (let i = 2; i <= 12; i++) {
    const memberId = i <= 6 ? jiang : i <= 8 ? wang : null;
    households.push(ok(addHousehold(roster, { buildingId: b58.buildingId, unitId: u3, room: `${Math.ceil(i / 2)}0${i % 2 ? 1 : 2}`, head: `住户${i}`, phone: `1390000000${i % 10}`, size: 3, memberId, representative: i % 3 === 0 }, ctx)));
  }
  return { roster, grid, grid2, b58: b58.buildingId, b59: b59.buildingId, u1, u3, u59, members: { jiang, xu, wang, zhao }, households };
}

/** Syncs two docs both ways. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
}

/** A second replica of a doc. */
export function fork(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc), 'remote');
  return copy;
}
