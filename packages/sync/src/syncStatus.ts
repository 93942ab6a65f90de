/**
 * What the engine tells the UI about syncing. A union on `type`:
 * - `connecting`: loading from this device, or a socket is opening / handshaking.
 * - `synced`: connected and the handshake with the relay is complete.
 * - `offline`: not connected; `reason` says why and whether it will retry.
 *
 * `pending` is the number of local changes (one Yjs transaction each) the relay has not yet
 * confirmed as stored; `refused` the number of local changes to a document this token may only
 * read, which the relay will never store (they stay on this device only).
 */
export const OfflineReason = {
  /** The session or document was closed here; nothing will reconnect. */
  stopped: 'stopped',
  /** The device reports no network (the browser's `offline` event); reconnects on `online`. */
  network: 'network',
  /** The relay could not be reached, or the connection dropped; retrying with back-off. */
  unreachable: 'unreachable',
  /** The relay closed the connection with a code that is worth retrying (`closeCode`). */
  closed: 'closed',
  /** Fatal: the token was revoked (close 4403, or 403 at the upgrade). */
  revoked: 'revoked',
  /** Fatal: the token expired (close 4401, a 401 saying so, or its `exp` passed on this device). */
  expired: 'expired',
  /** Fatal: the relay does not know this document (close 4404). */
  unknownRoom: 'unknownRoom',
  /** Fatal: the relay refuses this token (not issued by it, bad signature, …). */
  unauthorized: 'unauthorized',
} as const;
export type OfflineReason = (typeof OfflineReason)[keyof typeof OfflineReason];

const FATAL: readonly OfflineReason[] = [OfflineReason.revoked, OfflineReason.expired, OfflineReason.unknownRoom, OfflineReason.unauthorized];

/** Reasons after which the engine stops reconnecting with this token. */
export function isFatalReason(reason: OfflineReason): boolean {
  return FATAL.includes(reason);
}

export interface ConnectingStatus {
  readonly type: 'connecting';
  readonly pending: number;
  readonly refused: number;
}

export interface SyncedStatus {
  readonly type: 'synced';
  readonly pending: number;
  readonly refused: number;
}

export interface OfflineStatus {
  readonly type: 'offline';
  readonly pending: number;
  readonly refused: number;
  readonly reason: OfflineReason;
  /** The WebSocket close code, when the relay closed the connection. */
  readonly closeCode?: number;
}

export type SyncStatus = ConnectingStatus | SyncedStatus | OfflineStatus;

export function isOffline(status: SyncStatus): status is OfflineStatus {
  return status.type === 'offline';
}

export function isSynced(status: SyncStatus): status is SyncedStatus {
  return status.type === 'synced';
}

/** True when the status says reconnecting cannot help (the device must join again). */
export function isFatal(status: SyncStatus): boolean {
  return status.type === 'offline' && isFatalReason(status.reason);
}

/** A session's status: the aggregate over its open documents, and each document's own. */
export type SessionStatus = SyncStatus & {
  /** Keyed by document name within the community: `roster`, `minutes/<meetingId>`, … */
  readonly docs: Readonly<Record<string, SyncStatus>>;
};

export function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return (
    a.type === b.type &&
    a.pending === b.pending &&
    a.refused === b.refused &&
    (a.type !== 'offline' || b.type !== 'offline' || (a.reason === b.reason && a.closeCode === b.closeCode))
  );
}

// Most serious first: a revoked token matters more than an unreachable relay.
const REASON_ORDER: readonly OfflineReason[] = [
  OfflineReason.revoked,
  OfflineReason.expired,
  OfflineReason.unauthorized,
  OfflineReason.unknownRoom,
  OfflineReason.closed,
  OfflineReason.unreachable,
  OfflineReason.network,
  OfflineReason.stopped,
];

/**
 * Aggregates document statuses: any fatal document makes the whole session offline with that
 * reason; otherwise synced when every document is; connecting when any document is; else offline
 * with the most serious reason. `pending` and `refused` are sums. No documents: offline, stopped.
 */
export function aggregateStatus(docs: Readonly<Record<string, SyncStatus>>): SessionStatus {
  const all = Object.values(docs);
  const pending = all.reduce((n, s) => n + s.pending, 0);
  const refused = all.reduce((n, s) => n + s.refused, 0);
  const offline = all.filter(isOffline).sort((a, b) => REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason));
  const worst = offline[0];
  if (worst && isFatalReason(worst.reason)) return offlineAggregate(worst, pending, refused, docs);
  if (all.length > 0 && all.every(isSynced)) return { type: 'synced', pending, refused, docs };
  if (all.some((s) => s.type === 'connecting')) return { type: 'connecting', pending, refused, docs };
  if (worst) return offlineAggregate(worst, pending, refused, docs);
  return { type: 'offline', pending, refused, reason: OfflineReason.stopped, docs };
}

function offlineAggregate(worst: OfflineStatus, pending: number, refused: number, docs: Readonly<Record<string, SyncStatus>>): SessionStatus {
  return worst.closeCode === undefined
    ? { type: 'offline', pending, refused, reason: worst.reason, docs }
    : { type: 'offline', pending, refused, reason: worst.reason, closeCode: worst.closeCode, docs };
}

/** Whether two session statuses say the same (so listeners are told only of real changes). */
export function sameSessionStatus(a: SessionStatus, b: SessionStatus): boolean {
  const ka = Object.keys(a.docs);
  const kb = Object.keys(b.docs);
  if (ka.length !== kb.length || ka.some((k) => a.docs[k] !== b.docs[k])) return false;
  return a.type === b.type && a.pending === b.pending && a.refused === b.refused && (a.type !== 'offline' || (b.type === 'offline' && a.reason === b.reason && a.closeCode === b.closeCode));
}
