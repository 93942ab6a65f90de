/**
 * Small formatting rules shared by the pages. Everything here returns plain strings: escaping is
 * hono/jsx's job, these only keep values short, well-formed and of the expected kind.
 */
import { dayOf, DEFAULT_TIME_ZONE, type PublicView } from '@lianxin/model';

/** Display limits in characters (code points). The model caps stored strings too; these keep a
 * printed board and a 375 px phone screen readable even at the model's maxima. */
export const DisplayLimit = {
  name: 40,
  phone: 40,
  label: 60,
  title: 200,
  text: 5000,
  query: 20,
  /** Newest disclosures on the page (the JSON route has all): bounds a page a hostile writer could inflate. */
  disclosures: 300,
  boards: 1000,
} as const;

const ELLIPSIS = '…';

/** At most `max` code points, ending with an ellipsis when cut (never splits a surrogate pair). */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const points = Array.from(value);
  if (points.length <= max) return value;
  return points.slice(0, Math.max(0, max - 1)).join('') + ELLIPSIS;
}

/** Whether `clip(value, max)` would cut. */
export function isClipped(value: string, max: number): boolean {
  return value.length > max && Array.from(value).length > max;
}

/** 0..1 → "87%"; null (nothing to divide by) → null. */
export function percent(rate: number | null): string | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  return `${Math.round(rate * 1000) / 10}%`;
}

/** Epoch ms → the calendar day `YYYY-MM-DD` in the community's zone (the app shows the same). */
export function dayOfTime(time: number, timeZone: string): string {
  return dayOf(time, timeZone);
}

/** The zone the community published with its info; pages published before it existed: China time. */
export function pageTimeZone(view: Pick<PublicView, 'community'>): string {
  return view.community?.timeZone ?? DEFAULT_TIME_ZONE;
}

/**
 * A `tel:` URI for a phone number, or null when the text is not plainly a phone number (then it
 * is printed as text only). Only digits, `+`, `-`, spaces and brackets are accepted.
 */
export function telHref(phone: string): string | null {
  if (!/^[0-9+\-() ]{3,40}$/.test(phone)) return null;
  const digits = phone.replace(/[^0-9+]/g, '');
  if (!/^\+?[0-9]{3,20}$/.test(digits)) return null;
  return `tel:${digits}`;
}

/** An http(s) URL as a string, or null for any other scheme or an unparsable value. */
export function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** Full-width digits to ASCII, trimmed and clipped: what the building filter compares. */
export function normalizeQuery(value: string | undefined): string {
  if (!value) return '';
  const halfWidth = value.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return Array.from(halfWidth.trim().replace(/\s+/g, ' ')).slice(0, DisplayLimit.query).join('');
}
