// One external store over several region documents (a county reading its townships'): a new
// value only when one of them changed.
import type * as Y from 'yjs';
import { snapshotStore, type SnapshotStore } from '../snapshotStore';

export function regionDocsStore<T>(docs: readonly { id: string; doc: Y.Doc }[], read: (doc: Y.Doc) => T): SnapshotStore<ReadonlyMap<string, T>> {
  let last: { parts: T[]; value: ReadonlyMap<string, T> } | null = null;
  return {
    subscribe(listener) {
      const unsubscribe = docs.map((d) => snapshotStore(d.doc, read).subscribe(listener));
      return () => {
        for (const u of unsubscribe) u();
      };
    },
    getSnapshot() {
      const parts = docs.map((d) => snapshotStore(d.doc, read).getSnapshot());
      if (!last || last.parts.length !== parts.length || parts.some((p, i) => p !== last!.parts[i])) last = { parts, value: new Map(docs.map((d, i) => [d.id, parts[i]!])) };
      return last.value;
    },
  };
}
