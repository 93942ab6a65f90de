import { useContext, useSyncExternalStore } from 'react';
import type { SyncStatus } from './ClientSession';
import { SessionContext } from './SessionContext';

// Before the session is open (its code still loading): nothing is known yet, so not "offline".
const none: SyncStatus = { type: 'connecting', pending: 0 };
const noop = () => () => undefined;

/** The open community's sync status; re-renders only when it changes. */
export function useSyncStatus(): SyncStatus {
  const session = useContext(SessionContext);
  return useSyncExternalStore(session ? session.subscribeStatus : noop, session ? session.getStatus : () => none);
}
