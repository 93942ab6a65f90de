// @lianxin/model: the community domain on Yjs. Exports are listed by name; see README.md.

// core
export { newId, createIdSource, isId, ID_PATTERN, ID_LENGTH } from './core/ids';
export type {
  Brand,
  IdSource,
  GridId,
  BuildingId,
  UnitId,
  HouseholdId,
  MemberId,
  GroupId,
  RelationId,
  PointsId,
  CareNoteId,
  ConcernId,
  ConcernEventId,
  VisitId,
  MustVisitId,
  MeetingId,
  MatterId,
  StepRecordId,
} from './core/ids';
export { message, isMessage } from './core/text';
export type { Message, MessageParams, Text } from './core/text';
export { ProblemCode, isProblem } from './core/problem';
export type { Problem } from './core/problem';
export { RejectCode, done, rejected, isDone } from './core/result';
export type { CommandResult, CommandDone, CommandRejected, Effect } from './core/result';
export { LOCAL_ORIGIN, dayOf } from './core/context';
export type { CommandContext } from './core/context';
export { isIsoDate, MAX } from './core/schema';
export type { IsoDate } from './core/schema';

// vocabulary
export {
  CommunityKind,
  MemberCategory,
  DutyRole,
  HouseholdRole,
  BranchPost,
  ResidentsPost,
  Consent,
  Level,
  LEVELS,
  ConcernStatus,
  MustVisitReason,
  VisitKind,
  CareKind,
  MeetingKind,
  MatterStep,
  MATTER_STEPS,
  MatterOrigin,
  LABELS,
} from './domain/vocabulary';

// public
export { PublicLayout, PUBLIC_SCHEMA_VERSION } from './public/publicLayout';
export {
  PublicCommunitySchema,
  PublicStepSchema,
  PublicResolutionSchema,
  PublicResultSchema,
  PublicPersonSchema,
  PublicLinkedMemberSchema,
  PublicFunctionHouseholdSchema,
  PublicBoardUnitSchema,
  PublicBoardSchema,
  PublicStatisticsSchema,
} from './public/publicSchema';
export type {
  PublicCommunity,
  PublicStep,
  PublicResolution,
  PublicResult,
  PublicPerson,
  PublicLinkedMember,
  PublicFunctionHousehold,
  PublicBoardUnit,
  PublicBoard,
  PublicStatistics,
  PublicDisclosure,
  PublicView,
} from './public/publicSchema';
export { readPublic } from './public/readPublic';
export type { PublicRead } from './public/readPublic';
export { publishCommunity, publishResolution, publishResult, unpublishMatter, publishBoards, publishStatistics } from './public/publish';
export type { PublicCommunityDraft, PublicResolutionDraft, PublicResultDraft, PublicBoardDraft, PublicStatisticsDraft } from './public/publish';
