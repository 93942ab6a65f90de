// The desk's rows: at once from the rows kept beside each community's `escalations` (deskView.ts),
// then each community's live rows as its document loads. The documents are held by the session
// until the kept rows are painted and the page is idle, so their load neither delays the first
// rows nor a first tap on them; the kept rows are rewritten, when idle, from the live ones.
import { useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readEscalations, type EscalationsView } from '@lianxin/model';
import type { RegionDirectory } from '@lianxin/sync';
import { afterPaintIdle } from '../afterPaintIdle';
import { communityDocsStore } from './communityDocsStore';
import { deskCasesOf, type DeskCase } from './deskCases';
import { deskRowsOf, type DeskListRow } from './deskRows';
import { DESK_VIEW_KEY, parseDeskView, projectDeskView, type DeskRow } from './deskView';
import { useRegionClient, useRegionDirectory } from './useRegion';

export interface DeskRows {
  readonly rows: readonly DeskListRow[];
  /** `kept`: some rows are kept ones (documents loading); `live`: every community's document is in; `loading`: neither yet */
  readonly source: 'kept' | 'live' | 'loading';
  /** whether every community is listed (from its document or its kept rows): an empty list is then really empty */
  readonly complete: boolean;
  /** the live cases (the drawer acts on these) */
  readonly cases: readonly DeskCase[];
}

const readView = (doc: Y.Doc): EscalationsView => readEscalations(doc).view;
const NONE: RegionDirectory['communities'] = [];

/** The kept rows per community (only those with readable ones); undefined while reading. */
function useKeptRows(communities: RegionDirectory['communities']): ReadonlyMap<string, readonly DeskRow[]> | undefined {
  const { session } = useRegionClient();
  const [kept, setKept] = useState<ReadonlyMap<string, readonly DeskRow[]> | undefined>(undefined);
  useEffect(() => {
    let shown = true;
    const read = (id: string) =>
      session.readKeptView(id, 'escalations', DESK_VIEW_KEY).then(
        (value) => [id, parseDeskView(value)] as const,
        () => [id, null] as const,
      );
    void Promise.all(communities.map((c) => read(c.id))).then((all) => {
      if (shown) setKept(new Map(all.filter((e): e is readonly [string, readonly DeskRow[]] => e[1] !== null)));
    });
    return () => {
      shown = false;
    };
  }, [session, communities]);
  return kept;
}

export function useDeskRows(): DeskRows {
  const { session } = useRegionClient();
  const communities = useRegionDirectory()?.communities ?? NONE;
  const kept = useKeptRows(communities);
  const store = communityDocsStore(session, 'escalations', readView);
  const parts = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const loadedKey = useSyncExternalStore(session.subscribeDocs, () =>
    communities
      .filter((c) => session.isCommunityDocLoaded(c.id, 'escalations'))
      .map((c) => c.id)
      .join('\n'),
  );

  // The documents load once the kept rows are on screen and the page is idle (at once with none).
  useLayoutEffect(() => {
    if (kept === undefined) return;
    if (kept.size === 0) return session.loadCommunityDocs();
    return afterPaintIdle(() => session.loadCommunityDocs());
  }, [session, kept]);

  const live = useMemo(() => {
    const loaded = new Set(loadedKey.split('\n'));
    return new Map(parts.filter((p) => loaded.has(p.community.id)).map((p) => [p.community.id, p.value]));
  }, [parts, loadedKey]);

  // Keep each loaded community's rows for the next open, when idle (unchanged ones are not rewritten).
  useEffect(() => {
    if (live.size === 0) return;
    const save = () => {
      for (const [id, view] of live) void session.writeKeptView(id, 'escalations', DESK_VIEW_KEY, projectDeskView(view)).catch(() => undefined);
    };
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(save, 1_000);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(save, { timeout: 5_000 });
    return () => cancelIdleCallback(idle);
  }, [session, live]);

  return useMemo(() => {
    const all = live.size === communities.length;
    return {
      rows: deskRowsOf(communities, live, kept ?? new Map()),
      source: all ? 'live' : kept && kept.size > 0 ? 'kept' : 'loading',
      complete: communities.every((c) => live.has(c.id) || kept?.has(c.id)),
      cases: deskCasesOf(parts.filter((p) => live.has(p.community.id))),
    };
  }, [communities, live, kept, parts]);
}
