/** What `readMeetings` returns. */
import type { ConcernId, MatterId, MeetingId, StepRecordId } from '../core/ids';
import type { IsoDate } from '../core/schema';
import type { MatterOrigin, MatterStep, MeetingKind } from '../domain/vocabulary';
import type { PersonKey } from './due';
import type { StepEvaluation } from './evaluateStep';
import type { MeetingStatus, Votes } from './meetingsSchema';

export interface Meeting {
  readonly id: MeetingId;
  readonly kind: MeetingKind;
  readonly title: string;
  readonly date: IsoDate;
  readonly place: string;
  readonly status: MeetingStatus;
  /** Room `minutes/<minutesId>` holds the minutes. */
  readonly minutesId: MeetingId;
  readonly createdBy: string;
  readonly createdAt: number;
  /** People marked present. */
  readonly present: ReadonlySet<PersonKey>;
  /** Anyone was marked present or absent: a tally can be checked against `present`. */
  readonly attendanceRecorded: boolean;
  /** Matter ids in agenda order (unknown matters left out and reported). */
  readonly agenda: readonly MatterId[];
}

export interface StepRecord {
  readonly id: StepRecordId;
  readonly matterId: MatterId;
  readonly step: MatterStep;
  readonly date: IsoDate;
  readonly meetingId: MeetingId | null;
  readonly due: number | null;
  readonly present: number | null;
  readonly votes: Votes | null;
  readonly basis: StepRecordId | null;
  readonly note: string | null;
  readonly by: string;
  readonly at: number;
  readonly voided: { readonly reason: string; readonly by: string; readonly at: number } | null;
  readonly evaluation: StepEvaluation;
}

export const StepState = {
  /** Not taken yet. */
  pending: 'pending',
  passed: 'passed',
  /** Taken and failed (may be taken again at another meeting). */
  failed: 'failed',
  /** Recorded twice or out of order (usually after an offline merge): void one record to go on. */
  conflict: 'conflict',
} as const;
export type StepState = (typeof StepState)[keyof typeof StepState];

export interface StepStatus {
  readonly step: MatterStep;
  readonly state: StepState;
  /** The accepted record when passed; the latest attempt otherwise. */
  readonly record: StepRecord | null;
  /** Every non-voided record of this step, oldest first. */
  readonly attempts: readonly StepRecord[];
}

export interface Matter {
  readonly id: MatterId;
  readonly title: string;
  readonly summary: string;
  readonly origin: { readonly type: MatterOrigin; readonly concernId: ConcernId | null; readonly text: string | null };
  readonly decision: string;
  readonly resultText: string;
  readonly completedOn: IsoDate | null;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly steps: readonly StepStatus[];
  /** The next step to take, null when all six passed. */
  readonly next: MatterStep | null;
  /** A step is in conflict: nothing more can be recorded until it is settled. */
  readonly blocked: boolean;
  /** Every record including voided ones, in recording order. */
  readonly records: readonly StepRecord[];
}

export interface MeetingsView {
  readonly meetings: ReadonlyMap<MeetingId, Meeting>;
  readonly matters: ReadonlyMap<MatterId, Matter>;
}
