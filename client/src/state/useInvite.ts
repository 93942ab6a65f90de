import { useCallback, useState } from 'react';
import { createInvite, type InviteInput, type InviteResult } from './relayApi';
import { useRelayError } from './useRelayError';
import { useSession } from './useSession';

/** Creates invites with the secretary's token (needs the relay, so only online). */
export function useInvite() {
  const { account } = useSession();
  const describe = useRelayError();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // With the name typed for the invitee, which the link carries so the join form is filled in.
  const [invite, setInvite] = useState<(InviteResult & { name: string | null }) | null>(null);
  const create = useCallback(
    async (input: InviteInput) => {
      setBusy(true);
      setError(null);
      try {
        setInvite({ ...(await createInvite(account.token, input)), name: input.name ?? null });
      } catch (e) {
        setError(describe(e));
        setInvite(null);
      } finally {
        setBusy(false);
      }
    },
    [account.token, describe],
  );
  return { create, busy, error, invite };
}
