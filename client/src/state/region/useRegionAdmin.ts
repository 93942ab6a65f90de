// The county's administrator adds townships and communities from the app (online only): each
// answer carries an invite, shown as a link and a QR code; the directory is asked for again.
import { useCallback, useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { RelayApiError } from '../relayApi';
import { useRelayError } from '../useRelayError';
import { addCommunity, addTownship, type RegionInvite } from './regionApi';
import { useRegionClient } from './useRegion';

export interface Created {
  readonly what: 'township' | 'community';
  readonly id: string;
  readonly name: string;
  readonly invite: RegionInvite;
}

/** What a refused add says: a taken id (409) and a township outside the region (403) in words of their own. */
export function adminError(e: unknown, id: string, t: (key: string, values?: Record<string, string>) => string, otherwise: (e: unknown) => string): string {
  if (e instanceof RelayApiError && e.status === 409) return t('region.admin.idTaken', { id });
  if (e instanceof RelayApiError && e.status === 403) return t('region.admin.forbidden');
  return otherwise(e);
}

export function useRegionAdmin() {
  const { account, session } = useRegionClient();
  const { t } = useTranslation();
  const describe = useRelayError();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const explain = useCallback((e: unknown, id: string) => adminError(e, id, t, describe), [describe, t]);
  const run = useCallback(
    async (what: Created['what'], id: string, name: string, call: () => Promise<{ invite: RegionInvite }>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      setCreated(null);
      try {
        const answer = await call();
        setCreated({ what, id, name, invite: answer.invite });
        await session.refreshDirectory();
        return true;
      } catch (e) {
        setError(explain(e, id));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [session, explain],
  );
  return {
    busy,
    error,
    created,
    addTownship: (input: { id: string; name: string }) => run('township', input.id, input.name, () => addTownship(account.token, input)),
    addCommunity: (input: { id: string; name: string; kind: 'urban' | 'village'; township?: string }) => run('community', input.id, input.name, () => addCommunity(account.token, input)),
  };
}
