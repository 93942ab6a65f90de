// What a community's and a region's session share about their token and their status: tokens
// are per person, so a refusal of the token stops every document, not only the one that saw it.
import { OfflineReason, isFatal, type SessionStatus, type SyncStatus } from './syncStatus';

const TOKEN_REASONS: readonly OfflineReason[] = [OfflineReason.revoked, OfflineReason.expired, OfflineReason.unauthorized];
/** setTimeout's longest delay; a later expiry re-arms. */
const MAX_TIMER = 2 ** 31 - 1;

/** The token's refusal a document's status reports (revoked, expired, unauthorized), or null. */
export function tokenRefusal(status: SyncStatus | undefined): OfflineReason | null {
  return status && status.type === 'offline' && TOKEN_REASONS.includes(status.reason) ? status.reason : null;
}

/** Calls `expired` when the token's `exp` (seconds) has passed, at once if it has; returns the stop. */
export function watchTokenExpiry(exp: number, now: () => number, expired: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const arm = () => {
    const left = exp * 1000 - now();
    if (left <= 0) return expired();
    timer = setTimeout(arm, Math.min(left, MAX_TIMER));
  };
  arm();
  return () => {
    if (timer) clearTimeout(timer);
  };
}

/** Resolves once the session is synced with nothing pending, has failed for good, or `closed()`. */
export function whenSessionSynced(session: { getStatus(): SessionStatus; subscribe(listener: (s: SessionStatus) => void): () => void }, closed: () => boolean): Promise<SessionStatus> {
  return new Promise((resolve) => {
    const done = (s: SessionStatus): boolean => (s.type === 'synced' && s.pending === 0) || isFatal(s) || closed();
    if (done(session.getStatus())) return resolve(session.getStatus());
    const unsubscribe = session.subscribe((s) => {
      if (!done(s)) return;
      unsubscribe();
      resolve(s);
    });
  });
}
