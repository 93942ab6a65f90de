/** Stored shapes of the roster's records (see README "Document layout"). */
import { z } from 'zod';
import { MAX, zId, zLabel, zName, zPhone, zText, zTime, zTitle } from '../core/schema';
import { opt, zBranchPost, zConsent, zDutyRole, zHouseholdRole, zMemberCategory, zResidentsPost, zSet } from '../core/zodValues';

/** Who did something: a member id or a token subject. */
export const zActor = z.string().min(1).max(MAX.name);

export const GridSchema = z.object({
  name: zName.min(1),
  leaderId: opt(zId),
  order: z.number().int().min(-1e6).max(1e6).default(0),
});

export const BuildingSchema = z.object({
  gridId: zId,
  /** '58' in 58号楼; in a village, the group or lane. */
  number: zLabel.min(1),
  /** Display name when it is not simply `<number>号楼`, e.g. 龙泉花园3幢. */
  name: opt(zLabel),
  /** 楼院/小区 the building belongs to. */
  compound: opt(zLabel),
  /** 干部联片: the committee member responsible for this building. */
  cadreId: opt(zId),
});

export const UnitSchema = z.object({
  buildingId: zId,
  number: zLabel.min(1),
});

export const HouseholdSchema = z.object({
  buildingId: zId,
  unitId: opt(zId),
  room: zLabel,
  head: zName.min(1),
  phone: opt(zPhone),
  size: z.number().int().min(0).max(99).default(1),
  roles: zSet(zHouseholdRole, 10),
  /** 党员联户: the member linked to this household. */
  memberId: opt(zId),
  linkedAt: opt(zTime),
  /** The head is a resident representative (居民代表/村民代表). */
  representative: z.boolean().default(false),
  /** What of the head may appear publicly (function households on a board). */
  consent: zConsent.default('none'),
  createdAt: zTime,
});

export const MemberSchema = z.object({
  name: zName.min(1),
  phone: opt(zPhone),
  category: zMemberCategory.default('selfManaged'),
  duties: zSet(zDutyRole, 10),
  groupId: opt(zId),
  branchPost: opt(zBranchPost),
  residentsPost: opt(zResidentsPost),
  representative: z.boolean().default(false),
  /** The member's own home, for nearness in link suggestions. */
  householdId: opt(zId),
  pledge: opt(zText),
  consent: zConsent.default('none'),
  /** Own maximum of linked households, overriding the community's. */
  capacity: opt(z.number().int().min(1).max(100)),
  active: z.boolean().default(true),
  createdAt: zTime,
});

export const GroupSchema = z.object({
  name: zName.min(1),
  gridId: opt(zId),
  leaderId: opt(zId),
});

export const RelationSchema = z.object({
  memberId: zId,
  householdId: zId,
  /** 亲属, 同事, 老邻居 … free words. */
  relation: zLabel.min(1),
});

export const PointsRefSchema = z.object({ type: z.enum(['concern', 'visit', 'matter']), id: zId });

export const PointsEntrySchema = z.object({
  memberId: zId,
  amount: z.number().int().min(-1000).max(1000),
  reason: zTitle.min(1),
  ref: opt(PointsRefSchema),
  by: zActor,
  at: zTime,
});

export type GridRecord = z.infer<typeof GridSchema>;
export type BuildingRecord = z.infer<typeof BuildingSchema>;
export type UnitRecord = z.infer<typeof UnitSchema>;
export type HouseholdRecord = z.infer<typeof HouseholdSchema>;
export type MemberRecord = z.infer<typeof MemberSchema>;
export type GroupRecord = z.infer<typeof GroupSchema>;
export type RelationRecord = z.infer<typeof RelationSchema>;
export type PointsEntryRecord = z.infer<typeof PointsEntrySchema>;
export type PointsRef = z.infer<typeof PointsRefSchema>;
