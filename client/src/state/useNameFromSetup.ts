import { useContext, useEffect } from 'react';
import { readSettings, updateSettings } from '@lianxin/model';
import { SessionContext } from './SessionContext';

/**
 * The community's name and kind typed at setup live in the relay's community record; the roster's
 * settings — which the settings page, the published page and every service board read — start
 * empty. Once the roster has synced with the relay (so a name set elsewhere is not overwritten)
 * and it still has no name, the secretary's device writes the one the relay handed out at setup.
 */
export function useNameFromSetup(): void {
  const session = useContext(SessionContext);
  useEffect(() => {
    if (!session || session.account.role !== 'secretary') return;
    const doc = session.docs.roster;
    if (!doc) return;
    let done = false;
    const check = () => {
      if (done || session.getStatus().type !== 'synced') return;
      done = true;
      if (readSettings(doc, []).name.trim() !== '') return;
      const { account } = session;
      updateSettings(doc, { name: account.communityName, kind: account.kind }, { actor: account.personId });
    };
    const unsubscribe = session.subscribeStatus(check);
    check();
    return unsubscribe;
  }, [session]);
}
