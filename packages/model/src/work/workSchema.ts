/** Stored shapes of the `work` document (see README "Document layout"). */
import { z } from 'zod';
import { MAX, zDate, zId, zLabel, zText, zTime, zTitle } from '../core/schema';
import { opt, zLevel, zMustVisitReason, zVisitKind } from '../core/zodValues';

export const WorkLayout = {
  meta: 'meta',
  concerns: 'concerns',
  concernEvents: 'concernEvents',
  visits: 'visits',
  mustVisits: 'mustVisits',
} as const;

const zActor = z.string().min(1).max(MAX.name);

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
  title: zTitle.min(1),
  detail: zText.default(''),
  reporter: ReporterSchema,
  /** 问题类别 as written (settings.concernKinds); older concerns hold a duty role key. */
  category: opt(zLabel),
  place: PlaceSchema.default({ buildingId: null, unitId: null, text: null }),
  /** Level at which it was raised; later levels come from events. */
  level: zLevel.default('member'),
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
  seen: z.number().int().min(0).max(100_000),
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
  note: zText.default(''),
  by: zActor,
  at: zTime,
});
export type VisitRecord = z.infer<typeof VisitSchema>;

export const MustVisitSchema = z.object({
  householdId: zId,
  reason: zMustVisitReason,
  date: zDate,
  note: zText.default(''),
  by: zActor,
  at: zTime,
});
export type MustVisitRecord = z.infer<typeof MustVisitSchema>;
