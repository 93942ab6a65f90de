/**
 * The community's side of the link with its township, run by a committee device whenever `work`
 * or `escalations` changes: every concern escalated to the township gets a case (what the
 * township may know of it, kept current), and what the township decided comes back into the
 * community's own board (a resolution, a hand-back). Writes are idempotent and use ids derived
 * from what they copy, so two devices doing it at once write the same entries.
 */
import type * as Y from 'yjs';
import type { CommandContext } from '../core/context';
import { planEdit, writeChanged } from '../core/edit';
import type { ConcernId } from '../core/ids';
import { createRecord } from '../core/records';
import { LOCAL_ORIGIN } from '../core/context';
import { buildingLabel, unitLabel } from '../roster/labels';
import type { RosterView } from '../roster/rosterView';
import { handBackConcern, resolveConcern } from '../work/concernCommands';
import type { Concern } from '../work/workView';
import type { WorkView } from '../work/workView';
import { CaseSchema, EscalationsLayout, type CaseRecord } from './escalationsSchema';
import { CaseState, type EscalationsView } from './readEscalations';

const HISTORY_LINES = 200;

/** The place as words, never the household (the township needs where, not who). */
export function casePlace(roster: RosterView | null, c: Concern): string {
  const parts: string[] = [];
  const b = c.place.buildingId ? roster?.buildings.get(c.place.buildingId) : undefined;
  if (b) parts.push(buildingLabel(b));
  const u = c.place.unitId ? roster?.units.get(c.place.unitId) : undefined;
  if (u) parts.push(unitLabel(u));
  if (c.place.text) parts.push(c.place.text);
  return parts.join(' ').slice(0, 100);
}

/** The first applied escalation to the township, if any. */
function escalation(c: Concern) {
  return c.history.find((e) => e.applied && e.type === 'escalate' && e.level === 'township') ?? null;
}

/** What the case should say now, from the community's concern. */
export function caseFromConcern(c: Concern, roster: RosterView | null, nameOf: (actor: string) => string): CaseRecord | null {
  const up = escalation(c);
  if (!up && c.level !== 'township') return null;
  const escalatedAt = up?.at ?? c.createdAt;
  const resolved = c.status === 'resolved' || c.status === 'confirmed';
  return CaseSchema.parse({
    title: c.title,
    detail: c.detail,
    category: c.category,
    place: casePlace(roster, c),
    reportedAt: c.createdAt,
    escalatedAt,
    escalatedBy: nameOf(up?.by ?? c.createdBy).slice(0, 100) || '—',
    communityStatus: c.status,
    communityResolvedAt: resolved ? c.resolvedAt : null,
    satisfied: c.confirmation ? c.confirmation.satisfied : null,
    history: c.history
      .filter((e) => e.applied)
      .slice(-HISTORY_LINES)
      .map((e) => ({ type: e.type, level: 'level' in e ? e.level : null, at: e.at, note: 'note' in e ? (e.note ?? null) : null })),
  });
}

/** Brings `escalations` up to date with `work`; returns how many cases it created or changed. */
export function mirrorToEscalations(escalations: Y.Doc, current: EscalationsView, work: WorkView, roster: RosterView | null, nameOf: (actor: string) => string, origin: unknown = LOCAL_ORIGIN): number {
  let changed = 0;
  escalations.transact(() => {
    for (const c of work.concerns.values()) {
      const next = caseFromConcern(c, roster, nameOf);
      if (!next) continue;
      const existing = current.cases.get(c.id);
      if (!existing) {
        createRecord(escalations, EscalationsLayout.cases, c.id, next);
        changed++;
        continue;
      }
      const record: Record<string, unknown> = {};
      for (const key of Object.keys(next)) record[key] = (existing as unknown as Record<string, unknown>)[key];
      const plan = planEdit(CaseSchema, record, next as unknown as Record<string, unknown>);
      if (plan.ok && plan.changed.length > 0) {
        writeChanged(escalations, EscalationsLayout.cases, c.id, plan.next, plan.changed);
        changed++;
      }
    }
  }, origin);
  return changed;
}

/**
 * Brings the township's outcome into the community's board: a case the township resolved is
 * resolved in `work` (at the township's level, for the share resolved per level); a case handed
 * back returns to the community level with the reason. Event ids derive from the township's
 * action, so this runs safely on any number of devices. Returns how many events it wrote.
 */
export function applyTownshipOutcomes(workDoc: Y.Doc, work: WorkView, escalations: EscalationsView, context: Omit<CommandContext, 'newId'>): number {
  let written = 0;
  for (const c of escalations.cases.values()) {
    const concern = work.concerns.get(c.id as ConcernId);
    if (!concern) continue;
    const last = [...c.actions].reverse().find((a) => a.side === 'township' && (a.type === 'resolve' || a.type === 'handBack'));
    if (!last) continue;
    const id = `t${last.id}`.slice(0, 64);
    if (concern.history.some((e) => e.id === id)) continue;
    const ctx = { ...context, actor: last.by, now: last.at, newId: () => id };
    if (c.state === CaseState.resolved && c.resolvedBy === 'township' && last.type === 'resolve' && concern.status !== 'resolved' && concern.status !== 'confirmed') {
      if (resolveConcern(workDoc, c.id as ConcernId, { note: last.note }, ctx).type === 'done') written++;
    } else if (c.state === CaseState.handedBack && last.type === 'handBack' && concern.level === 'township') {
      if (handBackConcern(workDoc, c.id as ConcernId, { level: 'community', note: last.reason }, ctx).type === 'done') written++;
    }
  }
  return written;
}
