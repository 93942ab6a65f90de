// A county reads its townships' own documents (their star criteria and ratings), opened while
// the page that asks is shown, read-only.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { RegionView } from '@lianxin/model';
import { regionDocsStore } from './regionDocsStore';
import { useRegionClient, useRegionDirectory } from './useRegion';
import { readView } from './useRegionRecords';

/** Township id → its region view; empty for a township's own staff. */
export function useTownshipRegions(): ReadonlyMap<string, RegionView> {
  const { session } = useRegionClient();
  const directory = useRegionDirectory();
  const [docs, setDocs] = useState<readonly { id: string; doc: Y.Doc }[]>([]);
  useEffect(() => {
    if (session.role !== 'county') return;
    const handles = (directory?.townships ?? []).flatMap((t) => {
      const h = session.openTownshipRegion(t.id);
      return h ? [h] : [];
    });
    setDocs(handles.map((h) => ({ id: h.regionId, doc: h.doc })));
    return () => {
      for (const h of handles) h.release();
    };
  }, [session, directory]);
  const store = useMemo(() => regionDocsStore(docs, readView), [docs]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
