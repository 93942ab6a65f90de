/**
 * Branded ids. Ids are random url-safe strings (they also appear in room names: a meeting id names
 * its minutes document, so it must match protocol's `[A-Za-z0-9_-]{1,64}`).
 */
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type GridId = Brand<string, 'GridId'>;
export type BuildingId = Brand<string, 'BuildingId'>;
export type UnitId = Brand<string, 'UnitId'>;
export type HouseholdId = Brand<string, 'HouseholdId'>;
export type MemberId = Brand<string, 'MemberId'>;
export type GroupId = Brand<string, 'GroupId'>;
export type RelationId = Brand<string, 'RelationId'>;
export type PointsId = Brand<string, 'PointsId'>;
export type CareNoteId = Brand<string, 'CareNoteId'>;
export type ConcernId = Brand<string, 'ConcernId'>;
export type ConcernEventId = Brand<string, 'ConcernEventId'>;
export type VisitId = Brand<string, 'VisitId'>;
export type MustVisitId = Brand<string, 'MustVisitId'>;
export type MeetingId = Brand<string, 'MeetingId'>;
export type MatterId = Brand<string, 'MatterId'>;
export type StepRecordId = Brand<string, 'StepRecordId'>;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
export const ID_LENGTH = 12;
/** What a stored id must look like (hostile docs may hold anything as a key). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** A source of fresh ids; fixtures pass a seeded one for determinism. */
export type IdSource = () => string;

/** 12 characters of 64 symbols: 72 bits, enough for a community's lifetime of records. */
export const newId: IdSource = () => {
  const bytes = new Uint8Array(ID_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 63];
  return out;
};

/** Deterministic ids from a PRNG returning floats in [0, 1). */
export function createIdSource(random: () => number): IdSource {
  return () => {
    let out = '';
    for (let i = 0; i < ID_LENGTH; i++) out += ALPHABET[Math.floor(random() * 64) & 63];
    return out;
  };
}
