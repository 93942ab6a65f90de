/** What a township's staff record in its region document: meetings, criteria, ratings, pairings, contacts. */
import type * as z from 'zod/mini';
import type * as Y from 'yjs';
import { resolveContext, type CommandContext } from '../core/context';
import { planEdit, writeChanged } from '../core/edit';
import { createRecord, removeRecord } from '../core/records';
import { invalidInput, validate } from '../core/rejections';
import { done, rejected, RejectCode, type CommandResult } from '../core/result';
import { message } from '../core/text';
import { ContactSchema, CriterionSchema, PairingSchema, RatingSchema, RegionLayout, RegionMeetingSchema } from './regionSchema';
import { readRegion } from './readRegion';

type Ctx = CommandContext & { readonly name: string };

function addEntry<S extends z.ZodMiniType>(doc: Y.Doc, map: string, schema: S, value: unknown, context: Ctx, what: { zh: string; en: string }): CommandResult<string> {
  const ctx = resolveContext(context);
  const parsed = schema.safeParse({ ...(value as object), by: context.name, at: ctx.now });
  if (!parsed.success) return invalidInput({ zh: `${what.zh}的内容不完整或有误`, en: `the ${what.en} is incomplete or wrong` });
  const id = ctx.newId();
  doc.transact(() => doc.getMap(map).set(id, parsed.data), ctx.origin);
  return done(id, message('region.added', { what: what.en }, `已记录${what.zh}`, `${what.en[0]!.toUpperCase()}${what.en.slice(1)} recorded`));
}

/** A township meeting about concerns (问题会诊会 / 交办会), with what it decided. */
export const recordRegionMeeting = (doc: Y.Doc, input: { kind: 'consultation' | 'assignment'; title: string; date: string; concerns: { communityId: string; caseId: string; title: string }[]; decisions?: string }, ctx: Ctx) =>
  addEntry(doc, RegionLayout.meetings, RegionMeetingSchema, input, ctx, { zh: '会议', en: 'meeting' });

/** A rating of a branch for a year (支部争五星); a later rating of the same branch and year replaces it. */
export const rateBranch = (doc: Y.Doc, input: { communityId: string; year: number; stars: number; notes?: string }, ctx: Ctx) => addEntry(doc, RegionLayout.ratings, RatingSchema, input, ctx, { zh: '评星', en: 'rating' });

/** A contact between a paired cadre and member. */
export function logContact(doc: Y.Doc, input: { pairingId: string; date: string; kind: 'visit' | 'call' | 'talk' | 'message'; note?: string }, ctx: Ctx): CommandResult<string> {
  if (!readRegion(doc).view.pairings.has(input.pairingId)) return rejected(RejectCode.notFound, message('error.notFound', { thing: 'pairing', id: input.pairingId }, '找不到该结对', 'No such pairing'));
  return addEntry(doc, RegionLayout.contacts, ContactSchema, input, ctx, { zh: '联系记录', en: 'contact' });
}

/** Pairs a township cadre with a member of one of its communities (default: twice a month). */
export function pairCadre(doc: Y.Doc, input: { cadre: string; communityId: string; memberId: string; memberName: string; since: string; perMonth?: number }, context: CommandContext): CommandResult<string> {
  const ctx = resolveContext(context);
  const parsed = PairingSchema.safeParse({ ...input, ended: null });
  if (!parsed.success) return invalidInput({ zh: '结对信息不完整', en: 'the pairing is incomplete' });
  const id = ctx.newId();
  doc.transact(() => createRecord(doc, RegionLayout.pairings, id, parsed.data), ctx.origin);
  return done(id, message('region.paired', { cadre: input.cadre }, `${input.cadre}已与${input.memberName}结对`, `${input.cadre} paired with ${input.memberName}`));
}

export function endPairing(doc: Y.Doc, id: string, ended: string, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  const p = readRegion(doc).view.pairings.get(id);
  if (!p) return rejected(RejectCode.notFound, message('error.notFound', { thing: 'pairing', id }, '找不到该结对', 'No such pairing'));
  const { id: _id, contacts: _contacts, ...record } = p;
  const plan = planEdit(PairingSchema, record, { ended });
  if (!plan.ok) return invalidInput(plan.why);
  doc.transact(() => writeChanged(doc, RegionLayout.pairings, id, plan.next, plan.changed), ctx.origin);
  return done(null, message('region.pairingEnded', {}, '结对已结束', 'Pairing ended'));
}

/** Adds or edits a star criterion (the township edits its criteria as data). */
export function saveCriterion(doc: Y.Doc, id: string | null, input: { title?: string; metric?: string; threshold?: number; order?: number }, context: CommandContext): CommandResult<string> {
  const ctx = resolveContext(context);
  if (id === null) {
    const v = validate(CriterionSchema, input);
    if (!v.ok) return v.rejection;
    const newId = ctx.newId();
    doc.transact(() => createRecord(doc, RegionLayout.criteria, newId, v.data), ctx.origin);
    return done(newId, message('region.criterionAdded', { title: v.data.title }, `已添加标准:${v.data.title}`, `Criterion added: ${v.data.title}`));
  }
  const current = readRegion(doc).view.criteria.find((c) => c.id === id);
  if (!current) return rejected(RejectCode.notFound, message('error.notFound', { thing: 'criterion', id }, '找不到该标准', 'No such criterion'));
  const { id: _id, ...record } = current;
  const plan = planEdit(CriterionSchema, record, input);
  if (!plan.ok) return invalidInput(plan.why);
  doc.transact(() => writeChanged(doc, RegionLayout.criteria, id, plan.next, plan.changed), ctx.origin);
  return done(id, message('region.criterionSaved', { title: plan.next.title }, `已保存标准:${plan.next.title}`, `Criterion saved: ${plan.next.title}`));
}

export function removeCriterion(doc: Y.Doc, id: string, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  doc.transact(() => removeRecord(doc, RegionLayout.criteria, id), ctx.origin);
  return done(null, message('region.criterionRemoved', {}, '已删除标准', 'Criterion removed'));
}
