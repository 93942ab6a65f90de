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
export { compareZh, compareZhNumeric } from './core/zhCollator';
export { DEFAULT_TIME_ZONE, isTimeZone, dayInZone, dateTimeInZone } from './core/timeZone';
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
export { projectPublic, projectCommunity, projectBoards, projectResolution, projectResult, projectStatistics, publishProjection, publicViewOf, publicPerson } from './public/projectPublic';
export type { PublicProjection } from './public/projectPublic';

// roster
export { RosterLayout, ROSTER_SCHEMA_VERSION } from './roster/rosterLayout';
export { readMemberRoster, readRoster } from './roster/readRoster';
export type { MemberRosterRead, PickMember, RosterRead } from './roster/readRoster';
export type { RosterView, Grid, Building, Unit, Household, Member, Group, Relation, PointsEntry } from './roster/rosterView';
export { DEFAULT_SETTINGS, SETTINGS_FIELDS } from './roster/settings';
export type { CommunitySettings, SettingsField } from './roster/settings';
export { buildingLabel, unitLabel, householdLabel, normalizePhone, PHONE_PATTERN } from './roster/labels';
export { readSettings } from './roster/settings';
export { isLoopbackAddress, parsePublicAddress } from './roster/publicAddress';
export { updateSettings, addGrid, editGrid, removeGrid, addBuilding, editBuilding, removeBuilding, addUnit, editUnit, removeUnit, addGroup, editGroup, removeGroup } from './roster/structureCommands';
export type { SettingsPatch } from './roster/structureCommands';
export { addHousehold, editHousehold, moveHousehold, removeHousehold, linkHousehold, linkedHouseholds, capacityOf } from './roster/householdCommands';
export type { AddHouseholdInput, HouseholdPatch } from './roster/householdCommands';
export { setBranchPosts } from './roster/setBranchPosts';
export { addMember, editMember, removeMember, addRelation, removeRelation, addPoints, removePoints } from './roster/memberCommands';
export type { AddMemberInput, MemberPatch } from './roster/memberCommands';
export { suggestMembers, suggestHouseholds, capacityReport, proposeLinks, LinkReasonType } from './roster/suggestLinks';
export type { LinkSuggestion, LinkReason, MemberLoad, LinkProposal } from './roster/suggestLinks';

// care
export { CareLayout, readCare, addCareNote, editCareNote, removeCareNote } from './care/care';
export type { CareNote, CareView } from './care/care';

// work
export { WorkLayout } from './work/workSchema';
export type { Reporter, Place } from './work/workSchema';
export { readHouseholdsWork, readWork } from './work/readWork';
export type { WorkRead } from './work/readWork';
export type { WorkView, Concern, ConcernEvent, Visit, MustVisit } from './work/workView';
export {
  reportConcern,
  editConcern,
  removeConcern,
  acceptConcern,
  escalateConcern,
  handBackConcern,
  resolveConcern,
  reopenConcern,
  confirmConcern,
  assignConcern,
  linkConcernToMatter,
  noteConcern,
  handlerFor,
} from './work/concernCommands';
export type { ReportConcernInput } from './work/concernCommands';
export { DEFAULT_CONCERN_KINDS, concernKindText } from './work/concernKinds';
export { handlerChoices } from './work/handlerChoices';
export type { HandlerChoice } from './work/handlerChoices';
export { recordVisit, removeVisit, raiseMustVisit, cancelMustVisit } from './work/visitCommands';
export { overdueVisits, lastVisitDays } from './work/overdue';
export type { OverdueReport, OverdueHousehold, OpenMustVisit } from './work/overdue';
export { computeStatistics } from './work/statistics';
export type { WorkStatistics } from './work/statistics';
export { pointsLedger, rulePoints, POINTS_RULE_LABELS } from './work/pointsLedger';
export type { PointsLedger, PointsStanding } from './work/pointsLedger';
export { DEFAULT_POINTS_RULES, PointsRulesSchema } from './work/pointsRules';
export type { PointsRules } from './work/pointsRules';

// meetings and the 4+2 procedure
export { MeetingsLayout, MeetingStatus } from './meetings/meetingsSchema';
export type { Votes } from './meetings/meetingsSchema';
export { readMeetings } from './meetings/readMeetings';
export type { MeetingsRead } from './meetings/readMeetings';
export { StepState } from './meetings/meetingsView';
export type { MeetingsView, Meeting, Matter, StepRecord, StepStatus } from './meetings/meetingsView';
export { Body, DEFAULT_STEP_RULES, StepRuleSchema, StepRulesSchema, required } from './meetings/stepRules';
export type { StepRule, StepRules, Threshold, Fraction } from './meetings/stepRules';
export { dueSet, memberKey, householdKey } from './meetings/due';
export type { PersonKey } from './meetings/due';
export { evaluateStep, tallyProblem } from './meetings/evaluateStep';
export type { StepEvaluation, StepFacts, CheckResult } from './meetings/evaluateStep';
export { createMeeting, editMeeting, removeMeeting, setAttendance, addAgendaItem, removeAgendaItem } from './meetings/meetingCommands';
export type { Attendee } from './meetings/meetingCommands';
export { createMatter, editMatter, removeMatter, recordStep, voidStepRecord } from './meetings/matterCommands';
export type { RecordStepInput, RecordedStep } from './meetings/matterCommands';

// minutes
export { minutesText, minutesDocName, MINUTES_FIELD } from './minutes/minutes';

// import and export
export { parseCsv, toCsv } from './io/csv';
// XLSX reading and writing: `@lianxin/model/xlsx` (kept out of this entry, see src/xlsx.ts)
export { ROSTER_COLUMNS, RosterColumn, columnFor } from './io/rosterColumns';
export { previewImport } from './io/previewImport';
export { previewWorkbook } from './io/previewWorkbook';
export type { SheetUse, WorkbookSheet } from './io/previewWorkbook';
export type { ImportedMember, MemberImportPreview, MemberImportRow } from './io/previewMembers';
export type { ImportNoteGroup } from './io/summarizeRows';
export { buildingNumber, unitNumber, roomNumber, normalizePlaceNumber, normalizePersonName, foldWidth, searchKey, searchMatcher } from './core/placeText';
export type { ImportPreview, ImportRow, ImportRowStatus, ImportedHousehold } from './io/previewImport';
export { applyImport } from './io/applyImport';
export type { ImportSummary } from './io/applyImport';
export { rosterRows, exportRosterCsv } from './io/exportRoster';

// tier: the link with the township, summaries for the view from above, the region's own document
export { EscalationsLayout, CaseSchema, CaseActionSchema, AssigneeSchema, SharedRatingSchema } from './tier/escalationsSchema';
export type { CaseRecord, CaseActionRecord, CaseAssignee, SharedRatingRecord } from './tier/escalationsSchema';
export { readSharedRatings, copyRatings } from './tier/sharedRatings';
export type { SharedRatings } from './tier/sharedRatings';
export { CaseState, readEscalations, foldCase, isOverdue, daysWaiting, isOnDesk } from './tier/readEscalations';
export type { EscalatedCase, EscalationsView, EscalationsRead, CaseAction } from './tier/readEscalations';
export { actOnCase } from './tier/escalationCommands';
export type { CaseActionInput } from './tier/escalationCommands';
export { mirrorToEscalations, applyTownshipOutcomes, caseFromConcern, casePlace } from './tier/mirrorEscalations';
export { SummaryLayout, SummarySchema, SUMMARY_KEY } from './tier/summarySchema';
export type { Summary } from './tier/summarySchema';
export { computeSummary, expectedMeetings } from './tier/computeSummary';
export { readSummary, writeSummary } from './tier/summaryDoc';
export { RegionLayout, RegionMeetingKind, STAR_METRICS, RegionMeetingSchema, CriterionSchema, RatingSchema, PairingSchema, ContactSchema } from './tier/regionSchema';
export type { StarMetric, RegionMeetingRecord, CriterionRecord, RatingRecord, PairingRecord, ContactRecord } from './tier/regionSchema';
export { readRegion, pairingCadence, ratingKey } from './tier/readRegion';
export type { RegionView, RegionMeeting, Criterion, Rating, Pairing, Contact } from './tier/readRegion';
export { recordRegionMeeting, rateBranch, logContact, pairCadre, endPairing, saveCriterion, removeCriterion } from './tier/regionCommands';
export { figuresOf, byTownship, metricOf, starEvidence, DEFAULT_CRITERIA } from './tier/rollUp';
export type { Row as TierRow, Figures as TierFigures } from './tier/rollUp';
