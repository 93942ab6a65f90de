// The roster page's data: the kept rows (rosterRows.ts) until the roster document is loaded, then
// the document. The document opens only once the kept rows are painted and the page is idle (at
// once when there are none), so its load does not hold up the first screen or a first search.
import { useContext, useEffect, useLayoutEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { RosterRead } from '@lianxin/model';
import { yieldToEventLoop } from '@lianxin/sync';
import { afterPaintIdle } from './afterPaintIdle';
import { readRosterDoc } from './reads';
import { householdSearchKeys, rosterIndex } from './rosterIndex';
import { keptRosterKey, parseKeptRoster, type KeptRoster } from './rosterRows';
import { SessionContext } from './SessionContext';
import { snapshotStore } from './snapshotStore';
import { useDocsLoaded } from './useDocsLoaded';
import { useDocView } from './useDocView';
import { useKeptStart } from './useKeptStart';

export interface RosterStart {
  /** `kept`: from the kept rows (the document is loading); `live`: from the document; `loading`: neither yet */
  readonly source: 'kept' | 'live' | 'loading';
  readonly kept: KeptRoster | null;
  readonly live: RosterRead | null;
}

/** Before the document is loaded nothing reads it: a slice-by-slice load would re-read 3,600 households per slice. */
const readNothing = (_doc: Y.Doc): null => null;

/** The kept rows, once read: undefined while reading, null when there are none (or unreadable). */
const useKeptRoster = (wanted: boolean, language: string): KeptRoster | null | undefined => useKeptStart('roster', keptRosterKey(language), wanted, parseKeptRoster);

/**
 * Whether the live roster is ready to show: once `doc` is loaded, its read, the page's index and
 * its search keys are made a step at a time, each in a task of its own (the event loop runs
 * between them), so the switch from the kept rows blocks no input for the three together. They
 * are cached per read, so the page's render then finds them made.
 */
function useWarmRoster(doc: Y.Doc | null, loaded: boolean): boolean {
  const [warm, setWarm] = useState(false);
  useEffect(() => {
    if (!loaded || !doc || warm) return;
    let cancelled = false;
    const read = () => snapshotStore(doc, readRosterDoc).getSnapshot().view;
    const steps = [read, () => rosterIndex(read()), () => householdSearchKeys(read())];
    void (async () => {
      for (const step of steps) {
        await yieldToEventLoop();
        if (cancelled) return;
        step();
      }
      await yieldToEventLoop();
      if (!cancelled) setWarm(true);
    })();
    return () => {
      cancelled = true;
    };
  }, [doc, loaded, warm]);
  return warm;
}

export function useRosterStart(language: string): RosterStart {
  const session = useContext(SessionContext);
  const [opening, setOpening] = useState(false);
  const loaded = useDocsLoaded(['roster'], { open: opening });
  const kept = useKeptRoster(!loaded, language);
  useLayoutEffect(() => {
    if (opening || loaded || kept === undefined) return;
    if (kept === null) return setOpening(true);
    return afterPaintIdle(() => setOpening(true));
  }, [opening, loaded, kept]);
  // Shown before the kept rows were (navigated to with the document open): at once.
  const warm = useWarmRoster(session?.docs.roster ?? null, loaded && kept !== undefined);
  const ready = loaded && (warm || kept === undefined);
  const read = useDocView<RosterRead | null>('roster', ready ? readRosterDoc : readNothing);
  if (ready && read) return { source: 'live', kept: null, live: read };
  // No session (a page outside the app's provider) reads nothing: loading.
  return { source: kept && session ? 'kept' : 'loading', kept: kept ?? null, live: null };
}
