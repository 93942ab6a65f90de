import { useMemo } from 'react';
import {
  acceptConcern,
  assignConcern,
  confirmConcern,
  escalateConcern,
  handBackConcern,
  noteConcern,
  raiseMustVisit,
  recordVisit,
  removeVisit,
  reopenConcern,
  reportConcern,
  resolveConcern,
  type CommandResult,
  type ConcernId,
  type HouseholdId,
  type Level,
  type MemberId,
  type MustVisitReason,
  type ReportConcernInput,
  type RosterView,
  type VisitId,
  type VisitKind,
} from '@lianxin/model';
import { useCommandRunner, type RosterReader } from './useCommandRunner';

const noRoster: CommandResult<never> = {
  type: 'rejected',
  code: 'wrong-state',
  message: { key: 'errors.noRoster', params: {}, zh: '花名册还没有加载。', en: 'The roster has not loaded yet.' },
};

function withRoster<T>(roster: RosterView | null, run: (roster: RosterView) => CommandResult<T>): CommandResult<T> {
  return roster ? run(roster) : noRoster;
}

type Hand = { level?: Level; assignee?: MemberId | null; note?: string | null };

/**
 * Visits and concerns: what members do on their phones (work is writable by every role).
 * `readRoster`: what commands check against (a member's page passes its narrow read).
 */
export function useWorkActions(readRoster?: RosterReader) {
  const run = useCommandRunner('work', readRoster);
  return useMemo(
    () => ({
      recordVisit: (input: { memberId: MemberId; householdId: HouseholdId; date: string; kind: VisitKind; note?: string }) =>
        run((doc, ctx, roster) => withRoster(roster, (r) => recordVisit(doc, r, input, ctx))),
      removeVisit: (id: VisitId) => run((doc, ctx) => removeVisit(doc, id, ctx)),
      raiseMustVisit: (input: { householdId: HouseholdId; reason: MustVisitReason; date: string; note?: string }) =>
        run((doc, ctx, roster) => withRoster(roster, (r) => raiseMustVisit(doc, r, input, ctx))),
      reportConcern: (input: ReportConcernInput) => run((doc, ctx, roster) => withRoster(roster, (r) => reportConcern(doc, r, input, ctx))),
      accept: (id: ConcernId, assignee?: MemberId | null) => run((doc, ctx, roster) => acceptConcern(doc, id, { assignee }, ctx, roster ?? undefined)),
      escalate: (id: ConcernId, input: Hand) => run((doc, ctx, roster) => escalateConcern(doc, id, input, ctx, roster ?? undefined)),
      handBack: (id: ConcernId, input: Hand) => run((doc, ctx, roster) => handBackConcern(doc, id, input, ctx, roster ?? undefined)),
      assign: (id: ConcernId, assignee: MemberId) => run((doc, ctx, roster) => assignConcern(doc, id, assignee, ctx, roster ?? undefined)),
      resolve: (id: ConcernId, note: string) => run((doc, ctx) => resolveConcern(doc, id, { note }, ctx)),
      reopen: (id: ConcernId, note?: string | null) => run((doc, ctx) => reopenConcern(doc, id, { note: note ?? null }, ctx)),
      confirm: (id: ConcernId, satisfied: boolean, note?: string | null) => run((doc, ctx) => confirmConcern(doc, id, { satisfied, note: note ?? null }, ctx)),
      note: (id: ConcernId, note: string) => run((doc, ctx) => noteConcern(doc, id, note, ctx)),
    }),
    [run],
  );
}
