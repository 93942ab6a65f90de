/**
 * `POST /api/region/summaries`: a township's or county's device asks, in one request, for what it
 * lacks of many communities' `summary` documents (its state vector of each), instead of holding a
 * WebSocket per community. Read-only: region roles only read `summary`. The limits bound what one
 * request may ask and one answer may carry; the relay enforces them, the client stays within them.
 */
import { fromBase64, toBase64 } from 'lib0/buffer';

export const SummariesBatch = {
  /** below the API's base (`/api`) */
  path: '/region/summaries',
  /** communities per request (a county of more asks in several) */
  maxCommunities: 100,
  /** a state vector longer than this (base64) is not sent: the client asks for the whole document */
  maxStateVectorChars: 400,
  /** the answer stops adding updates past this many bytes of update (base64); the rest are `deferred` */
  maxResponseBytes: 4 * 1024 * 1024,
} as const;

/** What the device has of one community's summary: its state vector, base64 ('' for none). */
export interface SummaryWant {
  readonly community: string;
  readonly stateVector: string;
}

export interface SummariesRequest {
  readonly summaries: readonly SummaryWant[];
}

/** Per community: the update it lacks (base64, Yjs v1), or why the relay refuses it. */
export type SummaryAnswer = { readonly community: string; readonly update: string } | { readonly community: string; readonly refused: string };

export interface SummariesResponse {
  readonly summaries: readonly SummaryAnswer[];
  /** asked for but left out to keep the answer within `maxResponseBytes`: ask again */
  readonly deferred: readonly string[];
}

export const encodeBase64 = (bytes: Uint8Array): string => toBase64(bytes);
/** Throws on input that is not base64. */
export function decodeBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new Error('not base64');
  return fromBase64(text);
}
