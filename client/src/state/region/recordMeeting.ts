import { actOnCase, recordRegionMeeting, type CommandResult, type ConcernId } from '@lianxin/model';
import type { RegionSession } from '@lianxin/sync';

export interface MeetingInput {
  readonly kind: 'consultation' | 'assignment';
  readonly title: string;
  readonly date: string;
  readonly concerns: readonly { communityId: string; caseId: string; title: string }[];
  readonly decisions: string;
}

/**
 * Records a township meeting in the region document and, on each case it discussed, a
 * `discussed` action naming it: the community sees it in its board and the desk links to it.
 */
export function recordMeeting(session: Pick<RegionSession, 'region' | 'communityDoc'>, input: MeetingInput, ctx: { actor: string; name: string; now?: number }): CommandResult<string> {
  const result = recordRegionMeeting(session.region, { ...input, concerns: [...input.concerns] }, ctx);
  if (result.type !== 'done') return result;
  for (const c of input.concerns) {
    const doc = session.communityDoc(c.communityId, 'escalations');
    if (doc) actOnCase(doc, c.caseId as ConcernId, { type: 'discussed', meetingId: result.value, decision: input.decisions || null }, ctx);
  }
  return result;
}
