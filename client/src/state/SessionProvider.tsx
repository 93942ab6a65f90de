// Opens the community's documents for as long as a community page is shown.
import { useEffect, useState, type ReactNode } from 'react';
import type { FixedDoc } from '@lianxin/protocol';
import type { Account } from './Account';
import { AccountContext } from './AccountContext';
import type { ClientSession } from './ClientSession';
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
export function SessionProvider({ account, first, children }: { account: Account; first: readonly FixedDoc[]; children: ReactNode }) {
  const [session, setSession] = useState<ClientSession | null>(null);

  useEffect(() => {
    let opened: ClientSession | null = null;
    let closed = false;
    void loadOpenSession().then((openSession) => {
      if (closed) return;
      opened = openSession(account, clientRelayUrls(), first);
      markOnce('lianxin:session');
      setSession(opened);
    });
    return () => {
      closed = true;
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
