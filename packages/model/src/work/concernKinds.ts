/**
 * 问题类别: the kinds of problem a community sorts its concerns by. The list is data, a roster
 * setting each community edits; a concern stores the kind as written, so renaming or removing a
 * kind later never breaks an old concern.
 */
import * as z from 'zod/mini';
import { zLabel } from '../core/schema';
import type { Text } from '../core/text';
import { LABELS, type DutyRole } from '../domain/vocabulary';

/** The defaults, with English names for the English UI (a community's own kinds show as written). */
const DEFAULT_KIND_TEXTS: readonly Text[] = [
  { zh: '环境卫生', en: 'sanitation' },
  { zh: '设施维修', en: 'repairs' },
  { zh: '停车', en: 'parking' },
  { zh: '矛盾纠纷', en: 'disputes' },
  { zh: '治安安全', en: 'safety and security' },
  { zh: '邻里互助', en: 'neighbourly help' },
  { zh: '政策咨询', en: 'policy questions' },
  { zh: '其他', en: 'other' },
];

export const DEFAULT_CONCERN_KINDS: readonly string[] = DEFAULT_KIND_TEXTS.map((k) => k.zh);

export const ConcernKindsSchema = z
  .array(zLabel.check(z.trim(), z.minLength(1)))
  .check(
    z.minLength(1),
    z.maxLength(50),
    z.refine((kinds) => new Set(kinds).size === kinds.length, 'each kind only once'),
  );

const byName = new Map(DEFAULT_KIND_TEXTS.map((k) => [k.zh, k]));

/**
 * How to show a concern's kind: a default kind in both languages, a community's own kind as
 * written, and a concern from before kinds were data (which stored a duty role) by that role.
 */
export function concernKindText(kind: string): Text {
  const known = byName.get(kind);
  if (known) return known;
  if (Object.hasOwn(LABELS.dutyRole, kind)) return LABELS.dutyRole[kind as DutyRole];
  return { zh: kind, en: kind };
}
