/** Member commands, kin relations and manual points entries. */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { resolveContext, type CommandContext } from '../core/context';
import { planEdit, writeChanged } from '../core/edit';
import type { HouseholdId, MemberId, PointsId, RelationId } from '../core/ids';
import { createRecord, hasRecord, removeRecord, setFields } from '../core/records';
import { invalidInput, notFound, validate } from '../core/rejections';
import { done, type CommandResult, type Effect } from '../core/result';
import { zId, zInt, zLabel, zName, zText, zTitle } from '../core/schema';
import { message } from '../core/text';
import { zBranchPost, zConsent, zDutyRole, zMemberCategory, zResidentsPost } from '../core/zodValues';
import { zPhoneInput } from './householdCommands';
import { readRoster } from './readRoster';
import { RosterLayout } from './rosterLayout';
import { MemberSchema, PointsRefSchema } from './rosterSchema';
import type { RosterView } from './rosterView';

const L = RosterLayout;

const MemberFields = z.object({
  name: zName.check(z.trim(), z.minLength(1)),
  phone: z.optional(z.nullable(zPhoneInput)),
  category: z.optional(zMemberCategory),
  duties: z.optional(z.array(zDutyRole).check(z.maxLength(10))),
  groupId: z.optional(z.nullable(zId)),
  branchPost: z.optional(z.nullable(zBranchPost)),
  residentsPost: z.optional(z.nullable(zResidentsPost)),
  representative: z.optional(z.boolean()),
  householdId: z.optional(z.nullable(zId)),
  pledge: z.optional(z.nullable(zText)),
  consent: z.optional(zConsent),
  capacity: z.optional(z.nullable(zInt(1, 100))),
  active: z.optional(z.boolean()),
});
export type AddMemberInput = z.input<typeof MemberFields>;
export type MemberPatch = Partial<AddMemberInput>;

function checkRefs(doc: Y.Doc, d: { groupId?: string | null; householdId?: string | null }): CommandResult<never> | null {
  if (d.groupId && !hasRecord(doc, L.groups, d.groupId)) return notFound('group', d.groupId);
  if (d.householdId && !hasRecord(doc, L.households, d.householdId)) return notFound('household', d.householdId);
  return null;
}

export function addMember(doc: Y.Doc, input: AddMemberInput, context: CommandContext): CommandResult<MemberId> {
  const ctx = resolveContext(context);
  const v = validate(MemberFields, input);
  if (!v.ok) return v.rejection;
  const bad = checkRefs(doc, v.data);
  if (bad) return bad;
  const id = ctx.newId() as MemberId;
  const record = MemberSchema.parse({ ...v.data, createdAt: ctx.now });
  doc.transact(() => createRecord(doc, L.members, id, record), ctx.origin);
  return done(id, message('member.added', { name: record.name }, `已添加党员 ${record.name}`, `Member ${record.name} added`));
}

function unlinkAll(doc: Y.Doc, roster: RosterView, id: MemberId): Effect | null {
  const linked = [...roster.households.values()].filter((h) => h.memberId === id);
  for (const h of linked) setFields(doc, L.households, h.id, { memberId: null, linkedAt: null });
  if (linked.length === 0) return null;
  return { type: 'households-unlinked', ids: linked.map((h) => h.id), message: message('member.unlinked', { count: linked.length }, `${linked.length} 户已取消联系,需重新安排联系党员`, `${linked.length} households were unlinked and need another member`) };
}

/** Edits a member. Setting `active: false` (left, transferred, deceased) unlinks their households. */
export function editMember(doc: Y.Doc, id: MemberId, patch: MemberPatch, context: CommandContext): CommandResult<string[]> {
  const ctx = resolveContext(context);
  const roster = readRoster(doc).view;
  const m = roster.members.get(id);
  if (!m) return notFound('member', id);
  const pv = validate(z.partial(MemberFields), patch);
  if (!pv.ok) return pv.rejection;
  const bad = checkRefs(doc, pv.data);
  if (bad) return bad;
  const plan = planEdit(MemberSchema, m as unknown as Record<string, unknown>, pv.data);
  if (!plan.ok) return invalidInput(plan.why);
  const effects: Effect[] = [];
  doc.transact(() => {
    writeChanged(doc, L.members, id, plan.next, plan.changed);
    if (plan.changed.includes('active') && !plan.next.active) {
      const e = unlinkAll(doc, roster, id);
      if (e) effects.push(e);
    }
  }, ctx.origin);
  return done(plan.changed, message('member.edited', { name: plan.next.name }, `已修改党员 ${plan.next.name}`, `Member ${plan.next.name} changed`), effects);
}

/**
 * Removes a member recorded by mistake (use `editMember(…, { active: false })` for one who left).
 * Unlinks their households, clears them as cadre, grid or group leader, and drops their kin
 * relations and manual points; each is reported with a count.
 */
export function removeMember(doc: Y.Doc, id: MemberId, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const roster = readRoster(doc).view;
  const m = roster.members.get(id);
  if (!m) return notFound('member', id);
  const effects: Effect[] = [];
  doc.transact(() => {
    removeRecord(doc, L.members, id);
    const unlinked = unlinkAll(doc, roster, id);
    if (unlinked) effects.push(unlinked);
    const buildings = [...roster.buildings.values()].filter((b) => b.cadreId === id);
    for (const b of buildings) setFields(doc, L.buildings, b.id, { cadreId: null });
    const grids = [...roster.grids.values()].filter((g) => g.leaderId === id);
    for (const g of grids) setFields(doc, L.grids, g.id, { leaderId: null });
    const groups = [...roster.groups.values()].filter((g) => g.leaderId === id);
    for (const g of groups) setFields(doc, L.groups, g.id, { leaderId: null });
    const posts = buildings.length + grids.length + groups.length;
    if (posts) effects.push({ type: 'posts-vacated', ids: [...buildings, ...grids, ...groups].map((x) => x.id), message: message('member.postsVacated', { buildings: buildings.length, grids: grids.length, groups: groups.length }, `空出 ${buildings.length} 栋楼的联片干部、${grids.length} 个网格长、${groups.length} 个党小组长`, `Vacated: cadre of ${buildings.length} buildings, leader of ${grids.length} grids and ${groups.length} groups`) });
    const relations = [...roster.relations.values()].filter((r) => r.memberId === id);
    const rel = doc.getMap(L.relations);
    for (const r of relations) rel.delete(r.id);
    if (relations.length) effects.push({ type: 'relations-removed', ids: relations.map((r) => r.id), message: message('member.relationsRemoved', { count: relations.length }, `删除了 ${relations.length} 条亲友关系`, `${relations.length} recorded relations removed`) });
    const points = [...roster.points.values()].filter((p) => p.memberId === id);
    const pts = doc.getMap(L.points);
    for (const p of points) pts.delete(p.id);
    if (points.length) effects.push({ type: 'points-removed', ids: points.map((p) => p.id), message: message('member.pointsRemoved', { count: points.length }, `删除了 ${points.length} 条积分记录`, `${points.length} points entries removed`) });
  }, ctx.origin);
  return done(null, message('member.removed', { name: m.name }, `已删除党员 ${m.name}`, `Member ${m.name} removed`), effects);
}

// ---- relations (就亲/就熟) ----------------------------------------------------------------

export function addRelation(doc: Y.Doc, input: { memberId: MemberId; householdId: HouseholdId; relation: string }, context: CommandContext): CommandResult<RelationId> {
  const ctx = resolveContext(context);
  const v = validate(z.object({ memberId: zId, householdId: zId, relation: zLabel.check(z.trim(), z.minLength(1)) }), input);
  if (!v.ok) return v.rejection;
  if (!hasRecord(doc, L.members, v.data.memberId)) return notFound('member', v.data.memberId);
  if (!hasRecord(doc, L.households, v.data.householdId)) return notFound('household', v.data.householdId);
  const id = ctx.newId() as RelationId;
  doc.transact(() => doc.getMap(L.relations).set(id, v.data), ctx.origin);
  return done(id, message('relation.added', { relation: v.data.relation }, `已记录关系:${v.data.relation}`, `Relation recorded: ${v.data.relation}`));
}

export function removeRelation(doc: Y.Doc, id: RelationId, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const map = doc.getMap(L.relations);
  if (!map.has(id)) return notFound('relation', id);
  doc.transact(() => map.delete(id), ctx.origin);
  return done(null, message('relation.removed', {}, '已删除关系', 'Relation removed'));
}

// ---- manual points -----------------------------------------------------------------------

const AddPointsInput = z.object({
  memberId: zId,
  amount: z.number().check(z.int(), z.minimum(-1000), z.maximum(1000), z.refine((n) => n !== 0, 'amount must not be 0')),
  reason: zTitle.check(z.trim(), z.minLength(1)),
  ref: z.optional(z.nullable(PointsRefSchema)),
});

/** A manual points entry (e.g. 捐款, 夜巡); corrections are negative entries. */
export function addPoints(doc: Y.Doc, input: z.input<typeof AddPointsInput>, context: CommandContext): CommandResult<PointsId> {
  const ctx = resolveContext(context);
  const v = validate(AddPointsInput, input);
  if (!v.ok) return v.rejection;
  const roster = readRoster(doc).view;
  const member = roster.members.get(v.data.memberId as MemberId);
  if (!member) return notFound('member', v.data.memberId);
  const id = ctx.newId() as PointsId;
  doc.transact(() => doc.getMap(L.points).set(id, { memberId: v.data.memberId, amount: v.data.amount, reason: v.data.reason, ref: v.data.ref ?? null, by: ctx.actor, at: ctx.now }), ctx.origin);
  const sign = v.data.amount > 0 ? '+' : '';
  return done(id, message('points.added', { member: member.name, amount: v.data.amount }, `${member.name} ${sign}${v.data.amount} 分`, `${member.name} ${sign}${v.data.amount} points`));
}

/** Deletes a manual entry recorded by mistake. */
export function removePoints(doc: Y.Doc, id: PointsId, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const map = doc.getMap(L.points);
  if (!map.has(id)) return notFound('points', id);
  doc.transact(() => map.delete(id), ctx.origin);
  return done(null, message('points.removed', {}, '已删除积分记录', 'Points entry removed'));
}

