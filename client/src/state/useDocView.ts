import { useContext, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { FixedDoc } from '@lianxin/protocol';
import { SessionContext } from './SessionContext';
import { snapshotStore, type SnapshotStore } from './snapshotStore';

const empty: SnapshotStore<null> = { subscribe: () => () => undefined, getSnapshot: () => null };

/**
 * A typed, live view of one of the community's documents, or null where this role may not
 * open it. `read` must be a stable function (module level) so the snapshot is shared.
 */
export function useDocView<T>(kind: FixedDoc, read: (doc: Y.Doc) => T): T | null {
  const session = useContext(SessionContext);
  const doc = session?.docs[kind] ?? null;
  const store: SnapshotStore<T | null> = doc ? snapshotStore(doc, read) : empty;
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
