// Opens the community's documents for as long as a community page is shown.
import { useEffect, useState, type ReactNode } from 'react';
import type { Account } from './Account';
import type { ClientSession } from './ClientSession';
import { SessionContext } from './SessionContext';
import { openSession } from './openSession';

export function SessionProvider({ account, fallback, children }: { account: Account; fallback: ReactNode; children: ReactNode }) {
  const [session, setSession] = useState<ClientSession | null>(null);

  useEffect(() => {
    let cancelled = false;
    const opened = openSession(account);
    // Local-first: show the pages once this device's copy is loaded, not when the relay answers.
    void opened.whenLoaded.then(() => {
      if (!cancelled) setSession(opened);
    });
    return () => {
      cancelled = true;
      setSession(null);
      opened.close();
    };
    // A new token for the same community (joined again) reopens with it.
  }, [account.communityId, account.token]);

  if (!session) return <>{fallback}</>;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
