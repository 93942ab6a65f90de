import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { saveHandover } from '../handover';
import { useRegionClient, useRegionStatus } from './useRegion';

/**
 * As a community's (useRevocation): a revoked or expired region token keeps the unconfirmed
 * changes as a handover and goes to the page that removes this device's copy.
 */
export function useRegionRevocation(): void {
  const { account, session } = useRegionClient();
  const status = useRegionStatus();
  const navigate = useNavigate();
  useEffect(() => {
    if (!status.revoked) return;
    const unsent = session.unsent();
    const kept = unsent.length === 0 || saveHandover({ communityId: account.communityId, communityName: account.communityName, personName: account.name, reason: status.fatalReason ?? 'other', at: Date.now(), docs: unsent });
    const params = new URLSearchParams({ why: status.fatalReason ?? 'other', ...(kept ? {} : { keep: '1' }) });
    navigate(`/revoked/${encodeURIComponent(account.communityId)}?${params.toString()}`, { replace: true });
  }, [status, account, session, navigate]);
}
