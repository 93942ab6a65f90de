import * as z from 'zod/mini';
import {
  BranchPost,
  CareKind,
  CommunityKind,
  Consent,
  DutyRole,
  HouseholdRole,
  Level,
  MatterOrigin,
  MatterStep,
  MeetingKind,
  MemberCategory,
  ResidentsPost,
  VisitKind,
  MustVisitReason,
} from '../domain/vocabulary';

const values = <T extends Record<string, string>>(o: T) => Object.values(o) as [T[keyof T], ...T[keyof T][]];

export const zCommunityKind = z.enum(values(CommunityKind));
export const zMemberCategory = z.enum(values(MemberCategory));
export const zDutyRole = z.enum(values(DutyRole));
export const zHouseholdRole = z.enum(values(HouseholdRole));
export const zBranchPost = z.enum(values(BranchPost));
export const zResidentsPost = z.enum(values(ResidentsPost));
export const zConsent = z.enum(values(Consent));
export const zLevel = z.enum(values(Level));
export const zVisitKind = z.enum(values(VisitKind));
export const zMustVisitReason = z.enum(values(MustVisitReason));
export const zCareKind = z.enum(values(CareKind));
export const zMeetingKind = z.enum(values(MeetingKind));
export const zMatterStep = z.enum(values(MatterStep));
export const zMatterOrigin = z.enum(values(MatterOrigin));

/** Optional in storage, null in the view. */
export function opt<T extends z.ZodMiniType>(schema: T) {
  return z._default(z.nullable(schema), null);
}

/** A list of distinct enum values (duplicates from a merge or a bad peer are dropped). */
export function zSet<T extends z.ZodMiniType<string>>(item: T, max = 20) {
  return z.pipe(
    z._default(z.array(item).check(z.maxLength(max)), []),
    z.transform((list: z.output<T>[]) => [...new Set(list)]),
  );
}
