/** zod pieces shared by every document's entry schemas. Limits keep 1 MB strings out. */
import { z } from 'zod';
import { ID_PATTERN } from './ids';

export const MAX = {
  name: 100,
  phone: 40,
  label: 100,
  title: 200,
  text: 5000,
  longText: 20000,
  list: 200,
} as const;

export const zId = z.string().regex(ID_PATTERN);
export const zName = z.string().max(MAX.name);
export const zLabel = z.string().max(MAX.label);
export const zPhone = z.string().max(MAX.phone);
export const zTitle = z.string().max(MAX.title);
export const zText = z.string().max(MAX.text);
export const zLongText = z.string().max(MAX.longText);
/** Milliseconds since the epoch. */
export const zTime = z.number().int().min(0).max(8.64e15);
export const zCount = z.number().int().min(0).max(1_000_000);
export const zRate = z.number().min(0).max(1);

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A calendar day `YYYY-MM-DD` (visits, meetings, steps are dated by day). */
export const zDate = z.string().regex(ISO_DATE);
export type IsoDate = string;

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && ISO_DATE.test(value);
}

export const zText2 = z.object({ zh: z.string().max(MAX.text), en: z.string().max(MAX.text) });

/** A short, readable summary of what zod did not like. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`)
    .join('; ');
}
