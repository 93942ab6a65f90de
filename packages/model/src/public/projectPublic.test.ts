import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { ok, smallCommunity, testContext } from '../testSupport';
import { readRoster } from '../roster/readRoster';
import { editBuilding, editGrid, addGrid, addBuilding } from '../roster/structureCommands';
import { addHousehold, editHousehold, linkHousehold } from '../roster/householdCommands';
import { addMember } from '../roster/memberCommands';
import { readWork } from '../work/readWork';
import { readMeetings } from '../meetings/readMeetings';
import { createMatter, editMatter, recordStep } from '../meetings/matterCommands';
import { createMeeting, setAttendance } from '../meetings/meetingCommands';
import { addCareNote } from '../care/care';
import { projectBoards, projectPublic, projectResolution, publicViewOf, publishProjection } from './projectPublic';
import { readPublic } from './readPublic';
import { publishResolution } from './publish';
import type { Consent } from '../domain/vocabulary';

const ctx = testContext();

describe('public projection', () => {
  it('service boards name people only with consent', () => {
    const s = smallCommunity();
    ok(editBuilding(s.roster, s.b58, { cadreId: s.members.xu, compound: '刘村社区' }, ctx));
    ok(editGrid(s.roster, s.grid, { leaderId: s.members.zhao }, ctx));
    ok(editHousehold(s.roster, s.households[4]!, { roles: ['hub'], consent: 'name' }, ctx));
    ok(editHousehold(s.roster, s.households[5]!, { roles: ['police'] }, ctx));
    const boards = projectBoards(readRoster(s.roster).view);
    expect(boards.map((b) => b.label)).toEqual(['58号楼', '59号楼']);
    const b58 = boards[0]!;
    expect(b58.cadre).toEqual({ name: '徐上', phone: null, post: { zh: '支部委员', en: 'branch committee member' } });
    expect(b58.grid).toEqual({ label: '第一网格', leader: { name: '赵殿卿', phone: '13800000004', post: { zh: '网格长', en: 'grid leader' } } });
    const unit3 = b58.units.find((u) => u.label === '3单元')!;
    expect(unit3.householdCount).toBe(12);
    expect(unit3.members).toEqual([
      { name: '蒋全生', phone: '13800000001', post: null, households: 5 },
      { name: null, phone: null, post: null, households: 2 },
    ]);
    // The hub consented to its name; the police household did not and is not listed at all.
    expect(unit3.functionHouseholds).toEqual([{ role: 'hub', name: '住户5', phone: null }]);
    expect(b58.units.find((u) => u.label === '1单元')!.householdCount).toBe(0);
    expect(JSON.stringify(boards)).not.toContain('王丽娜');
  });

  it('publishes exactly the projection and reads it back', () => {
    const s = smallCommunity();
    const roster = readRoster(s.roster).view;
    const projection = projectPublic(roster, readWork(new Y.Doc()).view, readMeetings(new Y.Doc()).view, { asOf: '2024-03-20' });
    const pub = new Y.Doc();
    expect(publishProjection(pub, projection, ctx)).toEqual({ written: 4, skipped: 0 });
    const { view, problems } = readPublic(pub);
    expect(problems).toEqual([]);
    expect(view.boards).toEqual(projection.boards.map((b) => ({ ...b, publishedAt: ctx.now })));
    expect(view.community?.name).toBe('刘村社区');
    expect(view.statistics?.roster.households).toBe(12);
    expect(publicViewOf(projection, ctx.now!)).toEqual(view);
    // Republishing after a building is gone removes its board.
    const fewer = { ...projection, boards: projection.boards.slice(0, 1) };
    publishProjection(pub, fewer, ctx);
    expect(readPublic(pub).view.boards).toHaveLength(1);
  });

  it("carries the township's latest star rating (支部争五星) from escalations; none before a rating", () => {
    const roster = readRoster(smallCommunity().roster).view;
    const unrated = projectPublic(roster, readWork(new Y.Doc()).view, readMeetings(new Y.Doc()).view, { asOf: '2024-03-20' });
    expect(unrated.community.stars).toBeNull();
    const rating = { year: 2024, stars: 4, township: '古镛镇', notes: '内部备注', by: '李干部', at: 1 };
    const projection = projectPublic(roster, readWork(new Y.Doc()).view, readMeetings(new Y.Doc()).view, { asOf: '2024-03-20', rating });
    const pub = new Y.Doc();
    publishProjection(pub, projection, ctx);
    expect(readPublic(pub).view.community?.stars).toEqual({ year: 2024, stars: 4, township: '古镛镇' });
    expect(JSON.stringify(pub.toJSON())).not.toMatch(/内部备注|李干部/);
  });

  it('discloses a resolution with every step tally once the resolving vote passed', () => {
    const s = smallCommunity();
    const roster = readRoster(s.roster).view;
    const doc = new Y.Doc();
    const matter = ok(createMatter(doc, { title: '增加电动车充电桩', origin: { type: 'branch' } }, ctx));
    const everyone = [s.members.xu, s.members.wang, s.members.zhao, s.members.jiang].map((id) => ({ type: 'member' as const, id }));
    const reps = [2, 5, 8, 11].map((i) => ({ type: 'household' as const, id: s.households[i]! }));
    const steps = [
      ['propose', 'branchCommittee'],
      ['deliberate', 'jointCommittees'],
      ['review', 'memberAssembly'],
      ['resolve', 'representatives'],
    ] as const;
    steps.forEach(([step, kind], i) => {
      expect(projectResolution(readMeetings(doc).view, matter)).toBeNull();
      const meeting = ok(createMeeting(doc, { kind, date: `2024-03-1${i}` }, ctx));
      ok(setAttendance(doc, roster, meeting, step === 'resolve' ? [...reps, everyone[3]!] : everyone, true, ctx));
      ok(recordStep(doc, roster, { matterId: matter, step, meetingId: meeting, votes: { for: 3, against: 0, abstain: 0 } }, ctx));
    });
    expect(projectResolution(readMeetings(doc).view, matter)).toBeNull(); // no decision text yet
    ok(editMatter(doc, matter, { decision: '增加6个充电桩' }, ctx));
    const draft = projectResolution(readMeetings(doc).view, matter)!;
    expect(draft.decidedOn).toBe('2024-03-13');
    expect(draft.steps.map((x) => [x.step, x.due, x.present, x.meeting?.kind])).toEqual([
      ['propose', 3, 3, 'branchCommittee'],
      ['deliberate', 3, 3, 'jointCommittees'],
      ['review', 4, 4, 'memberAssembly'],
      ['resolve', 5, 5, 'representatives'],
    ]);
    expect(draft.steps[2]!.explanation.zh).toContain('出席 4 人,应到 4 人,达到三分之二(3 人)');
    const pub = new Y.Doc();
    ok(publishResolution(pub, draft, ctx));
    expect(readPublic(pub).view.disclosures[0]!.resolution!.steps).toHaveLength(4);
  });
});

// ---- property: nothing without consent, nothing from care ------------------------------

const consentArb = fc.constantFrom<Consent>('none', 'name', 'nameAndPhone');

describe('public projection (property)', () => {
  it('never carries a name or phone without consent, nor anything from care', () => {
    fc.assert(
      fc.property(
        fc.record({
          members: fc.array(fc.record({ consent: consentArb, post: fc.constantFrom(null, 'secretary', 'member') }), { minLength: 1, maxLength: 5 }),
          households: fc.array(fc.record({ consent: consentArb, roles: fc.subarray(['member', 'hub', 'police', 'business', 'property'] as const), link: fc.nat(10), rep: fc.boolean() }), { minLength: 1, maxLength: 8 }),
          leader: fc.nat(10),
          cadre: fc.nat(10),
          care: fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 3 }),
        }),
        (spec) => {
          const c = testContext();
          const roster = new Y.Doc();
          const care = new Y.Doc();
          const grid = ok(addGrid(roster, { name: '网格' }, c));
          const { buildingId, unitIds } = ok(addBuilding(roster, { gridId: grid, number: '1', units: ['1', '2'] }, c));
          // Unique, unguessable tokens, so a substring hit can only be a leak.
          const secrets: string[] = [];
          const members = spec.members.map((m, i) => {
            const name = `M${i}名${c.newId!()}`;
            const phone = `139${String(10_000_000 + i * 7919).slice(0, 8)}`;
            if (m.consent === 'none') secrets.push(name, phone);
            if (m.consent === 'name') secrets.push(phone);
            return ok(addMember(roster, { name, phone, consent: m.consent, branchPost: m.post as never }, c));
          });
          spec.households.forEach((h, i) => {
            const head = `H${i}户${c.newId!()}`;
            const phone = `137${String(20_000_000 + i * 104_729).slice(0, 8)}`;
            if (h.consent === 'none') secrets.push(head, phone);
            if (h.consent === 'name') secrets.push(phone);
            const room = `R${i}室${c.newId!()}`;
            secrets.push(room);
            const id = ok(addHousehold(roster, { buildingId, unitId: unitIds[i % 2]!, room, head, phone, roles: [...h.roles], consent: h.consent, representative: h.rep }, c));
            const member = members[h.link % members.length]!;
            ok(linkHousehold(roster, id, member, c));
            for (const text of spec.care) {
              const secret = `CARE${c.newId!()}${text}`;
              secrets.push(secret);
              ok(addCareNote(care, { householdId: id, kind: 'health', text: secret }, c));
            }
          });
          ok(editGrid(roster, grid, { leaderId: members[spec.leader % members.length]! }, c));
          ok(editBuilding(roster, buildingId, { cadreId: members[spec.cadre % members.length]! }, c));
          const view = readRoster(roster).view;
          const projection = projectPublic(view, readWork(new Y.Doc()).view, readMeetings(new Y.Doc()).view, { asOf: '2024-03-20' });
          const pub = new Y.Doc();
          publishProjection(pub, projection, c);
          const texts = [JSON.stringify(projection), JSON.stringify(pub.toJSON()), JSON.stringify(readPublic(pub).view)];
          for (const text of texts) for (const secret of secrets) expect(text.includes(secret), secret).toBe(false);
          // And consented names do appear (the projection is not just empty).
          for (const [i, m] of spec.members.entries()) {
            const name = view.members.get(members[i]!)!.name;
            const shown = texts[0]!.includes(name);
            const onBoard = [...view.households.values()].some((h) => h.memberId === members[i]) || spec.leader % members.length === i || spec.cadre % members.length === i;
            if (m.consent !== 'none' && onBoard) expect(shown).toBe(true);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
