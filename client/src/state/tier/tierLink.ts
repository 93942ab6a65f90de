/**
 * The community's side of its link with the township, run on committee devices: when `work` (or
 * the township's side of `escalations`) changes, at the next idle moment, escalated concerns are
 * mirrored into `escalations` and the township's outcomes (resolved, handed back) are brought back
 * into `work`; and, at most every few minutes, the community's `summary` is recomputed and
 * written when its figures changed. Every write is idempotent (ids derived from what it copies,
 * summaries compared before writing), so any number of committee devices may run it at once.
 */
import type * as Y from 'yjs';
import { applyTownshipOutcomes, computeSummary, dayOf, mirrorToEscalations, readEscalations, readMeetings, writeSummary, type MemberId, type RosterView } from '@lianxin/model';
import { readRosterDoc, readWorkDoc } from '../reads';

/** The link's own writes: its observers skip them (a pass already accounts for what it wrote). */
export const TIER_LINK_ORIGIN = 'lianxin:tier-link';

export interface TierLinkDocs {
  readonly roster: Y.Doc;
  readonly work: Y.Doc;
  readonly escalations: Y.Doc;
  /** the summary is published only where these two are given */
  readonly summary?: Y.Doc | null;
  readonly meetings?: Y.Doc | null;
}

export interface TierLinkOptions {
  readonly docs: TierLinkDocs;
  /** who writes (a member id or the token's person), recorded on events brought back into `work` */
  readonly actor: string;
  /** the name of the person acting, for an actor the roster does not know */
  readonly actorName?: string;
  readonly now?: () => number;
  /** Resolves at an idle moment (browser: requestIdleCallback). */
  readonly idle?: () => Promise<void>;
  /** Runs `fn` after `ms`; returns the cancel (default setTimeout). */
  readonly schedule?: (fn: () => void, ms: number) => () => void;
  /** Wait after a change before a pass (changes in a burst make one pass). Default 1 s. */
  readonly delayMs?: number;
  /** Least time between two summary computations. Default 5 min. */
  readonly summaryEveryMs?: number;
  /** Told after each pass (tests, the bench). */
  readonly onPass?: (result: TierPassResult) => void;
}

export interface TierPassResult {
  /** cases created or changed in `escalations` */
  readonly mirrored: number;
  /** township outcomes written into `work` */
  readonly applied: number;
  /** whether the summary was computed in this pass, and whether it was written */
  readonly summaryComputed: boolean;
  readonly summaryWritten: boolean;
}

export interface TierLink {
  /** Runs a pass now (the summary too if it is due). */
  runNow(): TierPassResult;
  stop(): void;
}

const defaultSchedule = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

function idleMoment(): Promise<void> {
  const g = globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number };
  return new Promise((resolve) => (g.requestIdleCallback ? g.requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 0)));
}

function namer(roster: RosterView, actor: string, actorName: string | undefined) {
  return (by: string) => roster.members.get(by as MemberId)?.name ?? (by === actor && actorName ? actorName : '—');
}

/** Starts the link; the first pass runs at the first idle moment. */
export function startTierLink(options: TierLinkOptions): TierLink {
  const { docs, actor } = options;
  const now = options.now ?? Date.now;
  const idle = options.idle ?? idleMoment;
  const schedule = options.schedule ?? defaultSchedule;
  const delayMs = options.delayMs ?? 1000;
  const summaryEveryMs = options.summaryEveryMs ?? 5 * 60_000;
  let stopped = false;
  let linkDue = true;
  let summaryDirty = true;
  let lastSummaryAt = -Infinity;
  let cancel: (() => void) | null = null;
  let waiting = false;

  const pass = (): TierPassResult => {
    const roster = readRosterDoc(docs.roster).view;
    const timeZone = roster.settings.timeZone;
    const nameOf = namer(roster, actor, options.actorName);
    let mirrored = 0;
    let applied = 0;
    if (linkDue) {
      linkDue = false;
      let work = readWorkDoc(docs.work).view;
      mirrored += mirrorToEscalations(docs.escalations, readEscalations(docs.escalations).view, work, roster, nameOf, TIER_LINK_ORIGIN);
      applied = applyTownshipOutcomes(docs.work, work, readEscalations(docs.escalations).view, { actor, origin: TIER_LINK_ORIGIN, timeZone });
      if (applied > 0) {
        // What came back changed the concerns: the cases say so too (resolved in the board).
        work = readWorkDoc(docs.work).view;
        mirrored += mirrorToEscalations(docs.escalations, readEscalations(docs.escalations).view, work, roster, nameOf, TIER_LINK_ORIGIN);
        summaryDirty = true;
      }
    }
    let summaryComputed = false;
    let summaryWritten = false;
    const t = now();
    if (docs.summary && summaryDirty && t - lastSummaryAt >= summaryEveryMs) {
      summaryDirty = false;
      lastSummaryAt = t;
      summaryComputed = true;
      const meetings = docs.meetings ? readMeetings(docs.meetings, roster.settings.stepRules).view : null;
      const summary = computeSummary(roster, readWorkDoc(docs.work).view, meetings, dayOf(t, timeZone), t);
      summaryWritten = writeSummary(docs.summary, summary, TIER_LINK_ORIGIN);
    }
    const result = { mirrored, applied, summaryComputed, summaryWritten };
    options.onPass?.(result);
    return result;
  };

  /** Plans the next pass: after the delay for a change, or when the summary falls due. */
  const plan = () => {
    if (stopped || waiting) return;
    cancel?.();
    const summaryWait = docs.summary && summaryDirty ? Math.max(0, lastSummaryAt + summaryEveryMs - now()) : Infinity;
    const wait = linkDue ? delayMs : summaryWait;
    if (wait === Infinity) return;
    cancel = schedule(() => {
      cancel = null;
      waiting = true;
      void idle().then(() => {
        waiting = false;
        if (stopped) return;
        pass();
        plan();
      });
    }, wait);
  };

  const onLinkChange = (_u: Uint8Array, origin: unknown) => {
    if (origin === TIER_LINK_ORIGIN) return;
    linkDue = true;
    summaryDirty = true;
    plan();
  };
  const onSummaryInput = (_u: Uint8Array, origin: unknown) => {
    if (origin === TIER_LINK_ORIGIN) return;
    summaryDirty = true;
    plan();
  };
  docs.work.on('update', onLinkChange);
  docs.escalations.on('update', onLinkChange);
  docs.roster.on('update', onSummaryInput);
  docs.meetings?.on('update', onSummaryInput);
  plan();

  return {
    runNow: () => {
      linkDue = true;
      return pass();
    },
    stop: () => {
      stopped = true;
      cancel?.();
      docs.work.off('update', onLinkChange);
      docs.escalations.off('update', onLinkChange);
      docs.roster.off('update', onSummaryInput);
      docs.meetings?.off('update', onSummaryInput);
    },
  };
}
