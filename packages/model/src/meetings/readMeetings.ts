import type * as Y from 'yjs';
import { DocKind } from '@lianxin/protocol';
import type { ConcernId, MatterId, MeetingId, StepRecordId } from '../core/ids';
import { isId } from '../core/ids';
import { danglingRef, invalidEntry, type Problem } from '../core/problem';
import { readEntries, invalidKey, parseStored } from '../core/readEntries';
import { readRecords } from '../core/records';
import { topMap } from '../core/ydoc';
import type { PersonKey } from './due';
import { evaluateStep } from './evaluateStep';
import { matterProgress } from './matterProgress';
import { AgendaItemSchema, AttendanceSchema, MatterSchema, MeetingSchema, MeetingsLayout, StepRecordSchema, StepVoidSchema } from './meetingsSchema';
import type { Matter, Meeting, MeetingsView, StepRecord } from './meetingsView';
import { DEFAULT_STEP_RULES, type StepRules } from './stepRules';

export interface MeetingsRead {
  readonly view: MeetingsView;
  readonly problems: Problem[];
}

const M = DocKind.meetings;
const PERSON = /^[mh]:[A-Za-z0-9_-]{1,64}$/;

/** Splits `<a>/<b>` keys of attendance and agenda. */
function splitKey(key: string): [string, string] | null {
  const slash = key.indexOf('/');
  if (slash <= 0) return null;
  return [key.slice(0, slash), key.slice(slash + 1)];
}

/**
 * Reads `meetings`, evaluating every step record with `rules` (the community's, from
 * `readRoster(...).view.settings.stepRules`). Never throws.
 */
export function readMeetings(doc: Y.Doc, rules: StepRules = DEFAULT_STEP_RULES.urban): MeetingsRead {
  const problems: Problem[] = [];
  const meetingRecords = readRecords(doc, M, MeetingsLayout.meetings, MeetingSchema, problems);
  const present = new Map<string, Set<PersonKey>>();
  /** Meetings with any attendance entry, present or absent. */
  const marked = new Set<string>();
  const agenda = new Map<string, Array<{ matterId: string; order: number }>>();
  const known = new Set(meetingRecords.map(([id]) => id));

  topMap(doc, M, MeetingsLayout.attendance, problems)?.forEach((raw, key) => {
    const parts = splitKey(key);
    if (!parts || !isId(parts[0]) || !PERSON.test(parts[1])) return void problems.push(invalidKey(M, MeetingsLayout.attendance, key));
    if (!known.has(parts[0])) return void problems.push(danglingRef(M, `${MeetingsLayout.attendance}/${key}`, 'meetingId', parts[0]));
    const parsed = parseStored(AttendanceSchema, raw);
    if (!parsed.ok) return void problems.push(invalidEntry(M, `${MeetingsLayout.attendance}/${key}`, parsed.why));
    marked.add(parts[0]);
    if (!parsed.value.present) return;
    const set = present.get(parts[0]) ?? new Set<PersonKey>();
    set.add(parts[1] as PersonKey);
    present.set(parts[0], set);
  });

  const matterRecords = readRecords(doc, M, MeetingsLayout.matters, MatterSchema, problems);
  const matterIds = new Set(matterRecords.map(([id]) => id));

  topMap(doc, M, MeetingsLayout.agenda, problems)?.forEach((raw, key) => {
    const parts = splitKey(key);
    if (!parts || !isId(parts[0]) || !isId(parts[1])) return void problems.push(invalidKey(M, MeetingsLayout.agenda, key));
    if (!known.has(parts[0])) return void problems.push(danglingRef(M, `${MeetingsLayout.agenda}/${key}`, 'meetingId', parts[0]));
    if (!matterIds.has(parts[1])) return void problems.push(danglingRef(M, `${MeetingsLayout.agenda}/${key}`, 'matterId', parts[1]));
    const parsed = parseStored(AgendaItemSchema, raw);
    if (!parsed.ok) return void problems.push(invalidEntry(M, `${MeetingsLayout.agenda}/${key}`, parsed.why));
    const list = agenda.get(parts[0]) ?? [];
    list.push({ matterId: parts[1], order: parsed.value.order });
    agenda.set(parts[0], list);
  });

  const meetings = new Map<MeetingId, Meeting>();
  for (const [id, m] of meetingRecords) {
    const items = (agenda.get(id) ?? []).sort((a, b) => a.order - b.order || (a.matterId < b.matterId ? -1 : 1));
    meetings.set(id as MeetingId, { ...m, id: id as MeetingId, minutesId: m.minutesId as MeetingId, present: present.get(id) ?? new Set(), attendanceRecorded: marked.has(id), agenda: items.map((i) => i.matterId as MatterId) });
  }

  const voids = new Map(readEntries(topMap(doc, M, MeetingsLayout.stepVoids, problems), M, MeetingsLayout.stepVoids, StepVoidSchema, problems));
  const recordsByMatter = new Map<string, StepRecord[]>();
  for (const [id, r] of readEntries(topMap(doc, M, MeetingsLayout.steps, problems), M, MeetingsLayout.steps, StepRecordSchema, problems)) {
    if (!matterIds.has(r.matterId)) {
      problems.push(danglingRef(M, `${MeetingsLayout.steps}/${id}`, 'matterId', r.matterId));
      continue;
    }
    let meetingId = r.meetingId as MeetingId | null;
    if (meetingId !== null && !meetings.has(meetingId)) {
      problems.push(danglingRef(M, `${MeetingsLayout.steps}/${id}`, 'meetingId', meetingId));
      meetingId = null;
    }
    const facts = { step: r.step, date: r.date, meetingId, due: r.due, present: r.present, votes: r.votes };
    const record: StepRecord = {
      ...r,
      ...facts,
      id: id as StepRecordId,
      matterId: r.matterId as MatterId,
      basis: r.basis as StepRecordId | null,
      voided: voids.get(id) ?? null,
      evaluation: evaluateStep(facts, rules[r.step]),
    };
    const list = recordsByMatter.get(r.matterId) ?? [];
    list.push(record);
    recordsByMatter.set(r.matterId, list);
  }

  const matters = new Map<MatterId, Matter>();
  for (const [id, m] of matterRecords) {
    const records = (recordsByMatter.get(id) ?? []).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    const progress = matterProgress(m.title, records, problems);
    matters.set(id as MatterId, {
      ...m,
      id: id as MatterId,
      origin: { type: m.origin.type, concernId: m.origin.concernId as ConcernId | null, text: m.origin.text },
      steps: progress.steps,
      next: progress.next,
      blocked: progress.blocked,
      records,
    });
  }
  return { view: { meetings, matters }, problems };
}
