/**
 * Points the community awards automatically (积分管理办法). Derived from `work`, never written:
 * every peer computes the same entries, and a concern resolved on two phones is not paid twice.
 */
import { z } from 'zod';

export const PointsRulesSchema = z.object({
  /** Member who recorded a resident's concern (社情信息收集员). */
  concernCollected: z.number().int().min(-100).max(100).default(1),
  /** Member who resolved a concern. */
  concernResolved: z.number().int().min(-100).max(100).default(2),
  /** Extra to the resolver when the resident confirms satisfied. */
  residentSatisfied: z.number().int().min(-100).max(100).default(1),
  /** Member who escalated a concern the next level resolved (passing it on is part of the job). */
  concernEscalated: z.number().int().min(-100).max(100).default(1),
  routineVisit: z.number().int().min(-100).max(100).default(0),
  /** A visit that closed a must-visit (三必访). */
  mustVisit: z.number().int().min(-100).max(100).default(1),
});
export type PointsRules = z.infer<typeof PointsRulesSchema>;

export const DEFAULT_POINTS_RULES: PointsRules = PointsRulesSchema.parse({});
