import { useContext, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readMeetings, type MeetingsRead, type StepRules } from '@lianxin/model';
import { SessionContext } from './SessionContext';
import { snapshotStore, type SnapshotStore } from './snapshotStore';
import { useRoster } from './useRoster';

// Meetings are evaluated with the community's 4+2 rules, which live in the roster. One read
// function per distinct rule set keeps snapshots shared (rules rarely change).
const readers = new Map<string, (doc: Y.Doc) => MeetingsRead>();
export function meetingsReader(rules: StepRules | null): (doc: Y.Doc) => MeetingsRead {
  const key = rules ? JSON.stringify(rules) : 'default';
  let reader = readers.get(key);
  if (!reader) {
    reader = rules ? (doc) => readMeetings(doc, rules) : (doc) => readMeetings(doc);
    readers.set(key, reader);
  }
  return reader;
}

const empty: SnapshotStore<null> = { subscribe: () => () => undefined, getSnapshot: () => null };

/** Meetings and matters with each 4+2 step evaluated; null if this role may not open them. */
export function useMeetings(): MeetingsRead | null {
  const session = useContext(SessionContext);
  const rules = useRoster()?.view.settings.stepRules ?? null;
  const doc = session?.docs.meetings ?? null;
  const store: SnapshotStore<MeetingsRead | null> = doc ? snapshotStore(doc, meetingsReader(rules)) : empty;
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
