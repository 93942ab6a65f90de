import { dayInZone, DEFAULT_TIME_ZONE } from './timeZone';
import { newId, type IdSource } from './ids';

/** Transaction origin of every model command unless the caller passes its own. */
export const LOCAL_ORIGIN = 'lianxin/model' as const;

/** Who acts, when, and how ids are made; tests and fixtures pin `now` and `newId`. */
export interface CommandContext {
  /** The acting person: a member id or the token subject. Recorded in history entries. */
  readonly actor: string;
  /** Epoch ms; default Date.now(). */
  readonly now?: number;
  readonly newId?: IdSource;
  /** Transaction origin; default LOCAL_ORIGIN. */
  readonly origin?: unknown;
  /** The community's zone (settings.timeZone) for days a command stamps; default Asia/Shanghai. */
  readonly timeZone?: string;
}

export interface ResolvedContext {
  readonly actor: string;
  readonly now: number;
  readonly newId: IdSource;
  readonly origin: unknown;
  readonly timeZone: string;
}

export function resolveContext(ctx: CommandContext): ResolvedContext {
  return {
    actor: ctx.actor,
    now: ctx.now ?? Date.now(),
    newId: ctx.newId ?? newId,
    origin: ctx.origin ?? LOCAL_ORIGIN,
    timeZone: ctx.timeZone ?? DEFAULT_TIME_ZONE,
  };
}

/** `YYYY-MM-DD` of an epoch-ms time in the community's zone (settings.timeZone; default Asia/Shanghai). */
export function dayOf(time: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  return dayInZone(time, timeZone);
}
