import { useContext, useEffect } from 'react';
import { readSettings, updateSettings } from '@lianxin/model';
import { SessionContext } from './SessionContext';
import { onceSynced } from './onceSynced';
import { takeSetupHandoff } from './setupHandoff';

/**
 * The community's name and kind typed at setup live in the relay's community record; the roster's
 * settings — which the settings page, the published page and every service board read — start
 * empty. Once the roster has synced with the relay (so a name set elsewhere is not overwritten)
 * and it still has no name, the secretary's device writes the one the relay handed out at setup,
 * with the address phones open if the setup form asked for one (setupHandoff).
 */
export function useNameFromSetup(): void {
  const session = useContext(SessionContext);
  useEffect(() => {
    if (!session || session.account.role !== 'secretary') return;
    const doc = session.docs.roster;
    if (!doc) return;
    return onceSynced(session, () => {
      const { account } = session;
      const handoff = takeSetupHandoff(account.communityId);
      const settings = readSettings(doc, []);
      const patch = {
        ...(settings.name.trim() === '' ? { name: account.communityName, kind: account.kind } : {}),
        ...(handoff?.publicUrl && settings.publicUrl === null ? { publicUrl: handoff.publicUrl } : {}),
      };
      if (Object.keys(patch).length > 0) updateSettings(doc, patch, { actor: account.personId });
    });
  }, [session]);
}
