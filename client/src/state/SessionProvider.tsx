// Opens the community's documents for as long as a community page is shown.
import { useEffect, useState, type ReactNode } from 'react';
import type { FixedDoc } from '@lianxin/protocol';
import type { Account } from './Account';
import { AccountContext } from './AccountContext';
import type { ClientSession } from './ClientSession';
import { afterPaintIdle } from './afterPaintIdle';
import { whenFirstPageDrawn } from './firstPageDrawn';
import { SessionContext } from './SessionContext';
import { clientRelayUrls } from './relayUrls';
import { markOnce } from './usableMark';

// The session's code (@lianxin/sync: Dexie, Yjs, the providers) loads beside the first page, not
// before it: a page that starts from a kept view is drawn while it loads.
const loadOpenSession = () => import('./openSession').then((m) => m.openSession);

/**
 * `first`: the documents the page being opened reads; they load first. The account is given to
 * the pages at once, the session once its code is in: each page waits for its own documents
 * (`NeedsDocs`: this device's copy, not the relay's answer), showing meanwhile what it can
 * without them (a kept view, which needs only the account).
 */
/** A page that starts from a kept view draws it before the session's code loads; others need the session at once. */
const FIRST_DRAW_MAX_WAIT_MS = 3_000;

export function SessionProvider({ account, first, afterFirstDraw = false, children }: { account: Account; first: readonly FixedDoc[]; afterFirstDraw?: boolean; children: ReactNode }) {
  const [session, setSession] = useState<ClientSession | null>(null);

  useEffect(() => {
    let opened: ClientSession | null = null;
    let closed = false;
    const start = () =>
      void loadOpenSession().then((openSession) => {
        if (closed) return;
        opened = openSession(account, clientRelayUrls(), first);
        markOnce('lianxin:session');
        setSession(opened);
      });
    let cancelPaint = () => {};
    const cancelWait = afterFirstDraw ? whenFirstPageDrawn(() => (cancelPaint = afterPaintIdle(start)), FIRST_DRAW_MAX_WAIT_MS) : (start(), () => {});
    return () => {
      closed = true;
      cancelWait();
      cancelPaint();
      setSession(null);
      opened?.close();
    };
    // A new token for the same community (joined again) reopens with it; `first` only orders
    // the first load, so a later page does not reopen the session.
  }, [account.communityId, account.token]);

  return (
    <AccountContext.Provider value={account}>
      <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
    </AccountContext.Provider>
  );
}
