import type * as Y from 'yjs';
import { DocKind } from '@lianxin/protocol';
import type { BuildingId, GridId, GroupId, HouseholdId, MemberId, PointsId, RelationId, UnitId } from '../core/ids';
import { fastHousehold, fastMember } from '../core/fastGuards';
import { danglingRef, type Problem } from '../core/problem';
import { readEntries } from '../core/readEntries';
import { readRecords, type KeepRecord } from '../core/records';
import { topMap } from '../core/ydoc';
import { RosterLayout } from './rosterLayout';
import { BuildingSchema, GridSchema, GroupSchema, HouseholdSchema, MemberSchema, PointsEntrySchema, RelationSchema, UnitSchema } from './rosterSchema';
import { readSettings } from './settings';
import type { Building, Grid, Group, Household, Member, PointsEntry, Relation, RosterView, Unit } from './rosterView';

export interface RosterRead {
  readonly view: RosterView;
  readonly problems: Problem[];
}

/** What a member's narrow read found: the roster with only `memberId`'s households. */
export interface MemberRosterRead extends RosterRead {
  /** the member picked, or null (then no household is read) */
  readonly memberId: MemberId | null;
}

/** Picks one member from the roster's valid members (e.g. the one this device's person is). */
export type PickMember = (members: ReadonlyArray<readonly [MemberId, { readonly name: string; readonly active: boolean }]>) => MemberId | null;

const R = DocKind.roster;

/**
 * Reads the roster. Never throws. Required references that dangle (a unit's building, a
 * household's building) drop the entry; optional ones (a linked member, a cadre) read as null.
 * Both are reported.
 */
export function readRoster(doc: Y.Doc): RosterRead {
  const { view, problems } = readRosterParts(doc, null);
  return { view, problems };
}

/**
 * A member's part of the roster, for a page that shows her households: the settings, the places,
 * every member, and only the households linked to the member `pick` chooses — the others' stored
 * entries are skipped before they are parsed or validated, so ten households cost ten, not 3,600.
 * Relations and points are not read (empty). A member's own household (`householdId`) is kept as
 * stored, as the household may be one not read. Never throws.
 */
export function readMemberRoster(doc: Y.Doc, pick: PickMember): MemberRosterRead {
  return readRosterParts(doc, pick);
}

function readRosterParts(doc: Y.Doc, pick: PickMember | null): MemberRosterRead {
  const problems: Problem[] = [];
  const settings = readSettings(doc, problems);

  const rawMembers = readRecords(doc, R, RosterLayout.members, MemberSchema, problems, fastMember);
  const memberIds = new Set(rawMembers.map(([id]) => id));
  const picked = pick ? pick(rawMembers as unknown as Array<[MemberId, { name: string; active: boolean }]>) : null;
  const pickedId = picked !== null && memberIds.has(picked) ? picked : null;
  const keepHousehold: KeepRecord | undefined = pick ? (_id, field) => pickedId !== null && field('memberId') === pickedId : undefined;
  const member = (path: string, field: string, id: string | null): MemberId | null => {
    if (id === null) return null;
    if (memberIds.has(id)) return id as MemberId;
    problems.push(danglingRef(R, path, field, id));
    return null;
  };

  const grids = new Map<GridId, Grid>();
  for (const [id, g] of readRecords(doc, R, RosterLayout.grids, GridSchema, problems)) {
    grids.set(id as GridId, { id: id as GridId, name: g.name, order: g.order, leaderId: member(`grids/${id}`, 'leaderId', g.leaderId) });
  }

  const buildings = new Map<BuildingId, Building>();
  for (const [id, b] of readRecords(doc, R, RosterLayout.buildings, BuildingSchema, problems)) {
    if (!grids.has(b.gridId as GridId)) {
      problems.push(danglingRef(R, `buildings/${id}`, 'gridId', b.gridId));
      continue;
    }
    buildings.set(id as BuildingId, { id: id as BuildingId, gridId: b.gridId as GridId, number: b.number, name: b.name, compound: b.compound, cadreId: member(`buildings/${id}`, 'cadreId', b.cadreId) });
  }

  const units = new Map<UnitId, Unit>();
  for (const [id, u] of readRecords(doc, R, RosterLayout.units, UnitSchema, problems)) {
    if (!buildings.has(u.buildingId as BuildingId)) {
      problems.push(danglingRef(R, `units/${id}`, 'buildingId', u.buildingId));
      continue;
    }
    units.set(id as UnitId, { id: id as UnitId, buildingId: u.buildingId as BuildingId, number: u.number });
  }

  const households = new Map<HouseholdId, Household>();
  for (const [id, h] of readRecords(doc, R, RosterLayout.households, HouseholdSchema, problems, fastHousehold, keepHousehold)) {
    const path = `households/${id}`;
    let unitId = h.unitId as UnitId | null;
    let buildingId = h.buildingId as BuildingId;
    if (unitId !== null) {
      const unit = units.get(unitId);
      if (!unit) {
        problems.push(danglingRef(R, path, 'unitId', unitId));
        unitId = null;
      } else if (unit.buildingId !== buildingId) {
        // A move and a concurrent edit can split unit and building; the unit knows its building.
        problems.push(danglingRef(R, path, 'buildingId', buildingId));
        buildingId = unit.buildingId;
      }
    }
    if (!buildings.has(buildingId)) {
      problems.push(danglingRef(R, path, 'buildingId', buildingId));
      continue;
    }
    const memberId = member(path, 'memberId', h.memberId);
    households.set(id as HouseholdId, {
      id: id as HouseholdId,
      buildingId,
      unitId,
      room: h.room,
      head: h.head,
      phone: h.phone,
      size: h.size,
      roles: h.roles,
      memberId,
      linkedAt: memberId ? h.linkedAt : null,
      representative: h.representative,
      consent: h.consent,
      createdAt: h.createdAt,
    });
  }

  const groups = new Map<GroupId, Group>();
  const rawGroups = readRecords(doc, R, RosterLayout.groups, GroupSchema, problems);
  const groupIds = new Set(rawGroups.map(([id]) => id));
  for (const [id, g] of rawGroups) {
    let gridId = g.gridId as GridId | null;
    if (gridId !== null && !grids.has(gridId)) {
      problems.push(danglingRef(R, `groups/${id}`, 'gridId', gridId));
      gridId = null;
    }
    groups.set(id as GroupId, { id: id as GroupId, name: g.name, gridId, leaderId: member(`groups/${id}`, 'leaderId', g.leaderId) });
  }

  const members = new Map<MemberId, Member>();
  for (const [id, m] of rawMembers) {
    const path = `members/${id}`;
    let groupId = m.groupId as GroupId | null;
    if (groupId !== null && !groupIds.has(groupId)) {
      problems.push(danglingRef(R, path, 'groupId', groupId));
      groupId = null;
    }
    let householdId = m.householdId as HouseholdId | null;
    if (householdId !== null && !pick && !households.has(householdId)) {
      problems.push(danglingRef(R, path, 'householdId', householdId));
      householdId = null;
    }
    members.set(id as MemberId, {
      id: id as MemberId,
      name: m.name,
      phone: m.phone,
      category: m.category,
      duties: m.duties,
      groupId,
      branchPost: m.branchPost,
      residentsPost: m.residentsPost,
      representative: m.representative,
      householdId,
      pledge: m.pledge,
      consent: m.consent,
      capacity: m.capacity,
      active: m.active,
      createdAt: m.createdAt,
    });
  }

  const relations = new Map<RelationId, Relation>();
  const points = new Map<PointsId, PointsEntry>();
  if (pick) return { view: { settings, grids, buildings, units, households, members, groups, relations, points }, problems, memberId: pickedId };
  for (const [id, r] of readEntries(topMap(doc, R, RosterLayout.relations, problems), R, RosterLayout.relations, RelationSchema, problems)) {
    if (!members.has(r.memberId as MemberId)) {
      problems.push(danglingRef(R, `relations/${id}`, 'memberId', r.memberId));
      continue;
    }
    if (!households.has(r.householdId as HouseholdId)) {
      problems.push(danglingRef(R, `relations/${id}`, 'householdId', r.householdId));
      continue;
    }
    relations.set(id as RelationId, { id: id as RelationId, memberId: r.memberId as MemberId, householdId: r.householdId as HouseholdId, relation: r.relation });
  }

  for (const [id, p] of readEntries(topMap(doc, R, RosterLayout.points, problems), R, RosterLayout.points, PointsEntrySchema, problems)) {
    // Points of a removed member stay in the ledger's history but leave totals; report them.
    if (!members.has(p.memberId as MemberId)) {
      problems.push(danglingRef(R, `points/${id}`, 'memberId', p.memberId));
      continue;
    }
    points.set(id as PointsId, { ...p, id: id as PointsId, memberId: p.memberId as MemberId, source: 'manual', rule: null });
  }

  return { view: { settings, grids, buildings, units, households, members, groups, relations, points }, problems, memberId: null };
}
