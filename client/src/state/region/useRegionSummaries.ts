// Every community's summary of the region while the page that asks is shown: a county's session
// keeps them open already; a township's opens them here (its desk never downloads them).
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readSummary, type Summary } from '@lianxin/model';
import { communityDocsStore } from './communityDocsStore';
import { useRegionClient, useRegionDirectory } from './useRegion';

const readSummaryOnly = (doc: Y.Doc): Summary | null => readSummary(doc).summary;

/** Community id → its summary (null: none published yet, or not yet on this device). */
export function useRegionSummaries(): ReadonlyMap<string, Summary | null> {
  const { session } = useRegionClient();
  const directory = useRegionDirectory();
  useEffect(() => {
    // Reference-counted: a document the session keeps open stays open after release.
    const handles = (directory?.communities ?? []).flatMap((c) => {
      const h = session.openCommunityDoc(c.id, 'summary');
      return h ? [h] : [];
    });
    return () => {
      for (const h of handles) h.release();
    };
  }, [session, directory]);
  const store = communityDocsStore(session, 'summary', readSummaryOnly);
  const list = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return useMemo(() => new Map(list.map((e) => [e.community.id, e.value])), [list]);
}
