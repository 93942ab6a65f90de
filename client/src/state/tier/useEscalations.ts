import { useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readEscalations, readSharedRatings, type EscalationsView, type SharedRatings } from '@lianxin/model';
import { canRead, type TierDoc } from '@lianxin/protocol';
import { SessionContext } from '../SessionContext';
import { snapshotStore, type SnapshotStore } from '../snapshotStore';

const empty: SnapshotStore<null> = { subscribe: () => () => undefined, getSnapshot: () => null };

/**
 * A document facing the township, opened by the page that shows it (after the page's own
 * documents: it never holds the page back), once this device's copy is loaded; null until then
 * or where the role may not read it.
 */
export function useTierDoc(kind: TierDoc): Y.Doc | null {
  const session = useContext(SessionContext);
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  useEffect(() => {
    if (!session?.openTierDoc || !canRead(session.account.role, kind)) return;
    const opened = session.openTierDoc(kind);
    if (!opened) return;
    let live = true;
    void opened.whenLoaded.then(() => {
      if (live) setDoc(opened.doc);
    });
    return () => {
      live = false;
    };
  }, [session, kind]);
  return doc;
}

const readView = (doc: Y.Doc): EscalationsView => readEscalations(doc).view;
const readRatings = (doc: Y.Doc): SharedRatings => readSharedRatings(doc);

/** The community's cases at the township (what became of its escalated concerns), or null. */
export function useEscalations(): EscalationsView | null {
  const doc = useTierDoc('escalations');
  const store: SnapshotStore<EscalationsView | null> = doc ? snapshotStore(doc, readView) : empty;
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The township's ratings of this branch (支部争五星), as copied into `escalations`, or null. */
export function useSharedRatings(): SharedRatings | null {
  const doc = useTierDoc('escalations');
  const store: SnapshotStore<SharedRatings | null> = doc ? snapshotStore(doc, readRatings) : empty;
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
