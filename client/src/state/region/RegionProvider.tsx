// Opens the township's or county's session for as long as its pages are shown.
import { useEffect, useState, type ReactNode } from 'react';
import { openRegionSession } from '@lianxin/sync';
import type { Account } from '../Account';
import { clientRelayUrls } from '../relayUrls';
import { RegionContext, type RegionClient } from './RegionContext';
import { keepRatingsCopied } from './ratingsCopy';

export function RegionProvider({ account, fallback, children }: { account: Account; fallback: ReactNode; children: ReactNode }) {
  const [client, setClient] = useState<RegionClient | null>(null);
  useEffect(() => {
    // The communities' documents load when the page asks (the desk: once its kept rows are shown).
    const session = openRegionSession({ relayUrls: clientRelayUrls(), token: account.token, holdCommunityDocs: true });
    // A township's ratings reach its communities (their members and public pages) through their escalations.
    const stopCopy = keepRatingsCopied(session);
    let shown = true;
    // The pages show what this device kept: wait for the local copy (the directory, the region
    // document), not the relay, nor the communities' documents (each page waits for its own).
    void session.whenOpened.then(() => {
      if (shown) setClient({ account, session });
    });
    return () => {
      shown = false;
      stopCopy();
      setClient(null);
      void session.destroy();
    };
    // A new token for the same region (joined again) reopens with it.
  }, [account.communityId, account.token]);
  if (!client) return <>{fallback}</>;
  return <RegionContext.Provider value={client}>{children}</RegionContext.Provider>;
}
