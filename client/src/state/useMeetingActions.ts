import { useContext, useMemo } from 'react';
import {
  addAgendaItem,
  createMatter,
  createMeeting,
  dayOf,
  editMatter,
  editMeeting,
  projectResolution,
  projectResult,
  publishResolution,
  publishResult,
  recordStep,
  removeAgendaItem,
  removeMeeting,
  setAttendance,
  voidStepRecord,
  type Attendee,
  type CommandResult,
  type MatterId,
  type MatterOrigin,
  type MeetingId,
  type MeetingKind,
  type PublicResolutionDraft,
  type PublicResultDraft,
  type RecordStepInput,
  type StepRecordId,
} from '@lianxin/model';
import { SessionContext } from './SessionContext';
import { snapshotStore } from './snapshotStore';
import { meetingsReader } from './useMeetings';
import { useCommandRunner } from './useCommandRunner';

type MeetingPatch = Parameters<typeof editMeeting>[2];
type MatterPatch = Parameters<typeof editMatter>[2];

const noRoster: CommandResult<never> = {
  type: 'rejected',
  code: 'wrong-state',
  message: { key: 'errors.noRoster', params: {}, zh: '花名册还没有加载。', en: 'The roster has not loaded yet.' },
};
const nothingToPublish: CommandResult<never> = {
  type: 'rejected',
  code: 'wrong-state',
  message: { key: 'publish.notReady', params: {}, zh: '还没有可以公开的内容:决议须已表决通过并写明内容。', en: 'Nothing to publish yet: the resolution must have passed and its text be written.' },
};

/** Meetings, attendance, matters and their six steps; publishing disclosures to `public`. */
export function useMeetingActions() {
  const run = useCommandRunner('meetings');
  const runPublic = useCommandRunner('public');
  const session = useContext(SessionContext);
  return useMemo(() => {
    const meetingsView = (rules: Parameters<typeof meetingsReader>[0]) => {
      const doc = session?.docs.meetings;
      return doc ? snapshotStore(doc, meetingsReader(rules)).getSnapshot().view : null;
    };
    /** Publishes a disclosure, then records its step (the step is the act of disclosing). */
    const disclose = (matterId: MatterId, which: 'resolution' | 'result') =>
      run((doc, ctx, roster) => {
        if (!roster) return noRoster;
        const view = meetingsView(roster.settings.stepRules);
        const step = which === 'resolution' ? 'discloseResolution' : 'discloseResult';
        // Out of order: let the model say why, before anything is published.
        if (view?.matters.get(matterId)?.next !== step) return recordStep(doc, roster, { matterId, step, date: dayOf(Date.now(), roster.settings.timeZone) }, ctx);
        const draft = view ? (which === 'resolution' ? projectResolution(view, matterId) : projectResult(view, matterId)) : null;
        if (!draft) return nothingToPublish;
        const published =
          which === 'resolution'
            ? runPublic((pub, pctx) => publishResolution(pub, draft as PublicResolutionDraft, pctx), { quiet: true })
            : runPublic((pub, pctx) => publishResult(pub, draft as PublicResultDraft, pctx), { quiet: true });
        if (published.type === 'rejected') return published;
        return recordStep(doc, roster, { matterId, step, date: dayOf(Date.now(), roster.settings.timeZone) }, ctx);
      });
    return {
      createMeeting: (input: { kind: MeetingKind; date: string; title?: string; place?: string }) => run((doc, ctx) => createMeeting(doc, input, ctx)),
      editMeeting: (id: MeetingId, patch: MeetingPatch) => run((doc, ctx) => editMeeting(doc, id, patch, ctx)),
      removeMeeting: (id: MeetingId) => run((doc, ctx) => removeMeeting(doc, id, ctx)),
      setAttendance: (id: MeetingId, attendees: readonly Attendee[], present: boolean) =>
        run((doc, ctx, roster) => (roster ? setAttendance(doc, roster, id, attendees, present, ctx) : noRoster), { quiet: true }),
      addAgendaItem: (meetingId: MeetingId, matterId: MatterId) => run((doc, ctx) => addAgendaItem(doc, meetingId, matterId, ctx)),
      removeAgendaItem: (meetingId: MeetingId, matterId: MatterId) => run((doc, ctx) => removeAgendaItem(doc, meetingId, matterId, ctx)),
      createMatter: (input: { title: string; summary?: string; origin: { type: MatterOrigin; concernId?: string | null; text?: string | null } }) =>
        run((doc, ctx) => createMatter(doc, input as Parameters<typeof createMatter>[1], ctx)),
      editMatter: (id: MatterId, patch: MatterPatch) => run((doc, ctx) => editMatter(doc, id, patch, ctx)),
      recordStep: (input: RecordStepInput) => run((doc, ctx, roster) => (roster ? recordStep(doc, roster, input, ctx) : noRoster)),
      voidStep: (id: StepRecordId, reason: string) => run((doc, ctx) => voidStepRecord(doc, id, reason, ctx)),
      discloseResolution: (matterId: MatterId) => disclose(matterId, 'resolution'),
      discloseResult: (matterId: MatterId) => disclose(matterId, 'result'),
    };
  }, [run, runPublic, session]);
}
