import type * as Y from 'yjs';
import { DocKind } from '@lianxin/protocol';
import { addDays } from '../core/days';
import { danglingRef, type Problem } from '../core/problem';
import { readEntries } from '../core/readEntries';
import { readRecords } from '../core/records';
import type { IsoDate } from '../core/schema';
import { topMap } from '../core/ydoc';
import { ContactSchema, CriterionSchema, PairingSchema, RatingSchema, RegionLayout, RegionMeetingSchema, type ContactRecord, type CriterionRecord, type PairingRecord, type RatingRecord, type RegionMeetingRecord } from './regionSchema';

export type RegionMeeting = RegionMeetingRecord & { readonly id: string };
export type Criterion = CriterionRecord & { readonly id: string };
export type Rating = RatingRecord & { readonly id: string };
export type Contact = ContactRecord & { readonly id: string };
export interface Pairing extends PairingRecord {
  readonly id: string;
  /** newest first */
  readonly contacts: readonly Contact[];
}

export interface RegionView {
  readonly meetings: ReadonlyMap<string, RegionMeeting>;
  /** in their order, then by title */
  readonly criteria: readonly Criterion[];
  /** the latest rating per community and year (several raters offline: the later one) */
  readonly ratings: ReadonlyMap<string, Rating>;
  readonly pairings: ReadonlyMap<string, Pairing>;
}

const R = DocKind.region;
export const ratingKey = (communityId: string, year: number) => `${communityId}@${year}`;

/** Reads a region document. Never throws; bad entries are skipped and reported. */
export function readRegion(doc: Y.Doc): { view: RegionView; problems: Problem[] } {
  const problems: Problem[] = [];
  const meetings = new Map<string, RegionMeeting>();
  for (const [id, m] of readEntries(topMap(doc, R, RegionLayout.meetings, problems), R, RegionLayout.meetings, RegionMeetingSchema, problems)) meetings.set(id, { ...m, id });
  const criteria = readRecords(doc, R, RegionLayout.criteria, CriterionSchema, problems)
    .map(([id, c]) => ({ ...c, id }))
    .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1));
  const ratings = new Map<string, Rating>();
  for (const [id, r] of readEntries(topMap(doc, R, RegionLayout.ratings, problems), R, RegionLayout.ratings, RatingSchema, problems)) {
    const key = ratingKey(r.communityId, r.year);
    const current = ratings.get(key);
    if (!current || r.at > current.at || (r.at === current.at && id > current.id)) ratings.set(key, { ...r, id });
  }
  const records = readRecords(doc, R, RegionLayout.pairings, PairingSchema, problems);
  const contactsOf = new Map<string, Contact[]>();
  const known = new Set(records.map(([id]) => id));
  for (const [id, c] of readEntries(topMap(doc, R, RegionLayout.contacts, problems), R, RegionLayout.contacts, ContactSchema, problems)) {
    if (!known.has(c.pairingId)) {
      problems.push(danglingRef(R, `${RegionLayout.contacts}/${id}`, 'pairingId', c.pairingId));
      continue;
    }
    const list = contactsOf.get(c.pairingId) ?? [];
    list.push({ ...c, id });
    contactsOf.set(c.pairingId, list);
  }
  const pairings = new Map<string, Pairing>();
  for (const [id, p] of records) {
    const contacts = (contactsOf.get(id) ?? []).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.at - a.at));
    pairings.set(id, { ...p, id, contacts });
  }
  return { view: { meetings, criteria, ratings, pairings }, problems };
}

/**
 * A pairing's cadence: contacts in the 30 days up to `today` against the agreed number per month;
 * `below` once the pairing is at least 30 days old and has fewer. Ended pairings are never below.
 */
export function pairingCadence(p: Pairing, today: IsoDate): { lastThirtyDays: number; below: boolean } {
  const from = addDays(today, -29);
  const lastThirtyDays = p.contacts.filter((c) => c.date >= from && c.date <= today).length;
  const old = p.since <= from;
  return { lastThirtyDays, below: p.ended === null && old && lastThirtyDays < p.perMonth };
}
