// Builds the session the hooks see from @lianxin/sync: documents, one status, minutes on demand.
import { isFatal, openCommunitySession, type SessionStatus } from '@lianxin/sync';
import type { Account } from './Account';
import type { ClientSession, SyncStatus } from './ClientSession';

function toStatus(s: SessionStatus): SyncStatus {
  return { type: s.type, pending: s.pending, denied: s.refused > 0, revoked: isFatal(s) };
}

export function openSession(account: Account, relayUrl = window.location.origin): ClientSession {
  const session = openCommunitySession({ relayUrl, token: account.token });
  let last = session.getStatus();
  let mapped = toStatus(last);
  return {
    account,
    docs: session.docs,
    whenLoaded: session.whenLoaded,
    subscribeStatus: (listener) => session.subscribe(listener),
    // Stable identity until the sync status changes (useSyncExternalStore compares by identity).
    getStatus: () => {
      const now = session.getStatus();
      if (now !== last) {
        last = now;
        mapped = toStatus(now);
      }
      return mapped;
    },
    openMinutes: (meetingId) => {
      const handle = session.openMinutes(meetingId);
      return { doc: handle.doc, awareness: handle.awareness, release: () => handle.release() };
    },
    close: () => void session.destroy(),
  };
}
