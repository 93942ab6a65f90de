/**
 * Room names: `<communityId>/<doc>`, where doc is one of the fixed documents or
 * `minutes/<meetingId>`. Parsing is strict because the relay maps room names to storage keys.
 */
export const DocKind = {
  roster: 'roster',
  care: 'care',
  work: 'work',
  meetings: 'meetings',
  minutes: 'minutes',
  public: 'public',
  /** concerns a community escalated to its township, and what the township did with them */
  escalations: 'escalations',
  /** a community's counts and rates (三率, 4+2, visits) for the township and county views */
  summary: 'summary',
  /** a township's or county's own document: its meetings, star criteria and ratings, pairings */
  region: 'region',
} as const;
export type DocKind = (typeof DocKind)[keyof typeof DocKind];

/** Documents with a fixed name (everything but minutes/<id>). */
export const FIXED_DOCS = [DocKind.roster, DocKind.care, DocKind.work, DocKind.meetings, DocKind.public] as const;
export type FixedDoc = (typeof FIXED_DOCS)[number];

/** A community's documents that face its township and county (the tier above it). */
export const TIER_DOCS = [DocKind.escalations, DocKind.summary] as const;
export type TierDoc = (typeof TIER_DOCS)[number];

/** Every document with a fixed name in a community. */
export const COMMUNITY_DOCS = [...FIXED_DOCS, ...TIER_DOCS] as const;
export type CommunityDoc = (typeof COMMUNITY_DOCS)[number];

/** Documents with a fixed name in a region (a township or a county). */
export const REGION_DOCS = [DocKind.region] as const;
export type RegionDoc = (typeof REGION_DOCS)[number];

export type CommunityId = string & { readonly __brand: 'CommunityId' };

export interface Room {
  /** whose document: a community's, or a region's (`region`; then `communityId` is the region's id) */
  readonly scope: 'community' | 'region';
  /** the id before the slash: a community's, or a region's when `scope` is `region` */
  readonly communityId: CommunityId;
  readonly kind: DocKind;
  /** `roster`, `minutes/m-123`, …: the part after the community. */
  readonly doc: string;
  /** Present only for minutes. */
  readonly meetingId?: string;
  /** `<communityId>/<doc>` */
  readonly name: string;
}

const COMMUNITY_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const MEETING_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isCommunityId(value: unknown): value is CommunityId {
  return typeof value === 'string' && COMMUNITY_ID.test(value);
}

export function isMeetingId(value: unknown): value is string {
  return typeof value === 'string' && MEETING_ID.test(value);
}

/** Parses a room name; returns null for anything that is not exactly a known room. */
export function parseRoom(name: string): Room | null {
  const slash = name.indexOf('/');
  if (slash < 0) return null;
  const communityId = name.slice(0, slash);
  const doc = name.slice(slash + 1);
  if (!isCommunityId(communityId)) return null;
  if ((COMMUNITY_DOCS as readonly string[]).includes(doc)) {
    return { scope: 'community', communityId, kind: doc as CommunityDoc, doc, name };
  }
  if ((REGION_DOCS as readonly string[]).includes(doc)) {
    return { scope: 'region', communityId, kind: doc as RegionDoc, doc, name };
  }
  if (doc.startsWith('minutes/')) {
    const meetingId = doc.slice('minutes/'.length);
    if (!isMeetingId(meetingId)) return null;
    return { scope: 'community', communityId, kind: DocKind.minutes, doc, meetingId, name };
  }
  return null;
}

export function roomName(communityId: string, doc: CommunityDoc | RegionDoc | `minutes/${string}`): string {
  const name = `${communityId}/${doc}`;
  if (!parseRoom(name)) throw new Error(`Invalid room name: ${JSON.stringify(name)}`);
  return name;
}

export function minutesDoc(meetingId: string): `minutes/${string}` {
  if (!isMeetingId(meetingId)) throw new Error(`Invalid meeting id: ${JSON.stringify(meetingId)}`);
  return `minutes/${meetingId}`;
}
