// The time zone field's schema, apart from the zone functions: pages that only show dates
// (through timeZone.ts) do not load the schema library with them.
import * as z from 'zod/mini';
import { isTimeZone } from './timeZone';

export const zTimeZone = z.string().check(z.minLength(1), z.maxLength(64), z.refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai'));
