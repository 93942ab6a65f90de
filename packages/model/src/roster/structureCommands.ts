/** Commands on the community's structure: settings, grids, buildings, units, party groups. */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { resolveContext, type CommandContext } from '../core/context';
import { planEdit, writeChanged } from '../core/edit';
import type { BuildingId, GridId, GroupId, MemberId, UnitId } from '../core/ids';
import { createRecord, hasRecord, removeRecord, setFields } from '../core/records';
import { invalidInput, notFound, validate } from '../core/rejections';
import { done, rejected, RejectCode, type CommandResult, type Effect } from '../core/result';
import { zId, zLabel, zName } from '../core/schema';
import { message } from '../core/text';
import { buildingNumber, normalizePlaceNumber, unitNumber } from '../core/placeText';
import { buildingLabel, unitLabel } from './labels';
import { readRoster } from './readRoster';
import type { RosterView } from './rosterView';
import { ROSTER_SCHEMA_VERSION, RosterLayout } from './rosterLayout';
import { BuildingSchema, GridSchema, GroupSchema, UnitSchema } from './rosterSchema';
import { parseSettingsField, SETTINGS_FIELDS, type CommunitySettings, type SettingsField } from './settings';

const L = RosterLayout;

function stamp(doc: Y.Doc): void {
  const meta = doc.getMap<unknown>(L.meta);
  if (meta.get('schema') !== ROSTER_SCHEMA_VERSION) meta.set('schema', ROSTER_SCHEMA_VERSION);
}

export type SettingsPatch = Partial<Omit<CommunitySettings, 'stepRules'>> & { stepRules?: CommunitySettings['stepRules'] | null };

/** Changes community settings field by field; unknown or invalid fields reject the whole patch. */
export function updateSettings(doc: Y.Doc, patch: SettingsPatch, context: CommandContext): CommandResult<SettingsField[]> {
  const ctx = resolveContext(context);
  const values: Array<[SettingsField, unknown]> = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (!(SETTINGS_FIELDS as string[]).includes(key)) return invalidInput(`unknown setting ${key}`);
    const parsed = parseSettingsField(key as SettingsField, value);
    if (!parsed.ok) return invalidInput(`${key}: ${parsed.why}`);
    values.push([key as SettingsField, parsed.value]);
  }
  const current = readRoster(doc).view.settings;
  const min = (patch.linkMin ?? current.linkMin) as number;
  const max = (patch.linkMax ?? current.linkMax) as number;
  if (min > max) return invalidInput({ zh: `联户下限 ${min} 大于上限 ${max}`, en: `linkMin ${min} is above linkMax ${max}` });
  doc.transact(() => {
    stamp(doc);
    const map = doc.getMap<unknown>(L.settings);
    for (const [k, v] of values) map.set(k, v);
  }, ctx.origin);
  return done(values.map(([k]) => k), message('settings.updated', { count: values.length }, `已更新 ${values.length} 项设置`, `Updated ${values.length} settings`));
}

// ---- grids -------------------------------------------------------------------------------

const AddGridInput = z.object({ name: zName.check(z.minLength(1)), leaderId: z.optional(z.nullable(zId)), order: z.optional(z.number().check(z.int())) });

export function addGrid(doc: Y.Doc, input: z.input<typeof AddGridInput>, context: CommandContext): CommandResult<GridId> {
  const ctx = resolveContext(context);
  const v = validate(AddGridInput, input);
  if (!v.ok) return v.rejection;
  if (v.data.leaderId && !hasRecord(doc, L.members, v.data.leaderId)) return notFound('member', v.data.leaderId);
  const id = ctx.newId() as GridId;
  const order = v.data.order ?? doc.getMap(L.grids).size;
  doc.transact(() => {
    stamp(doc);
    createRecord(doc, L.grids, id, { name: v.data.name, leaderId: v.data.leaderId ?? null, order });
  }, ctx.origin);
  return done(id, message('grid.added', { name: v.data.name }, `已添加网格“${v.data.name}”`, `Grid “${v.data.name}” added`));
}

export function editGrid(doc: Y.Doc, id: GridId, patch: { name?: string; leaderId?: MemberId | null; order?: number }, context: CommandContext): CommandResult<string[]> {
  const ctx = resolveContext(context);
  const grid = readRoster(doc).view.grids.get(id);
  if (!grid) return notFound('grid', id);
  if (patch.leaderId && !hasRecord(doc, L.members, patch.leaderId)) return notFound('member', patch.leaderId);
  const plan = planEdit(GridSchema, grid as unknown as Record<string, unknown>, patch);
  if (!plan.ok) return invalidInput(plan.why);
  doc.transact(() => writeChanged(doc, L.grids, id, plan.next, plan.changed), ctx.origin);
  return done(plan.changed, message('grid.edited', { name: plan.next.name }, `已修改网格“${plan.next.name}”`, `Grid “${plan.next.name}” changed`));
}

/** Refuses while buildings belong to the grid: move or remove them first. Clears groups' grid. */
export function removeGrid(doc: Y.Doc, id: GridId, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const roster = readRoster(doc).view;
  const grid = roster.grids.get(id);
  if (!grid) return notFound('grid', id);
  const buildings = [...roster.buildings.values()].filter((b) => b.gridId === id);
  if (buildings.length > 0) {
    return rejected(RejectCode.inUse, message('grid.inUse', { name: grid.name, count: buildings.length }, `网格“${grid.name}”下还有 ${buildings.length} 栋楼,请先移走或删除`, `Grid “${grid.name}” still has ${buildings.length} buildings; move or remove them first`));
  }
  const groups = [...roster.groups.values()].filter((g) => g.gridId === id);
  doc.transact(() => {
    removeRecord(doc, L.grids, id);
    for (const g of groups) setFields(doc, L.groups, g.id, { gridId: null });
  }, ctx.origin);
  const effects: Effect[] = groups.length
    ? [{ type: 'groups-ungridded', ids: groups.map((g) => g.id), message: message('grid.groupsCleared', { count: groups.length }, `${groups.length} 个党小组不再属于该网格`, `${groups.length} party groups no longer belong to this grid`) }]
    : [];
  return done(null, message('grid.removed', { name: grid.name }, `已删除网格“${grid.name}”`, `Grid “${grid.name}” removed`), effects);
}

// ---- buildings ---------------------------------------------------------------------------

// Numbers are stored as placeText spells them (５８号楼 → 58), and compared that way with what is
// already stored, which may predate the normalisation.
const zBuildingNumber = zLabel.check(z.overwrite(buildingNumber), z.minLength(1));
const zUnitNumber = zLabel.check(z.overwrite(unitNumber), z.minLength(1));
const zCompound = zLabel.check(z.overwrite(normalizePlaceNumber));
const placeKey = (compound: string | null | undefined, number: string) => `${normalizePlaceNumber(compound ?? '')}\u0000${buildingNumber(number)}`;

function buildingClash(roster: RosterView, compound: string | null | undefined, number: string, except?: string): CommandResult<never> | null {
  const key = placeKey(compound, number);
  const clash = [...roster.buildings.values()].find((b) => b.id !== except && placeKey(b.compound, b.number) === key);
  return clash ? rejected(RejectCode.conflict, message('building.exists', { label: buildingLabel(clash) }, `${buildingLabel(clash)}已存在`, `${buildingLabel(clash)} already exists`)) : null;
}

function unitClash(roster: RosterView, buildingId: string, number: string, except?: string): CommandResult<never> | null {
  const b = roster.buildings.get(buildingId as BuildingId);
  const clash = [...roster.units.values()].find((u) => u.id !== except && u.buildingId === buildingId && unitNumber(u.number) === unitNumber(number));
  if (!b || !clash) return null;
  const label = `${buildingLabel(b)}${unitLabel(clash)}`;
  return rejected(RejectCode.conflict, message('unit.exists', { label }, `${label}已存在`, `${buildingLabel(b)} ${unitLabel(clash)} already exists`));
}

const AddBuildingInput = z.object({
  gridId: zId,
  number: zBuildingNumber,
  name: z.optional(z.nullable(zLabel)),
  compound: z.optional(z.nullable(zCompound)),
  cadreId: z.optional(z.nullable(zId)),
  /** Creates these units too, e.g. ['1','2','3']. */
  units: z.optional(z.array(zUnitNumber).check(z.maxLength(50))),
});

export function addBuilding(doc: Y.Doc, input: z.input<typeof AddBuildingInput>, context: CommandContext): CommandResult<{ buildingId: BuildingId; unitIds: UnitId[] }> {
  const ctx = resolveContext(context);
  const v = validate(AddBuildingInput, input);
  if (!v.ok) return v.rejection;
  const d = v.data;
  if (!hasRecord(doc, L.grids, d.gridId)) return notFound('grid', d.gridId);
  if (d.cadreId && !hasRecord(doc, L.members, d.cadreId)) return notFound('member', d.cadreId);
  const roster = readRoster(doc).view;
  const clash = buildingClash(roster, d.compound, d.number);
  if (clash) return clash;
  const unitNumbers = [...new Set(d.units ?? [])];
  const id = ctx.newId() as BuildingId;
  const unitIds = unitNumbers.map(() => ctx.newId() as UnitId);
  doc.transact(() => {
    stamp(doc);
    createRecord(doc, L.buildings, id, { gridId: d.gridId, number: d.number, name: d.name ?? null, compound: d.compound ?? null, cadreId: d.cadreId ?? null });
    unitNumbers.forEach((n, i) => createRecord(doc, L.units, unitIds[i]!, { buildingId: id, number: n }));
  }, ctx.origin);
  const label = buildingLabel({ number: d.number, name: d.name ?? null });
  return done({ buildingId: id, unitIds }, message('building.added', { label, units: unitIds.length }, `已添加${label}(${unitIds.length} 个单元)`, `${label} added (${unitIds.length} units)`));
}

/** Edits a building; changing `gridId` moves it (its households follow). `cadreId` is 干部联片. */
export function editBuilding(
  doc: Y.Doc,
  id: BuildingId,
  patch: { gridId?: GridId; number?: string; name?: string | null; compound?: string | null; cadreId?: MemberId | null },
  context: CommandContext,
): CommandResult<string[]> {
  const ctx = resolveContext(context);
  const roster = readRoster(doc).view;
  const b = roster.buildings.get(id);
  if (!b) return notFound('building', id);
  if (patch.gridId && !hasRecord(doc, L.grids, patch.gridId)) return notFound('grid', patch.gridId);
  if (patch.cadreId && !hasRecord(doc, L.members, patch.cadreId)) return notFound('member', patch.cadreId);
  const normalized = {
    ...patch,
    ...(typeof patch.number === 'string' ? { number: buildingNumber(patch.number) } : {}),
    ...(typeof patch.compound === 'string' ? { compound: normalizePlaceNumber(patch.compound) } : {}),
  };
  const plan = planEdit(BuildingSchema, b as unknown as Record<string, unknown>, normalized);
  if (!plan.ok) return invalidInput(plan.why);
  if (plan.changed.includes('number') || plan.changed.includes('compound')) {
    const clash = buildingClash(roster, plan.next.compound, plan.next.number, id);
    if (clash) return clash;
  }
  doc.transact(() => writeChanged(doc, L.buildings, id, plan.next, plan.changed), ctx.origin);
  const label = buildingLabel(plan.next);
  return done(plan.changed, message('building.edited', { label }, `已修改${label}`, `${label} changed`));
}

/** Refuses while households live in the building; removes its (empty) units with it. */
export function removeBuilding(doc: Y.Doc, id: BuildingId, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const roster = readRoster(doc).view;
  const b = roster.buildings.get(id);
  if (!b) return notFound('building', id);
  const label = buildingLabel(b);
  const count = [...roster.households.values()].filter((h) => h.buildingId === id).length;
  if (count > 0) return rejected(RejectCode.inUse, message('building.inUse', { label, count }, `${label}还有 ${count} 户,请先移走或删除`, `${label} still has ${count} households; move or remove them first`));
  const units = [...roster.units.values()].filter((u) => u.buildingId === id);
  doc.transact(() => {
    for (const u of units) removeRecord(doc, L.units, u.id);
    removeRecord(doc, L.buildings, id);
  }, ctx.origin);
  const effects: Effect[] = units.length ? [{ type: 'units-removed', ids: units.map((u) => u.id), message: message('building.unitsRemoved', { count: units.length }, `同时删除了 ${units.length} 个单元`, `${units.length} units removed with it`) }] : [];
  return done(null, message('building.removed', { label }, `已删除${label}`, `${label} removed`), effects);
}

// ---- units -------------------------------------------------------------------------------

const AddUnitInput = z.object({ buildingId: zId, number: zUnitNumber });

export function addUnit(doc: Y.Doc, input: { buildingId: BuildingId; number: string }, context: CommandContext): CommandResult<UnitId> {
  const ctx = resolveContext(context);
  const v = validate(AddUnitInput, input);
  if (!v.ok) return v.rejection;
  const roster = readRoster(doc).view;
  const b = roster.buildings.get(input.buildingId);
  if (!b) return notFound('building', input.buildingId);
  const clash = unitClash(roster, b.id, v.data.number);
  if (clash) return clash;
  const id = ctx.newId() as UnitId;
  doc.transact(() => createRecord(doc, L.units, id, v.data), ctx.origin);
  const label = `${buildingLabel(b)}${unitLabel(v.data)}`;
  return done(id, message('unit.added', { label }, `已添加${label}`, `${label} added`));
}

export function editUnit(doc: Y.Doc, id: UnitId, patch: { number?: string }, context: CommandContext): CommandResult<string[]> {
  const ctx = resolveContext(context);
  const roster = readRoster(doc).view;
  const u = roster.units.get(id);
  if (!u) return notFound('unit', id);
  const plan = planEdit(UnitSchema, u as unknown as Record<string, unknown>, typeof patch.number === 'string' ? { number: unitNumber(patch.number) } : patch);
  if (!plan.ok) return invalidInput(plan.why);
  if (plan.changed.includes('number')) {
    const clash = unitClash(roster, u.buildingId, plan.next.number, id);
    if (clash) return clash;
  }
  doc.transact(() => writeChanged(doc, L.units, id, plan.next, plan.changed), ctx.origin);
  return done(plan.changed, message('unit.edited', { label: unitLabel(plan.next) }, `已修改${unitLabel(plan.next)}`, `${unitLabel(plan.next)} changed`));
}

export function removeUnit(doc: Y.Doc, id: UnitId, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const roster = readRoster(doc).view;
  const u = roster.units.get(id);
  if (!u) return notFound('unit', id);
  const count = [...roster.households.values()].filter((h) => h.unitId === id).length;
  if (count > 0) return rejected(RejectCode.inUse, message('unit.inUse', { label: unitLabel(u), count }, `${unitLabel(u)}还有 ${count} 户,请先移走或删除`, `${unitLabel(u)} still has ${count} households; move or remove them first`));
  doc.transact(() => removeRecord(doc, L.units, id), ctx.origin);
  return done(null, message('unit.removed', { label: unitLabel(u) }, `已删除${unitLabel(u)}`, `${unitLabel(u)} removed`));
}

// ---- party groups ------------------------------------------------------------------------

const AddGroupInput = z.object({ name: zName.check(z.minLength(1)), gridId: z.optional(z.nullable(zId)), leaderId: z.optional(z.nullable(zId)) });

export function addGroup(doc: Y.Doc, input: z.input<typeof AddGroupInput>, context: CommandContext): CommandResult<GroupId> {
  const ctx = resolveContext(context);
  const v = validate(AddGroupInput, input);
  if (!v.ok) return v.rejection;
  if (v.data.gridId && !hasRecord(doc, L.grids, v.data.gridId)) return notFound('grid', v.data.gridId);
  if (v.data.leaderId && !hasRecord(doc, L.members, v.data.leaderId)) return notFound('member', v.data.leaderId);
  const id = ctx.newId() as GroupId;
  doc.transact(() => createRecord(doc, L.groups, id, { name: v.data.name, gridId: v.data.gridId ?? null, leaderId: v.data.leaderId ?? null }), ctx.origin);
  return done(id, message('group.added', { name: v.data.name }, `已添加党小组“${v.data.name}”`, `Party group “${v.data.name}” added`));
}

export function editGroup(doc: Y.Doc, id: GroupId, patch: { name?: string; gridId?: GridId | null; leaderId?: MemberId | null }, context: CommandContext): CommandResult<string[]> {
  const ctx = resolveContext(context);
  const g = readRoster(doc).view.groups.get(id);
  if (!g) return notFound('group', id);
  if (patch.gridId && !hasRecord(doc, L.grids, patch.gridId)) return notFound('grid', patch.gridId);
  if (patch.leaderId && !hasRecord(doc, L.members, patch.leaderId)) return notFound('member', patch.leaderId);
  const plan = planEdit(GroupSchema, g as unknown as Record<string, unknown>, patch);
  if (!plan.ok) return invalidInput(plan.why);
  doc.transact(() => writeChanged(doc, L.groups, id, plan.next, plan.changed), ctx.origin);
  return done(plan.changed, message('group.edited', { name: plan.next.name }, `已修改党小组“${plan.next.name}”`, `Party group “${plan.next.name}” changed`));
}

/** Removes a group; its members stay, without a group (reported). */
export function removeGroup(doc: Y.Doc, id: GroupId, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const roster = readRoster(doc).view;
  const g = roster.groups.get(id);
  if (!g) return notFound('group', id);
  const members = [...roster.members.values()].filter((m) => m.groupId === id);
  doc.transact(() => {
    removeRecord(doc, L.groups, id);
    for (const m of members) setFields(doc, L.members, m.id, { groupId: null });
  }, ctx.origin);
  const effects: Effect[] = members.length
    ? [{ type: 'members-ungrouped', ids: members.map((m) => m.id), message: message('group.membersCleared', { count: members.length }, `${members.length} 名党员已移出该小组`, `${members.length} members left the group`) }]
    : [];
  return done(null, message('group.removed', { name: g.name }, `已删除党小组“${g.name}”`, `Party group “${g.name}” removed`), effects);
}
