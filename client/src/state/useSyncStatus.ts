import { useContext, useSyncExternalStore } from 'react';
import type { SyncStatus } from './ClientSession';
import { SessionContext } from './SessionContext';

const none: SyncStatus = { type: 'offline', pending: 0 };
const noop = () => () => undefined;

/** The open community's sync status; re-renders only when it changes. */
export function useSyncStatus(): SyncStatus {
  const session = useContext(SessionContext);
  return useSyncExternalStore(session ? session.subscribeStatus : noop, session ? session.getStatus : () => none);
}
