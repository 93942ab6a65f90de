/** Stored shapes of the `work` document (see README "Document layout"). */
import * as z from 'zod/mini';
import { zActor, zDate, zId, zInt, zLabel, zText, zTime, zTitle } from '../core/schema';
import { opt, zLevel, zMustVisitReason, zVisitKind } from '../core/zodValues';

export const WorkLayout = {
  meta: 'meta',
  concerns: 'concerns',
  concernEvents: 'concernEvents',
  visits: 'visits',
  mustVisits: 'mustVisits',
} as const;


export const ReporterSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('household'), householdId: zId }),
  z.object({ type: z.literal('text'), text: zLabel }),
]);
export type Reporter = z.infer<typeof ReporterSchema>;

export const PlaceSchema = z.object({
  buildingId: opt(zId),
  unitId: opt(zId),
  text: opt(zLabel),
});
export type Place = z.infer<typeof PlaceSchema>;

export const ConcernSchema = z.object({
  title: zTitle.check(z.minLength(1)),
  detail: z._default(zText, ''),
  reporter: ReporterSchema,
  /** 问题类别 as written (settings.concernKinds); older concerns hold a duty role key. */
  category: opt(zLabel),
  place: z._default(PlaceSchema, { buildingId: null, unitId: null, text: null }),
  /** Level at which it was raised; later levels come from events. */
  level: z._default(zLevel, 'member'),
  assignee: opt(zId),
  createdBy: zActor,
  createdAt: zTime,
});
export type ConcernRecord = z.infer<typeof ConcernSchema>;

const base = {
  concernId: zId,
  by: zActor,
  at: zTime,
  /** How many events of this concern the actor had seen: orders events causally, reveals concurrency. */
  seen: zInt(0, 100_000),
};

export const ConcernEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('accept'), assignee: opt(zId) }),
  z.object({ ...base, type: z.literal('escalate'), level: zLevel, assignee: opt(zId), note: opt(zText) }),
  z.object({ ...base, type: z.literal('handBack'), level: zLevel, assignee: opt(zId), note: opt(zText) }),
  z.object({ ...base, type: z.literal('resolve'), note: zText }),
  z.object({ ...base, type: z.literal('reopen'), note: opt(zText) }),
  z.object({ ...base, type: z.literal('confirm'), satisfied: z.boolean(), note: opt(zText) }),
  z.object({ ...base, type: z.literal('link'), matterId: opt(zId) }),
  z.object({ ...base, type: z.literal('assign'), assignee: zId }),
  z.object({ ...base, type: z.literal('note'), note: zText }),
]);
export type ConcernEventRecord = z.infer<typeof ConcernEventSchema>;

export const VisitSchema = z.object({
  memberId: zId,
  householdId: zId,
  date: zDate,
  kind: zVisitKind,
  note: z._default(zText, ''),
  by: zActor,
  at: zTime,
});
export type VisitRecord = z.infer<typeof VisitSchema>;

export const MustVisitSchema = z.object({
  householdId: zId,
  reason: zMustVisitReason,
  date: zDate,
  note: z._default(zText, ''),
  by: zActor,
  at: zTime,
});
export type MustVisitRecord = z.infer<typeof MustVisitSchema>;
