/**
 * The domain's closed word lists (DESIGN.md "Domain words"), each with zh/en labels so exports,
 * imports and the public page can name them. `as const` objects, never enums.
 */
import type { Text } from '../core/text';

export const CommunityKind = { urban: 'urban', village: 'village' } as const;
export type CommunityKind = (typeof CommunityKind)[keyof typeof CommunityKind];

/** 自管/在职/离退休/流动/困难党员 */
export const MemberCategory = {
  selfManaged: 'selfManaged',
  employed: 'employed',
  retired: 'retired',
  mobile: 'mobile',
  hardship: 'hardship',
} as const;
export type MemberCategory = (typeof MemberCategory)[keyof typeof MemberCategory];

/** 八大员 */
export const DutyRole = {
  policy: 'policy',
  information: 'information',
  employment: 'employment',
  mediation: 'mediation',
  sanitation: 'sanitation',
  safety: 'safety',
  civility: 'civility',
  emergency: 'emergency',
} as const;
export type DutyRole = (typeof DutyRole)[keyof typeof DutyRole];

/** 功能户: 党员户/中心户/干警户/商业户/物管户 */
export const HouseholdRole = {
  member: 'member',
  hub: 'hub',
  police: 'police',
  business: 'business',
  property: 'property',
} as const;
export type HouseholdRole = (typeof HouseholdRole)[keyof typeof HouseholdRole];

/** Post in the branch committee (支委). */
export const BranchPost = { secretary: 'secretary', deputy: 'deputy', member: 'member' } as const;
export type BranchPost = (typeof BranchPost)[keyof typeof BranchPost];

/** Post in the residents'/villagers' committee (居委会/村委会). */
export const ResidentsPost = { director: 'director', deputy: 'deputy', member: 'member' } as const;
export type ResidentsPost = (typeof ResidentsPost)[keyof typeof ResidentsPost];

/** What may be shown publicly about a person (member on a board, function household). */
export const Consent = { none: 'none', name: 'name', nameAndPhone: 'nameAndPhone' } as const;
export type Consent = (typeof Consent)[keyof typeof Consent];

/** 小事不出单元、不出楼,大事不出社区: lowest level first. */
export const Level = { member: 'member', grid: 'grid', community: 'community', township: 'township' } as const;
export type Level = (typeof Level)[keyof typeof Level];
export const LEVELS: readonly Level[] = [Level.member, Level.grid, Level.community, Level.township];

export const ConcernStatus = { open: 'open', inProgress: 'inProgress', resolved: 'resolved', confirmed: 'confirmed' } as const;
export type ConcernStatus = (typeof ConcernStatus)[keyof typeof ConcernStatus];

/** 三必访 reasons; a routine visit is the fourth kind. */
export const MustVisitReason = { hardship: 'hardship', accident: 'accident', conflict: 'conflict' } as const;
export type MustVisitReason = (typeof MustVisitReason)[keyof typeof MustVisitReason];
export const VisitKind = { routine: 'routine', ...MustVisitReason } as const;
export type VisitKind = (typeof VisitKind)[keyof typeof VisitKind];

/** Sensitive notes, kept only in `care`. */
export const CareKind = { hardship: 'hardship', disability: 'disability', elderlyAlone: 'elderlyAlone', health: 'health', other: 'other' } as const;
export type CareKind = (typeof CareKind)[keyof typeof CareKind];

/** 三会一课, 主题党日, 院坝会, 居民议事会, and the meetings the 4+2 steps need. */
export const MeetingKind = {
  branchCommittee: 'branchCommittee',
  jointCommittees: 'jointCommittees',
  memberAssembly: 'memberAssembly',
  groupMeeting: 'groupMeeting',
  partyLecture: 'partyLecture',
  activityDay: 'activityDay',
  courtyard: 'courtyard',
  residentsCouncil: 'residentsCouncil',
  representatives: 'representatives',
  residentsAssembly: 'residentsAssembly',
} as const;
export type MeetingKind = (typeof MeetingKind)[keyof typeof MeetingKind];

/** 四议两公开, in order. */
export const MatterStep = {
  propose: 'propose',
  deliberate: 'deliberate',
  review: 'review',
  resolve: 'resolve',
  discloseResolution: 'discloseResolution',
  discloseResult: 'discloseResult',
} as const;
export type MatterStep = (typeof MatterStep)[keyof typeof MatterStep];
export const MATTER_STEPS: readonly MatterStep[] = [
  MatterStep.propose,
  MatterStep.deliberate,
  MatterStep.review,
  MatterStep.resolve,
  MatterStep.discloseResolution,
  MatterStep.discloseResult,
];

/** Where a matter came from. */
export const MatterOrigin = { concern: 'concern', branch: 'branch', member: 'member', resident: 'resident', township: 'township' } as const;
export type MatterOrigin = (typeof MatterOrigin)[keyof typeof MatterOrigin];

type Labels<T extends string> = Readonly<Record<T, Text>>;

export const LABELS: {
  readonly communityKind: Labels<CommunityKind>;
  readonly memberCategory: Labels<MemberCategory>;
  readonly dutyRole: Labels<DutyRole>;
  readonly householdRole: Labels<HouseholdRole>;
  readonly branchPost: Labels<BranchPost>;
  readonly residentsPost: Labels<ResidentsPost>;
  readonly consent: Labels<Consent>;
  readonly level: Labels<Level>;
  readonly concernStatus: Labels<ConcernStatus>;
  readonly visitKind: Labels<VisitKind>;
  readonly careKind: Labels<CareKind>;
  readonly meetingKind: Labels<MeetingKind>;
  readonly matterStep: Labels<MatterStep>;
  readonly matterOrigin: Labels<MatterOrigin>;
} = {
  communityKind: { urban: { zh: '社区', en: 'community' }, village: { zh: '村', en: 'village' } },
  memberCategory: {
    selfManaged: { zh: '自管党员', en: 'self-managed' },
    employed: { zh: '在职党员', en: 'employed' },
    retired: { zh: '离退休党员', en: 'retired' },
    mobile: { zh: '流动党员', en: 'mobile' },
    hardship: { zh: '困难党员', en: 'in hardship' },
  },
  dutyRole: {
    policy: { zh: '政策法规宣传员', en: 'policy promoter' },
    information: { zh: '社情信息收集员', en: 'information collector' },
    employment: { zh: '就业增收指导员', en: 'employment guide' },
    mediation: { zh: '矛盾纠纷调解员', en: 'dispute mediator' },
    sanitation: { zh: '环境卫生监督员', en: 'sanitation monitor' },
    safety: { zh: '安全稳定管理员', en: 'safety steward' },
    civility: { zh: '文明新风示范员', en: 'civility model' },
    emergency: { zh: '危难险重突击员', en: 'emergency responder' },
  },
  householdRole: {
    member: { zh: '党员户', en: 'member household' },
    hub: { zh: '中心户', en: 'hub household' },
    police: { zh: '干警户', en: 'police household' },
    business: { zh: '商业户', en: 'business household' },
    property: { zh: '物管户', en: 'property-management household' },
  },
  branchPost: {
    secretary: { zh: '党支部书记', en: 'branch secretary' },
    deputy: { zh: '党支部副书记', en: 'deputy branch secretary' },
    member: { zh: '支部委员', en: 'branch committee member' },
  },
  residentsPost: {
    director: { zh: '主任', en: 'director' },
    deputy: { zh: '副主任', en: 'deputy director' },
    member: { zh: '委员', en: 'committee member' },
  },
  consent: {
    none: { zh: '不公开', en: 'not public' },
    name: { zh: '公开姓名', en: 'name public' },
    nameAndPhone: { zh: '公开姓名和电话', en: 'name and phone public' },
  },
  level: {
    member: { zh: '党员', en: 'member' },
    grid: { zh: '网格', en: 'grid' },
    community: { zh: '社区', en: 'community' },
    township: { zh: '乡镇(街道)', en: 'township' },
  },
  concernStatus: {
    open: { zh: '待处理', en: 'open' },
    inProgress: { zh: '处理中', en: 'in progress' },
    resolved: { zh: '已办结', en: 'resolved' },
    confirmed: { zh: '已确认', en: 'confirmed' },
  },
  visitKind: {
    routine: { zh: '日常走访', en: 'routine visit' },
    hardship: { zh: '困难必访', en: 'must-visit: hardship' },
    accident: { zh: '意外必访', en: 'must-visit: accident' },
    conflict: { zh: '矛盾必访', en: 'must-visit: neighbour conflict' },
  },
  careKind: {
    hardship: { zh: '困难/低保', en: 'hardship / minimum allowance' },
    disability: { zh: '残疾', en: 'disability' },
    elderlyAlone: { zh: '独居老人', en: 'elderly living alone' },
    health: { zh: '健康', en: 'health' },
    other: { zh: '其他', en: 'other' },
  },
  meetingKind: {
    branchCommittee: { zh: '支委会', en: 'branch committee meeting' },
    jointCommittees: { zh: '两委联席会议', en: 'joint committees meeting' },
    memberAssembly: { zh: '党员大会', en: 'branch members assembly' },
    groupMeeting: { zh: '党小组会', en: 'party group meeting' },
    partyLecture: { zh: '党课', en: 'party lecture' },
    activityDay: { zh: '主题党日', en: 'fixed activity day' },
    courtyard: { zh: '院坝会', en: 'courtyard meeting' },
    residentsCouncil: { zh: '居民议事会', en: "residents' council" },
    representatives: { zh: '居(村)民代表会议', en: "residents' representatives meeting" },
    residentsAssembly: { zh: '居(村)民会议', en: "residents' assembly" },
  },
  matterStep: {
    propose: { zh: '党组织提议', en: 'branch proposes' },
    deliberate: { zh: '两委会商议', en: 'committees deliberate' },
    review: { zh: '党员大会审议', en: 'members review' },
    resolve: { zh: '居(村)民会议决议', en: 'residents resolve' },
    discloseResolution: { zh: '决议公开', en: 'resolution disclosed' },
    discloseResult: { zh: '实施结果公开', en: 'result disclosed' },
  },
  matterOrigin: {
    concern: { zh: '群众反映的问题', en: "a resident's concern" },
    branch: { zh: '党组织', en: 'the branch' },
    member: { zh: '党员建议', en: "a member's suggestion" },
    resident: { zh: '群众建议', en: "a resident's suggestion" },
    township: { zh: '乡镇(街道)', en: 'the township' },
  },
};
