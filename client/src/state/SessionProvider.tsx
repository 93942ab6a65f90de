// Opens the community's documents for as long as a community page is shown.
import { useEffect, useState, type ReactNode } from 'react';
import type { FixedDoc } from '@lianxin/protocol';
import type { Account } from './Account';
import type { ClientSession } from './ClientSession';
import { SessionContext } from './SessionContext';
import { openSession } from './openSession';
import { clientRelayUrls } from './relayUrls';
import { markOnce } from './usableMark';

/**
 * `first`: the documents the page being opened reads; they load first. The session is given to
 * the pages at once: each page waits for its own documents (`NeedsDocs`: this device's copy, not
 * the relay's answer), showing meanwhile what it can without them (a kept first screen).
 */
export function SessionProvider({ account, first, fallback, children }: { account: Account; first: readonly FixedDoc[]; fallback: ReactNode; children: ReactNode }) {
  const [session, setSession] = useState<ClientSession | null>(null);

  useEffect(() => {
    const opened = openSession(account, clientRelayUrls(), first);
    markOnce('lianxin:session');
    setSession(opened);
    return () => {
      setSession(null);
      opened.close();
    };
    // A new token for the same community (joined again) reopens with it; `first` only orders
    // the first load, so a later page does not reopen the session.
  }, [account.communityId, account.token]);

  if (!session) return <>{fallback}</>;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
