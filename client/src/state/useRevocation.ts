import { useContext, useEffect } from 'react';
import { useNavigate } from 'react-router';
import { saveHandover } from './handover';
import { SessionContext } from './SessionContext';

/**
 * When the relay says this device's token was revoked or expired, the community's data must not
 * stay usable on it (issue 20, item 2): the unconfirmed changes are kept as a handover, and the
 * person is taken to the page that says so plainly and removes the local copy. If the handover
 * cannot be kept, the copy is not removed (nothing the person typed is lost).
 */
export function useRevocation(): void {
  const session = useContext(SessionContext);
  const navigate = useNavigate();
  useEffect(() => {
    if (!session) return;
    let handled = false;
    const check = () => {
      const status = session.getStatus();
      if (handled || !status.revoked) return;
      handled = true;
      const { account } = session;
      const unsent = session.unsent();
      const kept = unsent.length === 0 || saveHandover({ communityId: account.communityId, communityName: account.communityName, personName: account.name, reason: status.fatalReason ?? 'other', at: Date.now(), docs: unsent });
      const params = new URLSearchParams({ why: status.fatalReason ?? 'other', ...(kept ? {} : { keep: '1' }) });
      navigate(`/revoked/${encodeURIComponent(account.communityId)}?${params.toString()}`, { replace: true });
    };
    const unsubscribe = session.subscribeStatus(check);
    check();
    return unsubscribe;
  }, [session, navigate]);
}
