// The roster page's data: the kept rows (rosterRows.ts) until the roster document is loaded, then
// the document. The document opens only once the kept rows are painted and the page is idle (at
// once when there are none), so its load does not hold up the first screen or a first search.
import { useContext, useEffect, useLayoutEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { RosterRead } from '@lianxin/model';
import { yieldToEventLoop } from '@lianxin/sync/slices';
import { afterPaintIdle } from './afterPaintIdle';
import { firstPageDrawn } from './firstPageDrawn';
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

type ReadRoster = (doc: Y.Doc) => RosterRead;
// The model's reads load with the document, not with the page: its kept rows need none of them.
let loadedRead: ReadRoster | null = null;
const loadRead = (): Promise<ReadRoster> => import('./reads').then((m) => (loadedRead = m.readRosterDoc));

/** The roster's read, once its code is in (at once after the first time); null until then. */
function useRosterRead(wanted: boolean): ReadRoster | null {
  const [read, setRead] = useState<ReadRoster | null>(loadedRead);
  useEffect(() => {
    if (!wanted || read) return;
    let live = true;
    void loadRead().then((r) => live && setRead(() => r));
    return () => {
      live = false;
    };
  }, [wanted, read]);
  return read;
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
function useWarmRoster(doc: Y.Doc | null, readRosterDoc: ReadRoster | null, loaded: boolean): boolean {
  const [warm, setWarm] = useState(false);
  useEffect(() => {
    if (!loaded || !doc || !readRosterDoc || warm) return;
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
  }, [doc, readRosterDoc, loaded, warm]);
  return warm;
}

export function useRosterStart(language: string): RosterStart {
  const session = useContext(SessionContext);
  const [opening, setOpening] = useState(false);
  const loaded = useDocsLoaded(['roster'], { open: opening });
  const kept = useKeptRoster(!loaded, language);
  useLayoutEffect(() => {
    if (opening || loaded || kept === undefined) return;
    if (kept === null) {
      // Nothing kept to draw: the page needs its document, so the session's code loads now.
      firstPageDrawn();
      return setOpening(true);
    }
    return afterPaintIdle(() => setOpening(true));
  }, [opening, loaded, kept]);
  // Shown before the kept rows were (navigated to with the document open): at once.
  const readRosterDoc = useRosterRead(opening || loaded);
  const warm = useWarmRoster(session?.docs.roster ?? null, readRosterDoc, loaded && kept !== undefined);
  const ready = loaded && readRosterDoc !== null && (warm || kept === undefined);
  const read = useDocView<RosterRead | null>('roster', ready ? readRosterDoc : readNothing);
  if (ready && read) return { source: 'live', kept: null, live: read };
  // The kept rows need only the account (the boot read), not the session.
  return { source: kept ? 'kept' : 'loading', kept: kept ?? null, live: null };
}
