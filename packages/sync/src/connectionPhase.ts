import { CloseCode } from '@lianxin/protocol';
import { OfflineReason, isFatalReason } from './syncStatus';

/**
 * The connection half of a document's status, as a pure reducer over what the provider reports,
 * so the transitions can be tested without sockets. `pending`/`refused` are added by the caller.
 */
export type ConnectionPhase =
  | { readonly type: 'connecting' }
  | { readonly type: 'synced' }
  | { readonly type: 'offline'; readonly reason: OfflineReason; readonly closeCode?: number };

export type ConnectionEvent =
  /** A socket is being opened. */
  | { readonly type: 'socketConnecting' }
  /** The socket opened; the handshake starts. */
  | { readonly type: 'socketOpen' }
  /** The relay's sync step 2 arrived. */
  | { readonly type: 'handshakeDone' }
  /**
   * The socket closed. `code` is null when this side closed it; `opened` tells whether it ever
   * opened (a refusal at the upgrade never does).
   */
  | { readonly type: 'socketClosed'; readonly code: number | null; readonly opened: boolean }
  /** The device lost its network; the socket is closed here until it comes back. */
  | { readonly type: 'networkLost' }
  /** Reconnecting cannot help (a probe or the token's expiry said so). */
  | { readonly type: 'fatal'; readonly reason: OfflineReason }
  /** Closed here for good. */
  | { readonly type: 'stopped' };

export const INITIAL_PHASE: ConnectionPhase = { type: 'connecting' };

/** PROTOCOL.md's close codes after which the same token must not reconnect. */
export function fatalReasonForCode(code: number): OfflineReason | null {
  switch (code) {
    case CloseCode.expired:
      return OfflineReason.expired;
    case CloseCode.revoked:
      return OfflineReason.revoked;
    case CloseCode.unknownRoom:
      return OfflineReason.unknownRoom;
    default:
      return null;
  }
}

// 1005 (no status) and 1006 (abnormal: the peer vanished, e.g. a killed relay) say nothing
// about the relay's intent, so they read as "unreachable" rather than "closed".
const NO_INTENT = new Set([1005, 1006]);

function isFatalPhase(phase: ConnectionPhase): boolean {
  return phase.type === 'offline' && isFatalReason(phase.reason);
}

export function nextPhase(phase: ConnectionPhase, event: ConnectionEvent): ConnectionPhase {
  // Once fatal or stopped, only another fatal reason (or a stop) may replace it.
  if (isFatalPhase(phase) && event.type !== 'stopped') return phase;
  if (phase.type === 'offline' && phase.reason === OfflineReason.stopped) return phase;
  switch (event.type) {
    case 'socketConnecting':
      // While retrying after a failure stay offline: a status flickering between offline and
      // connecting every back-off step tells the user nothing.
      return phase.type === 'offline' ? phase : { type: 'connecting' };
    case 'socketOpen':
      return { type: 'connecting' };
    case 'handshakeDone':
      return { type: 'synced' };
    case 'socketClosed': {
      // Closing the socket ourselves because the network went away: keep saying why.
      if (phase.type === 'offline' && phase.reason === OfflineReason.network && event.code === null) return phase;
      if (event.code === null) return { type: 'offline', reason: OfflineReason.unreachable };
      const fatal = fatalReasonForCode(event.code);
      if (fatal) return { type: 'offline', reason: fatal, closeCode: event.code };
      if (!event.opened || NO_INTENT.has(event.code)) return { type: 'offline', reason: OfflineReason.unreachable };
      return { type: 'offline', reason: OfflineReason.closed, closeCode: event.code };
    }
    case 'networkLost':
      return { type: 'offline', reason: OfflineReason.network };
    case 'fatal':
      return { type: 'offline', reason: event.reason };
    case 'stopped':
      return isFatalPhase(phase) ? phase : { type: 'offline', reason: OfflineReason.stopped };
  }
}
