/**
 * A concern's state is a fold of its events in causal order (seen, at, id). After an offline
 * merge an event may no longer fit (a resolve after someone else already resolved; an escalate of
 * a resolved concern): it is kept in history, not applied, and reported. Every peer folds the
 * same events the same way, so all reach the same state.
 */
import { DocKind } from '@lianxin/protocol';
import type { ConcernEventId, ConcernId, MatterId, MemberId } from '../core/ids';
import { problem, ProblemCode, type Problem } from '../core/problem';
import { message } from '../core/text';
import { LABELS, LEVELS, type ConcernStatus, type Level } from '../domain/vocabulary';
import type { ConcernEvent, Concern } from './workView';
import type { ConcernEventRecord, ConcernRecord } from './workSchema';

export function compareEvents(a: { seen: number; at: number; id: string }, b: { seen: number; at: number; id: string }): number {
  return a.seen - b.seen || a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const levelIndex = (l: Level) => LEVELS.indexOf(l);

interface State {
  status: ConcernStatus;
  level: Level;
  assignee: MemberId | null;
  matterId: MatterId | null;
  respondedAt: number | null;
  resolvedAt: number | null;
  resolvedBy: string | null;
  resolvedLevel: Level | null;
  escalatedBy: string[];
  confirmation: Concern['confirmation'];
}

/** Whether `e` may apply to `s`; returns why not (in both languages) or null. */
export function refusal(s: { readonly status: ConcernStatus; readonly level: Level }, e: ConcernEventRecord): { zh: string; en: string } | null {
  const open = s.status === 'open' || s.status === 'inProgress';
  const st = LABELS.concernStatus[s.status];
  switch (e.type) {
    case 'accept':
    case 'resolve':
      return open ? null : { zh: `问题已是“${st.zh}”状态`, en: `the concern is already ${st.en}` };
    case 'escalate':
      if (!open) return { zh: `问题已是“${st.zh}”状态,不能上报`, en: `the concern is ${st.en} and cannot be escalated` };
      return levelIndex(e.level) > levelIndex(s.level) ? null : { zh: `问题已在${LABELS.level[s.level].zh}层级`, en: `the concern is already at ${LABELS.level[s.level].en} level` };
    case 'handBack':
      if (!open) return { zh: `问题已是“${st.zh}”状态,不能退回`, en: `the concern is ${st.en} and cannot be handed back` };
      return levelIndex(e.level) < levelIndex(s.level) ? null : { zh: `问题已在${LABELS.level[s.level].zh}层级`, en: `the concern is already at ${LABELS.level[s.level].en} level` };
    case 'reopen':
      return open ? { zh: '问题尚未办结', en: 'the concern is not resolved' } : null;
    case 'confirm':
      return s.status === 'resolved' ? null : { zh: `问题是“${st.zh}”状态,不能确认`, en: `the concern is ${st.en} and cannot be confirmed` };
    case 'assign':
      return s.status === 'confirmed' ? { zh: '问题已确认办结', en: 'the concern is confirmed' } : null;
    case 'link':
    case 'note':
      return null;
  }
}

function apply(s: State, e: ConcernEventRecord): void {
  const respond = () => {
    if (s.respondedAt === null) s.respondedAt = e.at;
  };
  switch (e.type) {
    case 'accept':
      s.status = 'inProgress';
      // An accept without an assignee (written before accept kept the handler) keeps the handler.
      s.assignee = (e.assignee ?? s.assignee ?? e.by) as MemberId;
      respond();
      break;
    case 'escalate':
      s.escalatedBy.push(e.by);
      s.level = e.level;
      s.status = 'open';
      s.assignee = e.assignee as MemberId | null;
      respond();
      break;
    case 'handBack':
      s.level = e.level;
      s.status = 'open';
      s.assignee = e.assignee as MemberId | null;
      respond();
      break;
    case 'resolve':
      s.status = 'resolved';
      s.resolvedAt = e.at;
      s.resolvedBy = e.by;
      s.resolvedLevel = s.level;
      respond();
      break;
    case 'reopen':
      s.status = 'inProgress';
      s.resolvedAt = null;
      s.resolvedBy = null;
      s.resolvedLevel = null;
      s.confirmation = null;
      break;
    case 'confirm':
      s.confirmation = { satisfied: e.satisfied, at: e.at, by: e.by };
      if (e.satisfied) s.status = 'confirmed';
      else {
        // Not satisfied: back to work at the same level; the dissatisfaction stays counted.
        s.status = 'inProgress';
        s.resolvedAt = null;
        s.resolvedBy = null;
        s.resolvedLevel = null;
      }
      break;
    case 'link':
      s.matterId = e.matterId as MatterId | null;
      break;
    case 'assign':
      s.assignee = e.assignee as MemberId;
      respond();
      break;
    case 'note':
      break;
  }
}

const STATE_CHANGING = new Set(['accept', 'escalate', 'handBack', 'resolve', 'reopen', 'confirm']);

export function foldConcern(id: ConcernId, record: ConcernRecord, events: Array<ConcernEventRecord & { id: string }>, problems: Problem[]): Concern {
  events.sort(compareEvents);
  const s: State = {
    status: 'open',
    level: record.level,
    assignee: record.assignee as MemberId | null,
    matterId: null,
    respondedAt: null,
    resolvedAt: null,
    resolvedBy: null,
    resolvedLevel: null,
    escalatedBy: [],
    confirmation: null,
  };
  const history: ConcernEvent[] = [];
  events.forEach((e, position) => {
    const why = refusal(s, e);
    const path = `concernEvents/${e.id}`;
    if (why) {
      history.push({ ...e, id: e.id as ConcernEventId, applied: false });
      problems.push(
        problem(ProblemCode.concernConflict, DocKind.work, path, message('problem.concernEventSkipped', { title: record.title, event: e.type, why: why.en }, `“${record.title}”的一条处理记录(${e.type})未生效:${why.zh}。可能是离线时多人同时处理`, `An action (${e.type}) on “${record.title}” was not applied: ${why.en}. Probably several people acted on it offline`)),
      );
      return;
    }
    // Applied, but the actor had not seen every earlier state change: say so, do not hide it.
    if (STATE_CHANGING.has(e.type) && e.seen < position && history.slice(e.seen).some((h) => h.applied && STATE_CHANGING.has(h.type))) {
      problems.push(
        problem(ProblemCode.concernConflict, DocKind.work, path, message('problem.concernConcurrent', { title: record.title, event: e.type }, `“${record.title}”曾被多人同时处理(${e.type}),请核对处理记录`, `“${record.title}” was acted on by several people at once (${e.type}); please check its history`)),
      );
    }
    apply(s, e);
    history.push({ ...e, id: e.id as ConcernEventId, applied: true });
  });
  return {
    id,
    title: record.title,
    detail: record.detail,
    reporter: record.reporter,
    category: record.category,
    place: record.place as Concern['place'],
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    ...s,
    history,
  };
}
