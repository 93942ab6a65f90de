/**
 * Quorum and approval of each 4+2 step, as data per community kind (DESIGN.md: "rules per
 * community kind are data, not code"). A community may override them in roster settings.
 */
import * as z from 'zod/mini';
import { zInt } from '../core/schema';
import { zMeetingKind } from '../core/zodValues';
import type { CommunityKind, MatterStep, MeetingKind } from '../domain/vocabulary';

/** Whose attendance and votes count for a step; "due" is computed from the roster. */
export const Body = {
  /** 支委会: members holding a branch post. */
  branchCommittee: 'branchCommittee',
  /** 两委: members holding a branch or residents'/villagers' committee post. */
  committees: 'committees',
  /** 党员大会: all active members. */
  members: 'members',
  /** 居民/村民代表: households and members flagged as representatives. */
  representatives: 'representatives',
} as const;
export type Body = (typeof Body)[keyof typeof Body];

const zFraction = z.object({ num: zInt(0, 100), den: zInt(1, 100) }).check(z.refine((f) => f.num <= f.den, 'num must not exceed den'));
export type Fraction = z.infer<typeof zFraction>;

/** `atLeast`: n ≥ num/den·base; `moreThan`: n > num/den·base. */
const zThreshold = z.object({ op: z.enum(['atLeast', 'moreThan']), fraction: zFraction });
export type Threshold = z.infer<typeof zThreshold>;

export const StepRuleSchema = z.object({
  /** Whether the step is taken at a meeting (disclosures are not). */
  meeting: z.enum(['required', 'optional', 'none']),
  meetingKinds: z.array(zMeetingKind).check(z.maxLength(20)),
  body: z.nullable(z.enum(['branchCommittee', 'committees', 'members', 'representatives'])),
  /** Attendance needed, measured against due. */
  quorum: z.nullable(zThreshold),
  /** Votes for needed, measured against due or present. */
  approval: z.nullable(z.object({ base: z.enum(['due', 'present']), threshold: zThreshold })),
});
export type StepRule = z.infer<typeof StepRuleSchema>;

export const StepRulesSchema = z.object({
  propose: StepRuleSchema,
  deliberate: StepRuleSchema,
  review: StepRuleSchema,
  resolve: StepRuleSchema,
  discloseResolution: StepRuleSchema,
  discloseResult: StepRuleSchema,
});
export type StepRules = Readonly<Record<MatterStep, StepRule>>;

const half: Threshold = { op: 'moreThan', fraction: { num: 1, den: 2 } };
const twoThirds: Threshold = { op: 'atLeast', fraction: { num: 2, den: 3 } };
const disclosure: StepRule = { meeting: 'none', meetingKinds: [], body: null, quorum: null, approval: null };

function rules(resolveKinds: MeetingKind[]): StepRules {
  return {
    // 党组织提议: the branch committee meets; more than half present, majority of those present.
    propose: { meeting: 'required', meetingKinds: ['branchCommittee', 'jointCommittees'], body: 'branchCommittee', quorum: half, approval: { base: 'present', threshold: half } },
    // 两委会商议: majority decides.
    deliberate: { meeting: 'required', meetingKinds: ['jointCommittees', 'branchCommittee'], body: 'committees', quorum: half, approval: { base: 'present', threshold: half } },
    // 党员大会审议: ≥ 2/3 of members due attend; more than half of members due approve.
    review: { meeting: 'required', meetingKinds: ['memberAssembly'], body: 'members', quorum: twoThirds, approval: { base: 'due', threshold: half } },
    // 决议: ≥ 2/3 of representatives attend; more than half of those present approve.
    resolve: { meeting: 'required', meetingKinds: resolveKinds, body: 'representatives', quorum: twoThirds, approval: { base: 'present', threshold: half } },
    discloseResolution: disclosure,
    discloseResult: disclosure,
  };
}

/** Defaults: urban communities per the Organic Law of Urban Residents' Committees practice,
 * villages per the Organic Law of Villagers' Committees art. 26 (representatives' meeting). */
export const DEFAULT_STEP_RULES: Readonly<Record<CommunityKind, StepRules>> = {
  urban: rules(['representatives', 'residentsAssembly', 'residentsCouncil']),
  village: rules(['representatives', 'residentsAssembly']),
};

/** Smallest count that satisfies `threshold` of `base` (integer arithmetic, no float rounding). */
export function required(threshold: Threshold, base: number): number {
  const { num, den } = threshold.fraction;
  return threshold.op === 'atLeast' ? Math.floor((base * num + den - 1) / den) : Math.floor((base * num) / den) + 1;
}
