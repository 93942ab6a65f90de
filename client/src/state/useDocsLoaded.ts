import { useContext, useEffect, useReducer } from 'react';
import type { FixedDoc } from '@lianxin/protocol';
import { SessionContext } from './SessionContext';

/**
 * Whether every one of `kinds` has loaded this device's copy (re-renders once they have). Opens
 * them (unless `open` is false: the page opens them later itself): a session opens only the
 * documents a shown page reads.
 */
export function useDocsLoaded(kinds: readonly FixedDoc[], { open = true }: { readonly open?: boolean } = {}): boolean {
  const session = useContext(SessionContext);
  const [, changed] = useReducer((n: number) => n + 1, 0);
  const ready = session !== null && kinds.every((k) => session.isDocLoaded(k));
  const key = kinds.join(',');
  useEffect(() => {
    if (ready || !session) return;
    if (open) session.ensureOpen?.(key.split(',') as FixedDoc[]);
    let live = true;
    void Promise.all(key.split(',').map((k) => session.whenDocLoaded(k as FixedDoc))).then(() => {
      if (live) changed();
    });
    return () => {
      live = false;
    };
  }, [ready, session, key, open]);
  return ready;
}
