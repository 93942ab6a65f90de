import type * as Y from 'yjs';
import { DocKind } from '@lianxin/protocol';
import type { ConcernId } from '../core/ids';
import { danglingRef, type Problem } from '../core/problem';
import { readEntries } from '../core/readEntries';
import { readRecords } from '../core/records';
import { dayOf } from '../core/context';
import type { IsoDate } from '../core/schema';
import { topMap } from '../core/ydoc';
import { CaseActionSchema, CaseSchema, EscalationsLayout, type CaseActionRecord, type CaseAssignee, type CaseRecord } from './escalationsSchema';

/** Where an escalated concern stands at the township. */
export const CaseState = {
  /** escalated, nobody at the township has acted yet */
  waiting: 'waiting',
  accepted: 'accepted',
  /** 交办: with a department or back with the community, by a deadline */
  assigned: 'assigned',
  resolved: 'resolved',
  /** returned to the community with a reason: not the township's */
  handedBack: 'handedBack',
} as const;
export type CaseState = (typeof CaseState)[keyof typeof CaseState];

export type CaseAction = CaseActionRecord & { readonly id: string };

export interface EscalatedCase extends CaseRecord {
  readonly id: ConcernId;
  readonly state: CaseState;
  /** the assignment in force while `assigned` (the latest one) */
  readonly assignment: { readonly to: CaseAssignee; readonly deadline: IsoDate; readonly at: number; readonly by: string } | null;
  /** when it was resolved (by the township, or by the community in its own board) */
  readonly resolvedAt: number | null;
  readonly resolvedBy: 'township' | 'community' | null;
  /** first township action */
  readonly respondedAt: number | null;
  /** township meetings that discussed it (region document ids) */
  readonly meetings: readonly string[];
  /** every action, oldest first (ties by id: the same order on every device) */
  readonly actions: readonly CaseAction[];
}

export interface EscalationsView {
  readonly cases: ReadonlyMap<ConcernId, EscalatedCase>;
}

export interface EscalationsRead {
  readonly view: EscalationsView;
  readonly problems: Problem[];
}

const E = DocKind.escalations;

/** Folds one case's actions in time order. Concurrent actions all count; the later assignment is the one in force. */
export function foldCase(id: ConcernId, record: CaseRecord, actions: readonly CaseAction[]): EscalatedCase {
  const sorted = [...actions].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let state: CaseState = CaseState.waiting;
  let assignment: EscalatedCase['assignment'] = null;
  let resolvedAt: number | null = null;
  let resolvedBy: EscalatedCase['resolvedBy'] = null;
  let respondedAt: number | null = null;
  const meetings: string[] = [];
  for (const a of sorted) {
    if (a.side === 'township' && respondedAt === null && a.type !== 'discussed') respondedAt = a.at;
    switch (a.type) {
      case 'accept':
        if (state === CaseState.waiting) state = CaseState.accepted;
        break;
      case 'assign':
        if (state === CaseState.resolved) break;
        state = CaseState.assigned;
        assignment = { to: a.to, deadline: a.deadline, at: a.at, by: a.by };
        break;
      case 'resolve':
        if (state === CaseState.resolved) break;
        state = CaseState.resolved;
        resolvedAt = a.at;
        resolvedBy = a.side;
        break;
      case 'handBack':
        if (state === CaseState.resolved) break;
        state = CaseState.handedBack;
        assignment = null;
        break;
      case 'reopen':
        state = CaseState.accepted;
        resolvedAt = null;
        resolvedBy = null;
        break;
      case 'discussed':
        if (!meetings.includes(a.meetingId)) meetings.push(a.meetingId);
        break;
      case 'note':
        break;
    }
  }
  // The community resolving it in its own board (e.g. after 交办 back to it) resolves the case.
  if (state !== CaseState.resolved && (record.communityStatus === 'resolved' || record.communityStatus === 'confirmed') && record.communityResolvedAt !== null) {
    state = CaseState.resolved;
    resolvedAt = record.communityResolvedAt;
    resolvedBy = 'community';
  }
  return { ...record, id, state, assignment: state === CaseState.assigned ? assignment : null, resolvedAt, resolvedBy, respondedAt, meetings, actions: sorted };
}

/** Reads `escalations`. Never throws; bad entries are skipped and reported. */
export function readEscalations(doc: Y.Doc): EscalationsRead {
  const problems: Problem[] = [];
  const records = readRecords(doc, E, EscalationsLayout.cases, CaseSchema, problems);
  const known = new Set(records.map(([id]) => id));
  const byCase = new Map<string, CaseAction[]>();
  for (const [id, a] of readEntries(topMap(doc, E, EscalationsLayout.actions, problems), E, EscalationsLayout.actions, CaseActionSchema, problems)) {
    if (!known.has(a.caseId)) {
      problems.push(danglingRef(E, `${EscalationsLayout.actions}/${id}`, 'caseId', a.caseId));
      continue;
    }
    const list = byCase.get(a.caseId) ?? [];
    list.push({ ...a, id });
    byCase.set(a.caseId, list);
  }
  const cases = new Map<ConcernId, EscalatedCase>();
  for (const [id, record] of records) cases.set(id as ConcernId, foldCase(id as ConcernId, record, byCase.get(id) ?? []));
  return { view: { cases }, problems };
}

/** 督办: assigned, and the deadline has passed without a resolution. (Takes a desk's kept row too.) */
export function isOverdue(c: Pick<EscalatedCase, 'state'> & { readonly assignment: { readonly deadline: IsoDate } | null }, today: IsoDate): boolean {
  return c.state === CaseState.assigned && c.assignment !== null && c.assignment.deadline < today;
}

/** Whole days an open case has waited since it was escalated (0 once resolved or handed back). */
export function daysWaiting(c: Pick<EscalatedCase, 'state' | 'escalatedAt'>, today: IsoDate, timeZone?: string): number {
  if (c.state === CaseState.resolved || c.state === CaseState.handedBack) return 0;
  const from = dayOf(c.escalatedAt, timeZone);
  return Math.max(0, Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000));
}

/** Is it on the township's desk (not resolved, not handed back)? */
export function isOnDesk(c: Pick<EscalatedCase, 'state'>): boolean {
  return c.state !== CaseState.resolved && c.state !== CaseState.handedBack;
}
