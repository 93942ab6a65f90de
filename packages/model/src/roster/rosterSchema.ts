/** Stored shapes of the roster's records (see README "Document layout"). */
import * as z from 'zod/mini';
import { zActor, zId, zInt, zLabel, zName, zPhone, zText, zTime, zTitle } from '../core/schema';
import { opt, zBranchPost, zConsent, zDutyRole, zHouseholdRole, zMemberCategory, zResidentsPost, zSet } from '../core/zodValues';

/** Who did something: a member id or a token subject. */
export { zActor };

export const GridSchema = z.object({
  name: zName.check(z.minLength(1)),
  leaderId: opt(zId),
  order: z._default(zInt(-1e6, 1e6), 0),
});

export const BuildingSchema = z.object({
  gridId: zId,
  /** '58' in 58号楼; in a village, the group or lane. */
  number: zLabel.check(z.minLength(1)),
  /** Display name when it is not simply `<number>号楼`, e.g. 龙泉花园3幢. */
  name: opt(zLabel),
  /** 楼院/小区 the building belongs to. */
  compound: opt(zLabel),
  /** 干部联片: the committee member responsible for this building. */
  cadreId: opt(zId),
});

export const UnitSchema = z.object({
  buildingId: zId,
  number: zLabel.check(z.minLength(1)),
});

export const HouseholdSchema = z.object({
  buildingId: zId,
  unitId: opt(zId),
  room: zLabel,
  head: zName.check(z.minLength(1)),
  phone: opt(zPhone),
  size: z._default(zInt(0, 99), 1),
  roles: zSet(zHouseholdRole, 10),
  /** 党员联户: the member linked to this household. */
  memberId: opt(zId),
  linkedAt: opt(zTime),
  /** The head is a resident representative (居民代表/村民代表). */
  representative: z._default(z.boolean(), false),
  /** What of the head may appear publicly (function households on a board). */
  consent: z._default(zConsent, 'none'),
  createdAt: zTime,
});

export const MemberSchema = z.object({
  name: zName.check(z.minLength(1)),
  phone: opt(zPhone),
  category: z._default(zMemberCategory, 'selfManaged'),
  duties: zSet(zDutyRole, 10),
  groupId: opt(zId),
  branchPost: opt(zBranchPost),
  residentsPost: opt(zResidentsPost),
  representative: z._default(z.boolean(), false),
  /** The member's own home, for nearness in link suggestions. */
  householdId: opt(zId),
  pledge: opt(zText),
  consent: z._default(zConsent, 'none'),
  /** Own maximum of linked households, overriding the community's. */
  capacity: opt(zInt(1, 100)),
  active: z._default(z.boolean(), true),
  createdAt: zTime,
});

export const GroupSchema = z.object({
  name: zName.check(z.minLength(1)),
  gridId: opt(zId),
  leaderId: opt(zId),
});

export const RelationSchema = z.object({
  memberId: zId,
  householdId: zId,
  /** 亲属, 同事, 老邻居 … free words. */
  relation: zLabel.check(z.minLength(1)),
});

export const PointsRefSchema = z.object({ type: z.enum(['concern', 'visit', 'matter']), id: zId });

export const PointsEntrySchema = z.object({
  memberId: zId,
  amount: zInt(-1000, 1000),
  reason: zTitle.check(z.minLength(1)),
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
