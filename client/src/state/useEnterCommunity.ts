// Setup and join end the same way: the relay hands out a token, the device keeps it as an account
// and opens the community. One place for that, with its busy and error state.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { accountPath } from './accountPath';
import { accountsStore } from './accountsStore';
import { useRelayError } from './useRelayError';

/** A community's answer, or a region's (a township's or county's invite). */
type Entry = { readonly token: string } & ({ readonly community: { readonly name: string; readonly kind: 'urban' | 'village' } } | { readonly region: { readonly name: string } });

export function useEnterCommunity(): { enter: (request: () => Promise<Entry>) => Promise<void>; busy: boolean; error: string | null } {
  const navigate = useNavigate();
  const describe = useRelayError();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function enter(request: () => Promise<Entry>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const result = await request();
      // Straight to the store, not through useAccounts: subscribing would read the device store
      // (and load the sync code) while the form is still being filled in.
      const account = await accountsStore.put('community' in result ? { token: result.token, communityName: result.community.name, kind: result.community.kind } : { token: result.token, communityName: result.region.name });
      navigate(accountPath(account), { replace: true });
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  }

  return { enter, busy, error };
}
