// The "my households" page's live reads: the roster with only this member's households and the
// work of only those households (@lianxin/model's narrow reads). Each is a stable function per
// (member, households) so the snapshot stores share one read per change, as reads.ts does for
// the whole documents; a roster or work change re-reads ten households, not 3,600.
import type * as Y from 'yjs';
import { readHouseholdsWork, readMemberRoster, type MemberRosterRead, type WorkRead } from '@lianxin/model';
import { pickMyMember } from './myMember';

/** A handful of keys per session (another member chosen, a household linked): bounded anyway. */
const LIMIT = 32;
const rosterReads = new Map<string, (doc: Y.Doc) => MemberRosterRead>();
const workReads = new Map<string, (doc: Y.Doc) => WorkRead>();

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let read = cache.get(key);
  if (!read) {
    if (cache.size >= LIMIT) cache.clear();
    read = make();
    cache.set(key, read);
  }
  return read;
}

/** The roster as this person's member sees it: every member and place, only her households. */
export function myRosterRead(chosenId: string | null, personName: string): (doc: Y.Doc) => MemberRosterRead {
  return cached(rosterReads, JSON.stringify([chosenId, personName]), () => (doc: Y.Doc) => readMemberRoster(doc, (members) => pickMyMember(members, chosenId, personName)));
}

/** The visits and must-visits of these households only. */
export function householdsWorkRead(householdIds: readonly string[]): (doc: Y.Doc) => WorkRead {
  const ids = [...householdIds].sort();
  return cached(workReads, ids.join(','), () => {
    const only = new Set(ids);
    return (doc: Y.Doc) => readHouseholdsWork(doc, only);
  });
}
