/**
 * The public projection: exactly what the `public` document may hold, computed from roster, work
 * and meetings. It never takes `care`, and it applies consent: a person's name appears only with
 * consent `name` or `nameAndPhone`, a phone only with `nameAndPhone`. Rooms, household heads
 * without consent, notes, visits and concern details never appear.
 */
import * as Y from 'yjs';
import { dayOf, resolveContext, type CommandContext } from '../core/context';
import type { MatterId } from '../core/ids';
import type { IsoDate } from '../core/schema';
import { LABELS, type Consent } from '../domain/vocabulary';
import type { Matter, MeetingsView } from '../meetings/meetingsView';
import { buildingLabel, unitLabel } from '../roster/labels';
import type { Household, Member, RosterView } from '../roster/rosterView';
import { computeStatistics } from '../work/statistics';
import type { WorkView } from '../work/workView';
import type { PublicCommunityDraft, PublicBoardDraft, PublicResolutionDraft, PublicResultDraft, PublicStatisticsDraft } from './publish';
import { PublicLayout, PUBLIC_SCHEMA_VERSION } from './publicLayout';
import { PublicBoardSchema, PublicCommunitySchema, PublicResolutionSchema, PublicResultSchema, PublicStatisticsSchema, type PublicPerson, type PublicStep, type PublicView } from './publicSchema';
import { readPublic } from './readPublic';
import type { Text } from '../core/text';
import type { SharedRatingRecord } from '../tier/escalationsSchema';
import { compareZhNumeric } from '../core/zhCollator';

export interface PublicProjection {
  readonly community: PublicCommunityDraft;
  /** Matters whose resolving vote (step 4) passed and whose decision is written. */
  readonly resolutions: readonly PublicResolutionDraft[];
  /** Of those, matters whose result and completion day are written. */
  readonly results: readonly PublicResultDraft[];
  readonly boards: readonly PublicBoardDraft[];
  readonly statistics: PublicStatisticsDraft;
}


function shownName(consent: Consent, name: string): string | null {
  return consent === 'name' || consent === 'nameAndPhone' ? name : null;
}

function shownPhone(consent: Consent, phone: string | null): string | null {
  return consent === 'nameAndPhone' ? phone : null;
}

function postOf(m: Member): Text | null {
  if (m.branchPost) return LABELS.branchPost[m.branchPost];
  if (m.residentsPost) return LABELS.residentsPost[m.residentsPost];
  return null;
}

export function publicPerson(m: Member, post: Text | null = postOf(m)): PublicPerson {
  return { name: shownName(m.consent, m.name), phone: shownPhone(m.consent, m.phone), post };
}

/** The community's info; `rating`: the township's latest rating as copied into `escalations` (readSharedRatings), if any. */
export function projectCommunity(roster: RosterView, rating: SharedRatingRecord | null = null): PublicCommunityDraft {
  const s = roster.settings;
  const stars = rating ? { year: rating.year, stars: rating.stars, township: rating.township } : null;
  return { name: s.name, kind: s.kind, township: s.township, address: s.address, phone: s.phone, officeHours: s.officeHours, intro: s.intro, timeZone: s.timeZone, stars };
}

const GRID_LEADER: Text = { zh: '网格长', en: 'grid leader' };
const CADRE: Text = { zh: '联片干部', en: 'responsible cadre' };

/** 服务牌 for every building: cadre, grid leader, and per unit the linked members. */
export function projectBoards(roster: RosterView): PublicBoardDraft[] {
  const unitsByBuilding = new Map<string, string[]>();
  for (const u of roster.units.values()) unitsByBuilding.set(u.buildingId, [...(unitsByBuilding.get(u.buildingId) ?? []), u.id]);
  const householdsBySection = new Map<string, Household[]>();
  for (const h of roster.households.values()) {
    const key = `${h.buildingId}/${h.unitId ?? ''}`;
    const list = householdsBySection.get(key);
    if (list) list.push(h);
    else householdsBySection.set(key, [h]);
  }
  const active = (id: string | null) => {
    const m = id ? roster.members.get(id as Member['id']) : undefined;
    return m && m.active ? m : null;
  };
  const boards: PublicBoardDraft[] = [];
  for (const b of roster.buildings.values()) {
    const grid = roster.grids.get(b.gridId);
    const leader = active(grid?.leaderId ?? null);
    const cadre = active(b.cadreId);
    const unitIds = [...(unitsByBuilding.get(b.id) ?? [])].sort((x, y) => compareZhNumeric(roster.units.get(x as never)?.number ?? '', roster.units.get(y as never)?.number ?? ''));
    const sections: Array<string | null> = [...unitIds];
    if ((householdsBySection.get(`${b.id}/`) ?? []).length) sections.push(null);
    const units = sections.map((unitId) => {
      const households = householdsBySection.get(`${b.id}/${unitId ?? ''}`) ?? [];
      const counts = new Map<string, number>();
      for (const h of households) if (h.memberId) counts.set(h.memberId, (counts.get(h.memberId) ?? 0) + 1);
      const members = [...counts]
        .map(([id, households]) => ({ m: active(id), households }))
        .filter((x): x is { m: Member; households: number } => x.m !== null)
        .sort((x, y) => y.households - x.households || (x.m.id < y.m.id ? -1 : 1))
        .map(({ m, households }) => ({ ...publicPerson(m, null), households }));
      const functionHouseholds = households
        .filter((h) => h.roles.length > 0 && h.consent !== 'none')
        .sort((x, y) => compareZhNumeric(x.room, y.room))
        .flatMap((h) => h.roles.map((role) => ({ role, name: shownName(h.consent, h.head), phone: shownPhone(h.consent, h.phone) })));
      const unit = unitId ? roster.units.get(unitId as never) : undefined;
      return { unitId, label: unit ? unitLabel(unit) : '', householdCount: households.length, members, functionHouseholds };
    });
    boards.push({
      buildingId: b.id,
      order: 0,
      label: buildingLabel(b),
      compound: b.compound,
      grid: grid ? { label: grid.name, leader: leader ? publicPerson(leader, GRID_LEADER) : null } : null,
      cadre: cadre ? publicPerson(cadre, postOf(cadre) ?? CADRE) : null,
      householdCount: units.reduce((n, u) => n + u.householdCount, 0),
      units,
    });
  }
  const gridOrder = (id: string | undefined) => (id ? (roster.grids.get(id as never)?.order ?? 0) : 0);
  const gridOf = new Map([...roster.buildings.values()].map((b) => [b.id as string, b.gridId as string]));
  boards.sort((x, y) => gridOrder(gridOf.get(x.buildingId)) - gridOrder(gridOf.get(y.buildingId)) || compareZhNumeric(x.grid?.label ?? '', y.grid?.label ?? '') || compareZhNumeric(x.label, y.label));
  return boards.map((b, i) => ({ ...b, order: i }));
}

function publicSteps(matter: Matter, meetings: MeetingsView): PublicStep[] {
  return matter.steps
    .filter((s) => s.state === 'passed' && s.record)
    .map((s) => {
      const r = s.record!;
      const meeting = r.meetingId ? meetings.meetings.get(r.meetingId) : undefined;
      return {
        step: s.step,
        date: r.date,
        meeting: meeting ? { kind: meeting.kind, title: meeting.title } : null,
        due: r.due,
        present: r.present,
        votes: r.votes,
        passed: r.evaluation.passed,
        explanation: { zh: r.evaluation.explanation.zh, en: r.evaluation.explanation.en },
        warning: r.evaluation.warning ? { zh: r.evaluation.warning.zh, en: r.evaluation.warning.en } : null,
      };
    });
}

/** The resolution disclosure of one matter, or null until its resolving vote passed. */
export function projectResolution(meetings: MeetingsView, matterId: MatterId): PublicResolutionDraft | null {
  const m = meetings.matters.get(matterId);
  if (!m) return null;
  const resolve = m.steps.find((s) => s.step === 'resolve');
  if (!resolve || resolve.state !== 'passed' || !resolve.record || m.decision.trim() === '') return null;
  return { matterId: m.id, title: m.title, summary: m.summary, decision: m.decision, decidedOn: resolve.record.date, steps: publicSteps(m, meetings) };
}

/** The result disclosure of one matter, or null until resolved and its result written. */
export function projectResult(meetings: MeetingsView, matterId: MatterId): PublicResultDraft | null {
  const m = meetings.matters.get(matterId);
  if (!m || !projectResolution(meetings, matterId) || m.resultText.trim() === '' || !m.completedOn) return null;
  return { matterId: m.id, title: m.title, text: m.resultText, completedOn: m.completedOn };
}

export function projectStatistics(roster: RosterView, work: WorkView, options: { asOf: IsoDate; from?: IsoDate | null }): PublicStatisticsDraft {
  const s = computeStatistics(roster, work, options);
  return {
    asOf: s.asOf,
    from: s.from,
    concerns: { collected: s.concerns.collected, responded: s.concerns.respondedInTime, resolved: s.concerns.resolved, confirmed: s.concerns.confirmed, satisfied: s.concerns.satisfied, resolvedByLevel: { ...s.concerns.resolvedByLevel } },
    rates: { ...s.rates },
    medianDaysToResolve: s.medianDaysToResolve,
    visits: { linkedHouseholds: s.visits.linkedHouseholds, visitedWithinInterval: s.visits.visitedWithinInterval, coverage: s.visits.coverage, intervalDays: s.visits.intervalDays },
    roster: { households: s.roster.households, members: s.roster.members, linkedHouseholds: s.roster.linkedHouseholds },
  };
}

/** Everything `public` may hold, from the three documents a committee member has open. */
export function projectPublic(roster: RosterView, work: WorkView, meetings: MeetingsView, options: { asOf: IsoDate; from?: IsoDate | null; rating?: SharedRatingRecord | null }): PublicProjection {
  const resolutions: PublicResolutionDraft[] = [];
  const results: PublicResultDraft[] = [];
  for (const id of meetings.matters.keys()) {
    const r = projectResolution(meetings, id);
    if (r) resolutions.push(r);
    const x = projectResult(meetings, id);
    if (x) results.push(x);
  }
  return { community: projectCommunity(roster, options.rating ?? null), resolutions, results, boards: projectBoards(roster), statistics: projectStatistics(roster, work, options) };
}

/**
 * Replaces the whole `public` document with a projection in one transaction (a full republish;
 * fixtures and the "publish everything" button use it). Entries that fail the public schema are
 * left out and counted in `skipped`.
 */
export function publishProjection(doc: Y.Doc, projection: PublicProjection, context: CommandContext): { written: number; skipped: number } {
  const ctx = resolveContext(context);
  let written = 0;
  let skipped = 0;
  doc.transact(() => {
    doc.getMap(PublicLayout.meta).set('schema', PUBLIC_SCHEMA_VERSION);
    // Days of publishing in the community's zone: the caller's, else the one the projection carries.
    const zone = context.timeZone ?? projection.community.timeZone ?? ctx.timeZone;
    const community = PublicCommunitySchema.safeParse({ ...projection.community, updatedAt: ctx.now });
    if (community.success) {
      doc.getMap(PublicLayout.community).set('info', community.data);
      written++;
    } else skipped++;
    const fill = (name: string, items: readonly object[], schema: typeof PublicResolutionSchema | typeof PublicResultSchema | typeof PublicBoardSchema, key: string) => {
      const map = doc.getMap<unknown>(name);
      const keep = new Set<string>();
      for (const item of items) {
        const parsed = schema.safeParse({ ...item, publishedAt: ctx.now, publishedOn: dayOf(ctx.now, zone) });
        if (!parsed.success) {
          skipped++;
          continue;
        }
        const k = String((parsed.data as unknown as Record<string, unknown>)[key]);
        keep.add(k);
        map.set(k, parsed.data);
        written++;
      }
      for (const k of [...map.keys()]) if (!keep.has(k)) map.delete(k);
    };
    fill(PublicLayout.resolutions, projection.resolutions, PublicResolutionSchema, 'matterId');
    fill(PublicLayout.results, projection.results, PublicResultSchema, 'matterId');
    fill(PublicLayout.boards, projection.boards, PublicBoardSchema, 'buildingId');
    const stats = PublicStatisticsSchema.safeParse({ ...projection.statistics, publishedAt: ctx.now });
    if (stats.success) {
      doc.getMap(PublicLayout.statistics).set('current', stats.data);
      written++;
    } else skipped++;
  }, ctx.origin);
  return { written, skipped };
}

/**
 * The `PublicView` a projection becomes once published at `now`: exactly what `readPublic` returns
 * after `publishProjection` (computed that way), for previews and for rendering without a relay.
 */
export function publicViewOf(projection: PublicProjection, now: number): PublicView {
  const doc = new Y.Doc();
  publishProjection(doc, projection, { actor: 'preview', now });
  return readPublic(doc).view;
}
