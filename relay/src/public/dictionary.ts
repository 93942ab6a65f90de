/**
 * Every word the public pages print, in Simplified Chinese (the default) and English. The
 * model's word lists (steps, meeting kinds, household roles) come with their own labels.
 */
export const Lang = { zh: 'zh', en: 'en' } as const;
export type Lang = (typeof Lang)[keyof typeof Lang];

/** `?lang=en` selects English; anything else (or nothing) is Simplified Chinese. */
export function parseLang(value: string | undefined): Lang {
  return value === Lang.en ? Lang.en : Lang.zh;
}

export const HTML_LANG: Readonly<Record<Lang, string>> = { zh: 'zh-CN', en: 'en' };

export interface Dictionary {
  readonly boardTitle: string;
  readonly pageTitle: (name: string) => string;
  readonly untitledCommunity: string;
  readonly otherLanguage: string;
  readonly otherLanguageLabel: string;
  readonly address: string;
  readonly phone: string;
  readonly officeHours: string;
  /** 支部争五星: the label and the stars' accessible text */
  readonly stars: string;
  readonly starsOf: (stars: number, year: number, township: string) => string;
  readonly contents: string;
  readonly sectionBoards: string;
  readonly sectionDisclosures: string;
  readonly sectionStatistics: string;
  readonly findIntro: string;
  readonly findLabel: string;
  readonly findHint: string;
  readonly findButton: string;
  readonly findShowAll: string;
  readonly findFound: (query: string, count: number) => string;
  readonly findNone: (query: string) => string;
  readonly buildingIndex: string;
  readonly grid: string;
  readonly noGrid: string;
  readonly gridLeader: string;
  readonly cadre: string;
  readonly households: (count: number) => string;
  readonly members: string;
  readonly memberServes: (count: number) => string;
  readonly functionHouseholds: string;
  readonly nameWithheld: string;
  readonly memberWithheld: string;
  readonly noMembers: string;
  readonly noUnit: string;
  readonly printBoard: string;
  readonly printUnitBoard: string;
  readonly noBoards: string;
  readonly noDisclosures: string;
  readonly decidedOn: string;
  readonly summary: string;
  readonly decision: string;
  readonly steps: string;
  readonly attendance: (present: number | null, due: number | null) => string;
  readonly votes: (forCount: number, against: number, abstain: number) => string;
  readonly passed: string;
  readonly failed: string;
  readonly result: string;
  readonly completedOn: string;
  readonly resultPending: string;
  /** Label before a step's warning, e.g. attendance not recorded. */
  readonly stepWarning: string;
  readonly publishedOn: string;
  readonly noStatistics: string;
  readonly period: (from: string | null, asOf: string) => string;
  readonly collected: string;
  readonly responded: string;
  readonly resolved: string;
  readonly confirmed: string;
  readonly satisfied: string;
  readonly rates: string;
  readonly responseRate: string;
  readonly resolutionRate: string;
  readonly satisfactionRate: string;
  readonly notApplicable: string;
  readonly resolvedByLevel: string;
  readonly medianDays: string;
  readonly days: (n: number) => string;
  readonly visits: string;
  readonly linkedHouseholds: string;
  readonly visitedWithin: (days: number) => string;
  readonly coverage: string;
  readonly rosterHouseholds: string;
  readonly rosterMembers: string;
  readonly concerns: string;
  readonly qrCaption: string;
  readonly qrAlt: string;
  readonly boardContact: string;
  readonly boardPrintHint: string;
  readonly sizeA4: string;
  readonly sizeA5: string;
  readonly backToPage: string;
  readonly notFoundTitle: string;
  readonly notFoundText: string;
  readonly truncated: string;
  readonly lastUpdated: (day: string) => string;
  readonly footer: string;
  /** Between a label and its value. */
  readonly colon: string;
  /** A parenthetical after a word: a post, a unit. */
  readonly aside: (text: string) => string;
  readonly moreNotShown: (count: number) => string;
  readonly moreBuildings: (count: number) => string;
}

const zh: Dictionary = {
  boardTitle: '党员服务牌',
  pageTitle: (name) => `${name} · 公开栏`,
  untitledCommunity: '公开栏',
  otherLanguage: 'English',
  otherLanguageLabel: 'Read this page in English',
  address: '地址',
  phone: '电话',
  officeHours: '办公时间',
  stars: '支部争五星',
  starsOf: (stars, year, township) => `${year} 年${township}评定 ${stars} 星`,
  contents: '目录',
  sectionBoards: '服务牌：找到为您服务的党员',
  sectionDisclosures: '决议与实施结果公开',
  sectionStatistics: '民情办理统计',
  findIntro: '输入楼号，查看为这栋楼和各单元服务的干部和党员。',
  findLabel: '楼号',
  findHint: '例如：10',
  findButton: '查找',
  findShowAll: '显示全部楼栋',
  findFound: (q, n) => `“${q}”：找到 ${n} 栋楼`,
  findNone: (q) => `没有找到与“${q}”对应的楼栋，以下是全部楼栋。`,
  buildingIndex: '楼栋索引',
  grid: '网格',
  noGrid: '未划分网格',
  gridLeader: '网格长',
  cadre: '联片干部',
  households: (n) => `${n} 户`,
  members: '联户党员',
  memberServes: (n) => `联系 ${n} 户`,
  functionHouseholds: '功能户',
  nameWithheld: '（未公开姓名）',
  memberWithheld: '党员',
  noMembers: '暂无联户党员',
  noUnit: '其他住户',
  printBoard: '打印本楼服务牌',
  printUnitBoard: '打印本单元服务牌',
  noBoards: '尚未发布服务牌。',
  noDisclosures: '尚未公开任何决议。',
  decidedOn: '决议日期',
  summary: '事项',
  decision: '决议内容',
  steps: '“四议两公开”各步骤',
  attendance: (present, due) =>
    due !== null && present !== null ? `应到 ${due} 人，实到 ${present} 人` : present !== null ? `实到 ${present} 人` : `应到 ${due ?? 0} 人`,
  votes: (f, a, b) => `赞成 ${f} 票，反对 ${a} 票，弃权 ${b} 票`,
  passed: '通过',
  failed: '未通过',
  result: '实施结果',
  completedOn: '完成日期',
  resultPending: '实施结果尚未公开。',
  stepWarning: '⚠ 请注意',
  publishedOn: '公开日期',
  noStatistics: '尚未发布统计数据。',
  period: (from, asOf) => (from ? `统计期间：${from} 至 ${asOf}` : `统计截至 ${asOf}`),
  collected: '收集民情',
  responded: '已响应',
  resolved: '已办结',
  confirmed: '群众已确认',
  satisfied: '群众满意',
  rates: '“三率”',
  responseRate: '响应率',
  resolutionRate: '办结率',
  satisfactionRate: '满意率',
  notApplicable: '—',
  resolvedByLevel: '办结层级（小事不出单元、不出楼，大事不出社区）',
  medianDays: '办结用时（中位数）',
  days: (n) => `${n} 天`,
  visits: '党员联户走访',
  linkedHouseholds: '联系户数',
  visitedWithin: (d) => `${d} 天内走访过的户数`,
  coverage: '按期走访率',
  rosterHouseholds: '住户',
  rosterMembers: '党员',
  concerns: '民情',
  qrCaption: '扫码查看本社区公开栏',
  qrAlt: '二维码：本社区公开栏网址',
  boardContact: '社区联系方式',
  boardPrintHint: '请使用浏览器的“打印”功能打印本页。',
  sizeA4: 'A4 纸',
  sizeA5: 'A5 纸',
  backToPage: '返回公开栏',
  notFoundTitle: '没有找到这个公开栏',
  notFoundText: '请核对网址，或向社区（村）工作人员询问。',
  truncated: '（内容过长，已截断）',
  lastUpdated: (d) => `最近更新：${d}`,
  footer: '本页内容由社区（村）党组织发布。',
  colon: '：',
  aside: (text) => `（${text}）`,
  moreNotShown: (n) => `另有 ${n} 项较早的内容未在此显示。`,
  moreBuildings: (n) => `另有 ${n} 栋楼未在此列出，请按楼号查找。`,
};

const en: Dictionary = {
  boardTitle: 'Party member service board',
  pageTitle: (name) => `${name} · Public notice board`,
  untitledCommunity: 'Public notice board',
  otherLanguage: '简体中文',
  otherLanguageLabel: '用简体中文阅读本页',
  address: 'Address',
  phone: 'Phone',
  officeHours: 'Office hours',
  stars: 'Five-star branch rating',
  starsOf: (stars, year, township) => `${stars} of 5 stars, rated by ${township} for ${year}`,
  contents: 'Contents',
  sectionBoards: 'Service boards: who serves your building',
  sectionDisclosures: 'Resolutions and results',
  sectionStatistics: 'Concerns handled',
  findIntro: 'Enter a building number to see the cadre and party members serving it and each of its units.',
  findLabel: 'Building number',
  findHint: 'e.g. 10',
  findButton: 'Find',
  findShowAll: 'Show all buildings',
  findFound: (q, n) => `“${q}”: ${n} building${n === 1 ? '' : 's'} found`,
  findNone: (q) => `No building matches “${q}”; all buildings are listed below.`,
  buildingIndex: 'Buildings',
  grid: 'Grid',
  noGrid: 'No grid',
  gridLeader: 'Grid leader',
  cadre: 'Responsible cadre',
  households: (n) => `${n} household${n === 1 ? '' : 's'}`,
  members: 'Linked party members',
  memberServes: (n) => `serves ${n} household${n === 1 ? '' : 's'}`,
  functionHouseholds: 'Function households',
  nameWithheld: '(name not published)',
  memberWithheld: 'Party member',
  noMembers: 'No linked party member yet',
  noUnit: 'Other households',
  printBoard: 'Print the board of this building',
  printUnitBoard: 'Print the board of this unit',
  noBoards: 'No service board has been published yet.',
  noDisclosures: 'No resolution has been published yet.',
  decidedOn: 'Decided on',
  summary: 'Matter',
  decision: 'Decision',
  steps: 'The “four deliberations, two disclosures” steps',
  attendance: (present, due) =>
    due !== null && present !== null ? `${present} of ${due} present` : present !== null ? `${present} present` : `${due ?? 0} due`,
  votes: (f, a, b) => `${f} for, ${a} against, ${b} abstaining`,
  passed: 'Passed',
  failed: 'Not passed',
  result: 'Implementation result',
  completedOn: 'Completed on',
  resultPending: 'The implementation result has not been published yet.',
  stepWarning: '⚠ Note',
  publishedOn: 'Published on',
  noStatistics: 'No statistics have been published yet.',
  period: (from, asOf) => (from ? `Period: ${from} to ${asOf}` : `As of ${asOf}`),
  collected: 'Concerns collected',
  responded: 'Responded to',
  resolved: 'Resolved',
  confirmed: 'Confirmed by residents',
  satisfied: 'Residents satisfied',
  rates: 'The three rates',
  responseRate: 'Response rate',
  resolutionRate: 'Resolution rate',
  satisfactionRate: 'Satisfaction rate',
  notApplicable: '—',
  resolvedByLevel: 'Resolved at which level (lowest first)',
  medianDays: 'Median time to resolve',
  days: (n) => `${n} day${n === 1 ? '' : 's'}`,
  visits: 'Visits by linked members',
  linkedHouseholds: 'Linked households',
  visitedWithin: (d) => `Visited within ${d} days`,
  coverage: 'Visited on time',
  rosterHouseholds: 'Households',
  rosterMembers: 'Party members',
  concerns: 'Concerns',
  qrCaption: "Scan for the community's public notice board",
  qrAlt: "QR code: the address of the community's public notice board",
  boardContact: 'Community office',
  boardPrintHint: "Use your browser's Print command to print this page.",
  sizeA4: 'A4 paper',
  sizeA5: 'A5 paper',
  backToPage: 'Back to the notice board',
  notFoundTitle: 'Notice board not found',
  notFoundText: 'Please check the address, or ask your community (village) office.',
  truncated: '(too long, shortened)',
  lastUpdated: (d) => `Last updated: ${d}`,
  footer: 'Published by the community (village) party branch.',
  colon: ': ',
  aside: (text) => ` (${text})`,
  moreNotShown: (n) => `${n} older item${n === 1 ? ' is' : 's are'} not shown here.`,
  moreBuildings: (n) => `${n} more building${n === 1 ? ' is' : 's are'} not listed here; search by building number.`,
};

export const DICTIONARY: Readonly<Record<Lang, Dictionary>> = { zh, en };

/** A bilingual text from the document, in `lang`, falling back to Chinese when empty. */
export function pick(text: { readonly zh: string; readonly en: string }, lang: Lang): string {
  return lang === Lang.en && text.en.trim() !== '' ? text.en : text.zh;
}
