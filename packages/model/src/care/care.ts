/**
 * `care`: sensitive household notes (hardship/低保, disability, elderly living alone, health).
 * Only the committee can open this document; nothing here is ever read by `projectPublic`.
 */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { DocKind } from '@lianxin/protocol';
import { resolveContext, type CommandContext } from '../core/context';
import { planEdit, writeChanged } from '../core/edit';
import type { CareNoteId, HouseholdId } from '../core/ids';
import type { Problem } from '../core/problem';
import { createRecord, readRecords, removeRecord } from '../core/records';
import { invalidInput, notFound, validate } from '../core/rejections';
import { done, type CommandResult } from '../core/result';
import { zActor, zId, zText, zTime } from '../core/schema';
import { message } from '../core/text';
import { zCareKind } from '../core/zodValues';
import type { CareKind } from '../domain/vocabulary';
import { LABELS } from '../domain/vocabulary';

export const CareLayout = { meta: 'meta', notes: 'notes' } as const;

export const CareNoteSchema = z.object({
  householdId: zId,
  kind: zCareKind,
  text: zText,
  by: zActor,
  at: zTime,
});

export interface CareNote {
  readonly id: CareNoteId;
  readonly householdId: HouseholdId;
  readonly kind: CareKind;
  readonly text: string;
  readonly by: string;
  readonly at: number;
}

export interface CareView {
  readonly notes: ReadonlyMap<CareNoteId, CareNote>;
  /** Notes per household, newest first. */
  readonly byHousehold: ReadonlyMap<HouseholdId, readonly CareNote[]>;
}

/** Reads `care`. Household ids are not checked against the roster (another document). */
export function readCare(doc: Y.Doc): { view: CareView; problems: Problem[] } {
  const problems: Problem[] = [];
  const notes = new Map<CareNoteId, CareNote>();
  const byHousehold = new Map<HouseholdId, CareNote[]>();
  for (const [id, n] of readRecords(doc, DocKind.care, CareLayout.notes, CareNoteSchema, problems)) {
    const note: CareNote = { ...n, id: id as CareNoteId, householdId: n.householdId as HouseholdId };
    notes.set(note.id, note);
    const list = byHousehold.get(note.householdId) ?? [];
    list.push(note);
    byHousehold.set(note.householdId, list);
  }
  for (const list of byHousehold.values()) list.sort((a, b) => b.at - a.at);
  return { view: { notes, byHousehold }, problems };
}

const AddInput = z.object({ householdId: zId, kind: zCareKind, text: zText.check(z.trim()) });

/** The household is not checked against the roster here: pass roster ids from the UI. */
export function addCareNote(doc: Y.Doc, input: { householdId: HouseholdId; kind: CareKind; text: string }, context: CommandContext): CommandResult<CareNoteId> {
  const ctx = resolveContext(context);
  const v = validate(AddInput, input);
  if (!v.ok) return v.rejection;
  const id = ctx.newId() as CareNoteId;
  doc.transact(() => createRecord(doc, CareLayout.notes, id, { ...v.data, by: ctx.actor, at: ctx.now }), ctx.origin);
  const kind = LABELS.careKind[v.data.kind];
  return done(id, message('care.added', { kind: v.data.kind }, `已添加关怀记录(${kind.zh})`, `Care note added (${kind.en})`));
}

export function editCareNote(doc: Y.Doc, id: CareNoteId, patch: { kind?: CareKind; text?: string }, context: CommandContext): CommandResult<string[]> {
  const ctx = resolveContext(context);
  const note = readCare(doc).view.notes.get(id);
  if (!note) return notFound('careNote', id);
  const plan = planEdit(CareNoteSchema, note as unknown as Record<string, unknown>, patch);
  if (!plan.ok) return invalidInput(plan.why);
  doc.transact(() => writeChanged(doc, CareLayout.notes, id, plan.next, plan.changed), ctx.origin);
  return done(plan.changed, message('care.edited', {}, '已修改关怀记录', 'Care note changed'));
}

export function removeCareNote(doc: Y.Doc, id: CareNoteId, context: CommandContext): CommandResult<null> {
  const ctx = resolveContext(context);
  if (!doc.getMap(CareLayout.notes).has(id)) return notFound('careNote', id);
  doc.transact(() => removeRecord(doc, CareLayout.notes, id), ctx.origin);
  return done(null, message('care.removed', {}, '已删除关怀记录', 'Care note removed'));
}
