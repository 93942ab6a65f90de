/**
 * Points the community awards automatically (积分管理办法). Derived from `work`, never written:
 * every peer computes the same entries, and a concern resolved on two phones is not paid twice.
 */
import * as z from 'zod/mini';
import { zInt } from '../core/schema';

export const PointsRulesSchema = z.object({
  /** Member who recorded a resident's concern (社情信息收集员). */
  concernCollected: z._default(zInt(-100, 100), 1),
  /** Member who resolved a concern. */
  concernResolved: z._default(zInt(-100, 100), 2),
  /** Extra to the resolver when the resident confirms satisfied. */
  residentSatisfied: z._default(zInt(-100, 100), 1),
  /** Member who escalated a concern the next level resolved (passing it on is part of the job). */
  concernEscalated: z._default(zInt(-100, 100), 1),
  routineVisit: z._default(zInt(-100, 100), 0),
  /** A visit that closed a must-visit (三必访). */
  mustVisit: z._default(zInt(-100, 100), 1),
});
export type PointsRules = z.infer<typeof PointsRulesSchema>;

export const DEFAULT_POINTS_RULES: PointsRules = PointsRulesSchema.parse({});
