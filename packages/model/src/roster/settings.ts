/** Community settings, stored field by field in the roster's `settings` map. */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import { DocKind } from '@lianxin/protocol';
import { problem, ProblemCode, invalidEntry, type Problem } from '../core/problem';
import { describeIssues, zInt, zName, zPhone, zText, zTitle } from '../core/schema';
import { message } from '../core/text';
import { plainValue, topMap } from '../core/ydoc';
import { zCommunityKind } from '../core/zodValues';
import type { CommunityKind } from '../domain/vocabulary';
import { DEFAULT_STEP_RULES, StepRulesSchema, type StepRules } from '../meetings/stepRules';
import { DEFAULT_POINTS_RULES, PointsRulesSchema, type PointsRules } from '../work/pointsRules';
import { ConcernKindsSchema, DEFAULT_CONCERN_KINDS } from '../work/concernKinds';
import { DEFAULT_TIME_ZONE } from '../core/timeZone';
import { zTimeZone } from '../core/zTimeZone';

export const RosterSettingsName = 'settings';

export interface CommunitySettings {
  readonly name: string;
  readonly kind: CommunityKind;
  readonly township: string | null;
  readonly address: string | null;
  readonly phone: string | null;
  readonly officeHours: string | null;
  readonly intro: string | null;
  /** The origin members' phones open (invite links and their QR codes); null: the app's own. */
  readonly publicUrl: string | null;
  /** Households a member should serve: a warning below min or above max, never a cap. */
  readonly linkMin: number;
  readonly linkMax: number;
  /** 服务承诺: a linked household is overdue after this many days without a visit. */
  readonly visitIntervalDays: number;
  /** A concern counts as responded-to in time if acted on within this many days. */
  readonly responseDays: number;
  readonly pointsRules: PointsRules;
  /** The community's own 4+2 rules, or the defaults for its kind. */
  readonly stepRules: StepRules;
  /** 问题类别 a concern is sorted by (data, editable). */
  readonly concernKinds: readonly string[];
  /** IANA zone every day is counted and every date shown in. */
  readonly timeZone: string;
}

const fieldSchemas = {
  name: zName,
  kind: zCommunityKind,
  township: z.nullable(zName),
  address: z.nullable(zTitle),
  phone: z.nullable(zPhone),
  officeHours: z.nullable(zTitle),
  intro: z.nullable(zText),
  publicUrl: z.nullable(z.string().check(z.maxLength(200), z.regex(/^https?:\/\/[^/\s]+$/, 'an http(s) origin such as http://192.168.1.20:8787'))),
  linkMin: zInt(1, 100),
  linkMax: zInt(1, 100),
  visitIntervalDays: zInt(1, 365),
  responseDays: zInt(0, 365),
  pointsRules: PointsRulesSchema,
  stepRules: z.nullable(StepRulesSchema),
  concernKinds: ConcernKindsSchema,
  timeZone: zTimeZone,
} as const;

export type SettingsField = keyof typeof fieldSchemas;
export const SETTINGS_FIELDS = Object.keys(fieldSchemas) as SettingsField[];

export const DEFAULT_SETTINGS: Omit<CommunitySettings, 'stepRules'> = {
  name: '',
  kind: 'urban',
  township: null,
  address: null,
  phone: null,
  officeHours: null,
  intro: null,
  publicUrl: null,
  linkMin: 5,
  linkMax: 10,
  visitIntervalDays: 14,
  responseDays: 2,
  pointsRules: DEFAULT_POINTS_RULES,
  concernKinds: DEFAULT_CONCERN_KINDS,
  timeZone: DEFAULT_TIME_ZONE,
};

/** Validates one settings field (commands use this before writing). */
export function parseSettingsField(field: SettingsField, value: unknown): { ok: true; value: unknown } | { ok: false; why: string } {
  const r = fieldSchemas[field].safeParse(value);
  return r.success ? { ok: true, value: r.data } : { ok: false, why: describeIssues(r.error) };
}

export function readSettings(doc: Y.Doc, problems: Problem[]): CommunitySettings {
  const map = topMap(doc, DocKind.roster, RosterSettingsName, problems);
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS, stepRules: null };
  if (map) {
    for (const field of SETTINGS_FIELDS) {
      if (!map.has(field)) continue;
      const parsed = parseSettingsField(field, plainValue(map.get(field)));
      if (parsed.ok) out[field] = parsed.value;
      else if (field === 'stepRules' || field === 'pointsRules') {
        problems.push(problem(ProblemCode.invalidRules, DocKind.roster, `${RosterSettingsName}/${field}`, message('problem.invalidRules', { field }, `社区规则 ${field} 无效,已使用默认规则`, `Community rules ${field} are invalid; the defaults are used`)));
      } else problems.push(invalidEntry(DocKind.roster, `${RosterSettingsName}/${field}`, parsed.why));
    }
  }
  let linkMin = out.linkMin as number;
  let linkMax = out.linkMax as number;
  if (linkMin > linkMax) {
    problems.push(invalidEntry(DocKind.roster, `${RosterSettingsName}/linkMin`, 'linkMin exceeds linkMax; defaults used'));
    linkMin = DEFAULT_SETTINGS.linkMin;
    linkMax = DEFAULT_SETTINGS.linkMax;
  }
  const kind = out.kind as CommunityKind;
  return {
    ...(out as Omit<CommunitySettings, 'stepRules' | 'linkMin' | 'linkMax'>),
    linkMin,
    linkMax,
    stepRules: (out.stepRules as StepRules | null) ?? DEFAULT_STEP_RULES[kind],
  };
}
