// Turns a Y.Doc into an external store React can read with useSyncExternalStore: every change
// marks the snapshot stale; the read runs again only when React asks for it, at most once per
// change burst. Typed reads come from @lianxin/model.
import type * as Y from 'yjs';
import { isLoadingSlice } from '@lianxin/sync/slices';

export interface SnapshotStore<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): T;
}

const stores = new WeakMap<Y.Doc, Map<unknown, SnapshotStore<unknown>>>();

/**
 * One store per (doc, read function): components sharing a read share its snapshot, so
 * 3,600 households are read once per change, not once per component.
 */
export function snapshotStore<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): SnapshotStore<T> {
  let byRead = stores.get(doc);
  if (!byRead) {
    byRead = new Map();
    stores.set(doc, byRead);
  }
  const existing = byRead.get(read);
  if (existing) return existing as SnapshotStore<T>;
  const created = createSnapshotStore(doc, read);
  byRead.set(read, created as SnapshotStore<unknown>);
  return created;
}

export function createSnapshotStore<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): SnapshotStore<T> {
  const listeners = new Set<() => void>();
  let stale = true;
  let value: T | undefined;
  let scheduled = false;

  const notify = () => {
    scheduled = false;
    for (const listener of listeners) listener();
  };
  // `afterTransaction` fires for local, stored and remote changes alike; a burst of remote
  // updates during sync becomes one re-render.
  const onChange = (tr: Y.Transaction) => {
    if (tr.changed.size === 0 && tr.deleteSet.clients.size === 0) return;
    stale = true;
    // A large stored document loads in slices: the view is read once, after the last one.
    if (isLoadingSlice(tr)) return;
    if (listeners.size > 0 && !scheduled) {
      scheduled = true;
      queueMicrotask(notify);
    }
  };
  // Watched for the store's whole life, not only while subscribed: React reads a snapshot while it
  // renders and subscribes only after it commits. A change in between (the relay's catch-up after
  // the page opened) must leave the cache stale, or React's check after subscribing sees the old
  // value and the view stays without it until the next change (issue 20: a concern missing from
  // the board until a reload). afterTransaction is cheap: unlike 'update', it makes Yjs encode nothing.
  doc.on('afterTransaction', onChange);

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot() {
      if (stale || value === undefined) {
        value = read(doc);
        stale = false;
      }
      return value;
    },
  };
}
