/**
 * Property: 3–5 peers apply random commands under random network partitions, then sync fully.
 * Every peer must end with the same documents and the same views, and every invariant must hold
 * or its violation be reported as a problem (never silently accepted).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { ok, smallCommunity, testContext, T0 } from './testSupport';
import { createIdSource } from './core/ids';
import { dayOf, type CommandContext } from './core/context';
import type { Problem } from './core/problem';
import { readRoster } from './roster/readRoster';
import { addHousehold, editHousehold, linkHousehold, moveHousehold, removeHousehold } from './roster/householdCommands';
import { addPoints, addRelation, editMember, removeMember } from './roster/memberCommands';
import { removeBuilding } from './roster/structureCommands';
import { readWork } from './work/readWork';
import { acceptConcern, confirmConcern, escalateConcern, handBackConcern, reopenConcern, reportConcern, resolveConcern } from './work/concernCommands';
import { raiseMustVisit, recordVisit } from './work/visitCommands';
import { readMeetings } from './meetings/readMeetings';
import { createMeeting, setAttendance } from './meetings/meetingCommands';
import { createMatter, editMatter, recordStep, voidStepRecord } from './meetings/matterCommands';
import { dueSet } from './meetings/due';
import { projectPublic } from './public/projectPublic';
import { LEVELS, MATTER_STEPS, type MeetingKind, type MatterStep } from './domain/vocabulary';
import type { MeetingId } from './core/ids';

const DOCS = ['roster', 'work', 'meetings'] as const;
type Peer = Record<(typeof DOCS)[number], Y.Doc>;

const KINDS: Record<MatterStep, MeetingKind | null> = { propose: 'branchCommittee', deliberate: 'jointCommittees', review: 'memberAssembly', resolve: 'representatives', discloseResolution: null, discloseResult: null };

function initialState() {
  const s = smallCommunity(testContext('setup'));
  const c = testContext('setup');
  const roster = readRoster(s.roster).view;
  const meetings = new Y.Doc();
  const work = new Y.Doc();
  const meetingFor = new Map<MatterStep, MeetingId>();
  for (const step of MATTER_STEPS) {
    const kind = KINDS[step];
    if (!kind) continue;
    const id = ok(createMeeting(meetings, { kind, date: '2024-03-01' }, c));
    const body = roster.settings.stepRules[step].body!;
    const attendees = [...dueSet(roster, body)].map((k) => (k.startsWith('m:') ? { type: 'member' as const, id: k.slice(2) as never } : { type: 'household' as const, id: k.slice(2) as never }));
    ok(setAttendance(meetings, roster, id, attendees, true, c));
    meetingFor.set(step, id);
  }
  for (const title of ['充电桩', '路灯']) {
    const m = ok(createMatter(meetings, { title, origin: { type: 'branch' } }, c));
    ok(editMatter(meetings, m, { decision: `${title}决议`, resultText: `${title}完成`, completedOn: '2024-03-01' }, c));
  }
  ok(reportConcern(work, roster, { title: '漏水', reporter: { type: 'household', householdId: s.households[1]! } }, c));
  return { s, docs: { roster: s.roster, work, meetings } as Peer, meetingFor };
}

const op = fc.record({
  peer: fc.nat(4),
  kind: fc.constantFrom(
    'editPhone', 'link', 'unlink', 'move', 'removeHousehold', 'addHousehold', 'removeMember', 'retireMember', 'points', 'relation', 'removeBuilding',
    'report', 'accept', 'escalate', 'handBack', 'resolve', 'confirm', 'unsatisfied', 'reopen', 'visit', 'mustVisit',
    'step', 'step', 'step', 'voidStep',
  ),
  a: fc.nat(1000),
  b: fc.nat(1000),
});
const round = fc.record({ groups: fc.array(fc.nat(2), { minLength: 5, maxLength: 5 }), ops: fc.array(op, { maxLength: 8 }) });
const scenario = fc.record({ peers: fc.integer({ min: 3, max: 5 }), rounds: fc.array(round, { minLength: 1, maxLength: 5 }) });

function syncAll(group: Peer[]): void {
  for (const name of DOCS) {
    const merged = Y.mergeUpdates(group.map((p) => Y.encodeStateAsUpdate(p[name])));
    for (const p of group) Y.applyUpdate(p[name], merged, 'remote');
  }
}

function run(peer: Peer, kind: string, a: number, b: number, ctx: CommandContext, meetingFor: Map<MatterStep, MeetingId>): void {
  const roster = readRoster(peer.roster).view;
  const hs = [...roster.households.keys()].sort();
  const ms = [...roster.members.keys()].sort();
  const h = hs[a % Math.max(1, hs.length)];
  const m = ms[b % Math.max(1, ms.length)];
  const units = [...roster.units.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
  const work = readWork(peer.work).view;
  const concerns = [...work.concerns.keys()].sort();
  const c = concerns[a % Math.max(1, concerns.length)];
  const day = dayOf(ctx.now!);
  switch (kind) {
    case 'editPhone': if (h) editHousehold(peer.roster, h, { phone: `1380000${String(b).padStart(4, '0')}` }, ctx); break;
    case 'link': if (h && m) linkHousehold(peer.roster, h, m, ctx); break;
    case 'unlink': if (h) linkHousehold(peer.roster, h, null, ctx); break;
    case 'move': {
      const u = units[b % units.length];
      if (h && u) moveHousehold(peer.roster, h, { buildingId: u.buildingId, unitId: u.id, room: String(900 + (b % 50)) }, ctx);
      break;
    }
    case 'removeHousehold': if (h && a % 3 === 0) removeHousehold(peer.roster, h, ctx); break;
    case 'addHousehold': {
      const u = units[a % units.length];
      if (u) addHousehold(peer.roster, { buildingId: u.buildingId, unitId: u.id, room: `A${b}`, head: `新户${b}`, memberId: m ?? null }, ctx);
      break;
    }
    case 'removeMember': if (m && a % 4 === 0) removeMember(peer.roster, m, ctx); break;
    case 'retireMember': if (m && a % 4 === 0) editMember(peer.roster, m, { active: false }, ctx); break;
    case 'points': if (m) addPoints(peer.roster, { memberId: m, amount: 1 + (b % 5), reason: '夜巡' }, ctx); break;
    case 'relation': if (h && m) addRelation(peer.roster, { memberId: m, householdId: h, relation: '亲属' }, ctx); break;
    case 'removeBuilding': {
      const b59 = [...roster.buildings.values()].find((x) => x.number === '59');
      if (b59 && a % 5 === 0) removeBuilding(peer.roster, b59.id, ctx);
      break;
    }
    case 'report': if (h) reportConcern(peer.work, roster, { title: `问题${a}`, reporter: { type: 'household', householdId: h } }, ctx); break;
    case 'accept': if (c) acceptConcern(peer.work, c, {}, ctx); break;
    case 'escalate': if (c) escalateConcern(peer.work, c, { level: LEVELS[1 + (b % 3)] }, ctx); break;
    case 'handBack': if (c) handBackConcern(peer.work, c, {}, ctx); break;
    case 'resolve': if (c) resolveConcern(peer.work, c, { note: '已处理' }, ctx); break;
    case 'confirm': if (c) confirmConcern(peer.work, c, { satisfied: true }, ctx); break;
    case 'unsatisfied': if (c) confirmConcern(peer.work, c, { satisfied: false }, ctx); break;
    case 'reopen': if (c) reopenConcern(peer.work, c, {}, ctx); break;
    case 'visit': if (h && m) recordVisit(peer.work, roster, { memberId: m, householdId: h, date: day, kind: (['routine', 'hardship', 'accident', 'conflict'] as const)[b % 4]! }, ctx); break;
    case 'mustVisit': if (h) raiseMustVisit(peer.work, roster, { householdId: h, reason: (['hardship', 'accident', 'conflict'] as const)[b % 3]!, date: day }, ctx); break;
    case 'step': {
      const meetings = readMeetings(peer.meetings, roster.settings.stepRules).view;
      const matters = [...meetings.matters.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
      const matter = matters[a % matters.length];
      if (!matter || !matter.next) break;
      const meetingId = meetingFor.get(matter.next) ?? null;
      const present = meetingId ? meetings.meetings.get(meetingId)!.present : new Set();
      const body = roster.settings.stepRules[matter.next].body;
      const n = body ? [...dueSet(roster, body)].filter((p) => present.has(p)).length : 0;
      recordStep(peer.meetings, roster, { matterId: matter.id, step: matter.next, meetingId, date: '2024-03-01', votes: body ? { for: n, against: 0, abstain: 0 } : null }, ctx);
      break;
    }
    case 'voidStep': {
      const records = [...readMeetings(peer.meetings).view.matters.values()].flatMap((x) => x.records).filter((r) => !r.voided).sort((x, y) => (x.id < y.id ? -1 : 1));
      const r = records[a % Math.max(1, records.length)];
      if (r && b % 3 === 0) voidStepRecord(peer.meetings, r.id, '录错', ctx);
      break;
    }
  }
}

function reported(problems: Problem[], path: string): boolean {
  return problems.some((p) => p.path === path);
}

function checkInvariants(peer: Peer): void {
  const { view: roster, problems: rp } = readRoster(peer.roster);
  // Referential integrity of the view, and every raw entry the view dropped is reported.
  for (const h of roster.households.values()) {
    expect(roster.buildings.has(h.buildingId)).toBe(true);
    if (h.unitId) expect(roster.units.get(h.unitId)?.buildingId).toBe(h.buildingId);
    if (h.memberId) expect(roster.members.has(h.memberId)).toBe(true);
  }
  peer.roster.getMap('households').forEach((_, id) => {
    if (!roster.households.has(id as never)) expect(reported(rp, `households/${id}`)).toBe(true);
  });
  const rawHouseholds = peer.roster.getMap('households');
  for (const h of roster.households.values()) {
    const raw = rawHouseholds.get(h.id) as { memberId?: string | null };
    const overlay = peer.roster.getMap('edits/households').get(`${h.id}/memberId`);
    const stored = overlay !== undefined ? overlay : (raw.memberId ?? null);
    if (stored !== h.memberId) expect(reported(rp, `households/${h.id}`)).toBe(true);
  }

  const { view: work, problems: wp } = readWork(peer.work);
  for (const c of work.concerns.values()) {
    expect(['open', 'inProgress', 'resolved', 'confirmed']).toContain(c.status);
    for (const e of c.history) if (!e.applied) expect(reported(wp, `concernEvents/${e.id}`)).toBe(true);
  }

  const { view: meetings, problems: mp } = readMeetings(peer.meetings, roster.settings.stepRules);
  for (const matter of meetings.matters.values()) {
    let open = false;
    for (const st of matter.steps) {
      if (open) expect(st.state === 'pending' || st.state === 'conflict').toBe(true);
      if (st.state !== 'passed') open = true;
    }
    const accepted = new Set(matter.steps.filter((st) => st.state === 'passed').map((st) => st.record!.id));
    for (const r of matter.records) {
      if (r.voided || accepted.has(r.id)) continue;
      // Not accepted: either an honest failed attempt of the current step, or reported.
      const current = matter.steps.find((st) => st.step === r.step)!;
      const honestFailure = current.state === 'failed' && !r.evaluation.passed;
      if (!honestFailure) expect(reported(mp, `steps/${r.id}`)).toBe(true);
    }
  }
  expect(() => projectPublic(roster, work, meetings, { asOf: '2024-03-31' })).not.toThrow();
}

/** JSON with sorted keys, maps and sets: Y.Map iteration order differs between replicas. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => {
    if (v instanceof Map) return [...v.entries()].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
    if (v instanceof Set) return [...v].sort();
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)));
    return v;
  });
}

const viewJson = (peer: Peer) =>
  canonical([readRoster(peer.roster), readWork(peer.work), readMeetings(peer.meetings)].map((r) => ({ view: r.view, problems: r.problems.map((p) => p.path).sort() })));

describe('convergence under partitions', () => {
  it('all peers end equal, invariants hold or are reported', () => {
    // Not vacuous: across the runs, merges must have produced reported conflicts of each kind.
    const seen = new Set<string>();
    fc.assert(
      fc.property(scenario, ({ peers: count, rounds }) => {
        const { docs, meetingFor } = initialState();
        const peers: Peer[] = [];
        for (let i = 0; i < count; i++) {
          const peer = {} as Peer;
          for (const name of DOCS) {
            const d = new Y.Doc();
            d.clientID = 1000 + i * 10 + DOCS.indexOf(name);
            Y.applyUpdate(d, Y.encodeStateAsUpdate(docs[name]), 'remote');
            peer[name] = d;
          }
          peers.push(peer);
        }
        const ids = peers.map((_, i) => createIdSource(((seed) => () => ((seed = (seed * 16807) % 2147483647) / 2147483647))(i + 11)));
        let tick = 0;
        for (const r of rounds) {
          for (const o of r.ops) {
            const i = o.peer % count;
            tick++;
            run(peers[i]!, o.kind, o.a, o.b, { actor: `peer${i}`, now: T0 + tick * 3_600_000, newId: ids[i]! }, meetingFor);
          }
          // Partition: peers with the same group number talk to each other this round.
          const groups = new Map<number, Peer[]>();
          peers.forEach((p, i) => groups.set(r.groups[i]!, [...(groups.get(r.groups[i]!) ?? []), p]));
          for (const g of groups.values()) syncAll(g);
        }
        syncAll(peers);
        for (const name of DOCS) {
          // Top-level names some peer has used; a peer that never read one has not typed it yet.
          const names = [...new Set(peers.flatMap((p) => [...p[name].share.keys()]))].sort();
          const snapshot = (d: Y.Doc) => canonical(names.map((n) => [n, d.getMap(n).toJSON()]));
          const first = snapshot(peers[0]![name]);
          for (const p of peers.slice(1)) {
            expect(snapshot(p[name])).toBe(first);
            expect(Y.encodeStateVector(p[name])).toEqual(Y.encodeStateVector(peers[0]![name]));
          }
        }
        const expected = viewJson(peers[0]!);
        for (const p of peers.slice(1)) expect(viewJson(p)).toBe(expected);
        for (const p of peers) checkInvariants(p);
        for (const r of [readRoster(peers[0]!.roster), readWork(peers[0]!.work), readMeetings(peers[0]!.meetings)]) for (const p of r.problems) seen.add(p.code);
      }),
      { numRuns: 60, seed: 20240301 },
    );
    expect([...seen].sort()).toEqual(expect.arrayContaining(['concern-conflict', 'dangling-ref', 'step-order']));
  });
});
