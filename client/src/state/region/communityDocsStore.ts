// One external store over the same document of every community of a region (each township's
// desk reads all its communities' escalations at once): re-reads only the documents that changed.
import type * as Y from 'yjs';
import type { TierDoc } from '@lianxin/protocol';
import type { RegionDirectory, RegionSession } from '@lianxin/sync';
import { snapshotStore, type SnapshotStore } from '../snapshotStore';

export interface CommunityValue<T> {
  readonly community: RegionDirectory['communities'][number];
  readonly value: T;
}

const stores = new WeakMap<RegionSession, Map<unknown, SnapshotStore<readonly CommunityValue<unknown>[]>>>();

/** Shared per (session, kind, read): `read` must be a stable (module-level) function. */
export function communityDocsStore<T>(session: RegionSession, kind: TierDoc, read: (doc: Y.Doc) => T): SnapshotStore<readonly CommunityValue<T>[]> {
  let byRead = stores.get(session);
  if (!byRead) stores.set(session, (byRead = new Map()));
  const key = `${kind}`;
  const reads = (byRead.get(read) as unknown as Map<string, SnapshotStore<readonly CommunityValue<T>[]>> | undefined) ?? new Map();
  byRead.set(read, reads as never);
  let store = reads.get(key);
  if (!store) reads.set(key, (store = create(session, kind, read)));
  return store;
}

function create<T>(session: RegionSession, kind: TierDoc, read: (doc: Y.Doc) => T): SnapshotStore<readonly CommunityValue<T>[]> {
  let last: { directory: RegionDirectory | null; parts: unknown[]; value: readonly CommunityValue<T>[] } | null = null;
  const parts = () => {
    const directory = session.getDirectory();
    return {
      directory,
      entries: (directory?.communities ?? []).flatMap((community) => {
        const doc = session.communityDoc(community.id, kind);
        return doc ? [{ community, value: snapshotStore(doc, read).getSnapshot() }] : [];
      }),
    };
  };
  return {
    subscribe(listener) {
      let unsubscribeDocs: (() => void)[] = [];
      const watch = () => {
        for (const u of unsubscribeDocs) u();
        unsubscribeDocs = (session.getDirectory()?.communities ?? []).flatMap((c) => {
          const doc = session.communityDoc(c.id, kind);
          return doc ? [snapshotStore(doc, read).subscribe(listener)] : [];
        });
      };
      watch();
      const unsubscribeSession = session.subscribeDocs(() => {
        watch();
        listener();
      });
      return () => {
        unsubscribeSession();
        for (const u of unsubscribeDocs) u();
      };
    },
    getSnapshot() {
      const now = parts();
      const same = last !== null && last.directory === now.directory && last.parts.length === now.entries.length && now.entries.every((e, i) => e.value === last!.parts[i]);
      if (!same) last = { directory: now.directory, parts: now.entries.map((e) => e.value), value: now.entries };
      return last!.value;
    },
  };
}
