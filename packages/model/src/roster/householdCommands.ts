/** Household commands: add, edit, move, remove, and 党员联户 linking with capacity warnings. */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { resolveContext, type CommandContext } from '../core/context';
import { planEdit, writeChanged } from '../core/edit';
import type { BuildingId, HouseholdId, MemberId, UnitId } from '../core/ids';
import { createRecord, removeRecord, setFields } from '../core/records';
import { invalidInput, notFound, validate } from '../core/rejections';
import { done, rejected, RejectCode, type CommandResult, type Effect } from '../core/result';
import { zId, zInt, zLabel, zName } from '../core/schema';
import { message, type Message } from '../core/text';
import { normalizePersonName, roomNumber } from '../core/placeText';
import { zConsent, zHouseholdRole } from '../core/zodValues';
import { householdLabel, normalizePhone, PHONE_PATTERN } from './labels';
import { readRoster } from './readRoster';
import { RosterLayout } from './rosterLayout';
import { HouseholdSchema } from './rosterSchema';
import type { Household, Member, RosterView } from './rosterView';

const L = RosterLayout;

export const zPhoneInput = z.pipe(
  // A phone keyboard in full-width mode types １３９…
  z.string().check(z.normalize('NFKC'), z.trim(), z.regex(PHONE_PATTERN, 'not a phone number')),
  z.transform(normalizePhone),
);

const HouseholdFields = z.object({
  buildingId: zId,
  unitId: z.optional(z.nullable(zId)),
  room: zLabel.check(z.overwrite(roomNumber)),
  head: zName.check(z.overwrite(normalizePersonName), z.minLength(1)),
  phone: z.optional(z.nullable(zPhoneInput)),
  size: z.optional(zInt(0, 99)),
  roles: z.optional(z.array(zHouseholdRole).check(z.maxLength(10))),
  representative: z.optional(z.boolean()),
  consent: z.optional(zConsent),
});
export type AddHouseholdInput = z.input<typeof HouseholdFields> & { memberId?: MemberId | null };
export type HouseholdPatch = Partial<Omit<z.input<typeof HouseholdFields>, 'buildingId' | 'unitId'>>;

/** Where a household lives, checked against the roster: the unit must belong to the building. */
function checkPlace(roster: RosterView, buildingId: string, unitId: string | null | undefined): CommandResult<never> | null {
  if (!roster.buildings.has(buildingId as BuildingId)) return notFound('building', buildingId);
  if (unitId) {
    const unit = roster.units.get(unitId as UnitId);
    if (!unit) return notFound('unit', unitId);
    if (unit.buildingId !== buildingId) return invalidInput({ zh: '该单元不属于所选楼栋', en: 'the unit is not in that building' });
  }
  return null;
}

function sameAddress(roster: RosterView, buildingId: string, unitId: string | null, room: string, except?: string): Household | undefined {
  if (room === '') return undefined;
  for (const h of roster.households.values()) {
    // roomNumber on the stored side too: rooms stored before normalisation (１０１) still clash.
    if (h.id !== except && h.buildingId === buildingId && (h.unitId ?? null) === unitId && roomNumber(h.room) === room) return h;
  }
  return undefined;
}

/** Households linked to a member. */
export function linkedHouseholds(roster: RosterView, memberId: MemberId): Household[] {
  const out: Household[] = [];
  for (const h of roster.households.values()) if (h.memberId === memberId) out.push(h);
  return out;
}

/** The most households this member should serve. */
export function capacityOf(roster: RosterView, member: Member): number {
  return member.capacity ?? roster.settings.linkMax;
}

export function overCapacityWarning(member: Member, load: number, capacity: number): Message {
  return message(
    'link.overCapacity',
    { member: member.name, load, capacity },
    `${member.name} 已联系 ${load} 户,超过上限 ${capacity} 户`,
    `${member.name} now serves ${load} households, above the limit of ${capacity}`,
  );
}

export function addHousehold(doc: Y.Doc, input: AddHouseholdInput, context: CommandContext): CommandResult<HouseholdId> {
  const ctx = resolveContext(context);
  const v = validate(HouseholdFields, input);
  if (!v.ok) return v.rejection;
  const d = v.data;
  const roster = readRoster(doc).view;
  const bad = checkPlace(roster, d.buildingId, d.unitId);
  if (bad) return bad;
  const dup = sameAddress(roster, d.buildingId, d.unitId ?? null, d.room);
  if (dup) return rejected(RejectCode.conflict, message('household.exists', { label: householdLabel(roster, dup), head: dup.head }, `${householdLabel(roster, dup)}已登记(户主 ${dup.head})`, `${householdLabel(roster, dup)} is already recorded (head ${dup.head})`));
  const memberId = input.memberId ?? null;
  const member = memberId ? roster.members.get(memberId) : undefined;
  if (memberId && !member) return notFound('member', memberId);
  const id = ctx.newId() as HouseholdId;
  const record = HouseholdSchema.parse({
    ...d,
    unitId: d.unitId ?? null,
    phone: d.phone ?? null,
    memberId,
    linkedAt: memberId ? ctx.now : null,
    createdAt: ctx.now,
  });
  doc.transact(() => createRecord(doc, L.households, id, record), ctx.origin);
  const label = householdLabel(roster, record);
  const warnings: Message[] = [];
  if (member) {
    const load = linkedHouseholds(roster, member.id).length + 1;
    const cap = capacityOf(roster, member);
    if (load > cap) warnings.push(overCapacityWarning(member, load, cap));
  }
  return done(id, message('household.added', { label, head: record.head }, `已添加住户 ${label}(${record.head})`, `Household ${label} (${record.head}) added`), [], warnings);
}

/** Edits contact and profile fields. Use `moveHousehold` for the address, `linkHousehold` for the member. */
export function editHousehold(doc: Y.Doc, id: HouseholdId, patch: HouseholdPatch, context: CommandContext): CommandResult<string[]> {
  const ctx = resolveContext(context);
  const roster = readRoster(doc).view;
  const h = roster.households.get(id);
  if (!h) return notFound('household', id);
  const pv = validate(z.partial(z.omit(HouseholdFields, { buildingId: true, unitId: true })), patch);
  if (!pv.ok) return pv.rejection;
  const plan = planEdit(HouseholdSchema, h as unknown as Record<string, unknown>, pv.data);
  if (!plan.ok) return invalidInput(plan.why);
  if (plan.changed.includes('room')) {
    const dup = sameAddress(roster, h.buildingId, h.unitId, plan.next.room, id);
    if (dup) return rejected(RejectCode.conflict, message('household.exists', { label: householdLabel(roster, dup), head: dup.head }, `${householdLabel(roster, dup)}已登记(户主 ${dup.head})`, `${householdLabel(roster, dup)} is already recorded (head ${dup.head})`));
  }
  doc.transact(() => writeChanged(doc, L.households, id, plan.next, plan.changed), ctx.origin);
  const label = householdLabel(roster, plan.next);
  return done(plan.changed, message('household.edited', { label }, `已修改住户 ${label}`, `Household ${label} changed`));
}

/** Moves a household to another building/unit/room; building, unit and room are written together. */
export function moveHousehold(doc: Y.Doc, id: HouseholdId, to: { buildingId: BuildingId; unitId?: UnitId | null; room?: string }, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const roster = readRoster(doc).view;
  const h = roster.households.get(id);
  if (!h) return notFound('household', id);
  const bad = checkPlace(roster, to.buildingId, to.unitId);
  if (bad) return bad;
  const room = roomNumber(to.room ?? h.room);
  const rv = validate(zLabel, room);
  if (!rv.ok) return rv.rejection;
  const unitId = to.unitId ?? null;
  const dup = sameAddress(roster, to.buildingId, unitId, room, id);
  if (dup) return rejected(RejectCode.conflict, message('household.exists', { label: householdLabel(roster, dup), head: dup.head }, `${householdLabel(roster, dup)}已登记(户主 ${dup.head})`, `${householdLabel(roster, dup)} is already recorded (head ${dup.head})`));
  const from = householdLabel(roster, h);
  const toLabel = householdLabel(roster, { buildingId: to.buildingId, unitId, room });
  doc.transact(() => setFields(doc, L.households, id, { buildingId: to.buildingId, unitId, room }), ctx.origin);
  return done(null, message('household.moved', { from, to: toLabel }, `已将住户从 ${from} 移到 ${toLabel}`, `Household moved from ${from} to ${toLabel}`));
}

/**
 * Removes a household. Members who lived there lose their home address and recorded kin
 * relations to it are dropped; both are reported. Visits and concerns in `work` keep their
 * history (they name the household by id).
 */
export function removeHousehold(doc: Y.Doc, id: HouseholdId, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const roster = readRoster(doc).view;
  const h = roster.households.get(id);
  if (!h) return notFound('household', id);
  const residents = [...roster.members.values()].filter((m) => m.householdId === id);
  const relations = [...roster.relations.values()].filter((r) => r.householdId === id);
  doc.transact(() => {
    removeRecord(doc, L.households, id);
    for (const m of residents) setFields(doc, L.members, m.id, { householdId: null });
    const rel = doc.getMap(L.relations);
    for (const r of relations) rel.delete(r.id);
  }, ctx.origin);
  const effects: Effect[] = [];
  if (residents.length) effects.push({ type: 'members-homeless', ids: residents.map((m) => m.id), message: message('household.membersCleared', { count: residents.length }, `${residents.length} 名党员的住址已清空`, `${residents.length} members no longer have a home address`) });
  if (relations.length) effects.push({ type: 'relations-removed', ids: relations.map((r) => r.id), message: message('household.relationsRemoved', { count: relations.length }, `删除了 ${relations.length} 条亲友关系`, `${relations.length} recorded relations removed`) });
  const label = householdLabel(roster, h);
  return done(null, message('household.removed', { label }, `已删除住户 ${label}`, `Household ${label} removed`), effects);
}

/**
 * 党员联户: links a household to a member (or unlinks with null). Never refuses for capacity: a
 * member above the limit yields a warning, the previous member's count is reported.
 */
export function linkHousehold(doc: Y.Doc, id: HouseholdId, memberId: MemberId | null, context: CommandContext): CommandResult<{ previous: MemberId | null }> {
  const ctx = resolveContext(context);
  const roster = readRoster(doc).view;
  const h = roster.households.get(id);
  if (!h) return notFound('household', id);
  const label = householdLabel(roster, h);
  if (memberId === null) {
    if (h.memberId === null) return done({ previous: null }, message('link.already', { label }, `${label}未联系党员`, `${label} has no linked member`));
    doc.transact(() => setFields(doc, L.households, id, { memberId: null, linkedAt: null }), ctx.origin);
    const prev = roster.members.get(h.memberId);
    return done({ previous: h.memberId }, message('link.removed', { label, member: prev?.name ?? '' }, `已取消 ${label} 与 ${prev?.name ?? ''} 的联系`, `${label} is no longer linked to ${prev?.name ?? ''}`));
  }
  const member = roster.members.get(memberId);
  if (!member) return notFound('member', memberId);
  if (!member.active) return rejected(RejectCode.wrongState, message('link.inactive', { member: member.name }, `${member.name} 已停止联户,不能再联系住户`, `${member.name} is inactive and cannot be linked`));
  if (h.memberId === memberId) return done({ previous: memberId }, message('link.unchanged', { label, member: member.name }, `${label}已由 ${member.name} 联系`, `${label} is already linked to ${member.name}`));
  doc.transact(() => setFields(doc, L.households, id, { memberId, linkedAt: ctx.now }), ctx.origin);
  const load = linkedHouseholds(roster, memberId).length + 1;
  const cap = capacityOf(roster, member);
  const warnings = load > cap ? [overCapacityWarning(member, load, cap)] : [];
  return done({ previous: h.memberId }, message('link.added', { label, member: member.name, load }, `${label}已由 ${member.name} 联系(共 ${load} 户)`, `${label} linked to ${member.name} (${load} households)`), [], warnings);
}
