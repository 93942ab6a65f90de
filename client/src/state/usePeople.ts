import { useCallback, useEffect, useState } from 'react';
import { listTokens, revokeToken, type TokenListing } from './relayApi';
import { useRelayError } from './useRelayError';
import { useSession } from './useSession';

/** The community's tokens (people and devices) and revoking one; secretary only, online. */
export function usePeople() {
  const { account } = useSession();
  const describe = useRelayError();
  const [people, setPeople] = useState<TokenListing[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setPeople(await listTokens(account.token));
      setError(null);
    } catch (e) {
      setError(describe(e));
    }
  }, [account.token, describe]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const revoke = useCallback(
    async (tokenId: string) => {
      try {
        await revokeToken(account.token, tokenId);
        await reload();
      } catch (e) {
        setError(describe(e));
      }
    },
    [account.token, describe, reload],
  );
  return { people, error, reload, revoke };
}
