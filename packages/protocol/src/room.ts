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
} as const;
export type DocKind = (typeof DocKind)[keyof typeof DocKind];

/** Documents with a fixed name (everything but minutes/<id>). */
export const FIXED_DOCS = [DocKind.roster, DocKind.care, DocKind.work, DocKind.meetings, DocKind.public] as const;
export type FixedDoc = (typeof FIXED_DOCS)[number];

export type CommunityId = string & { readonly __brand: 'CommunityId' };

export interface Room {
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
  if ((FIXED_DOCS as readonly string[]).includes(doc)) {
    return { communityId, kind: doc as FixedDoc, doc, name };
  }
  if (doc.startsWith('minutes/')) {
    const meetingId = doc.slice('minutes/'.length);
    if (!isMeetingId(meetingId)) return null;
    return { communityId, kind: DocKind.minutes, doc, meetingId, name };
  }
  return null;
}

export function roomName(communityId: string, doc: FixedDoc | `minutes/${string}`): string {
  const name = `${communityId}/${doc}`;
  if (!parseRoom(name)) throw new Error(`Invalid room name: ${JSON.stringify(name)}`);
  return name;
}

export function minutesDoc(meetingId: string): `minutes/${string}` {
  if (!isMeetingId(meetingId)) throw new Error(`Invalid meeting id: ${JSON.stringify(meetingId)}`);
  return `minutes/${meetingId}`;
}
