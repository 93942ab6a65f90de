import { useContext, useEffect, useState } from 'react';
import type { MinutesBinding } from '../editor/MinutesBinding';
import { SessionContext } from './SessionContext';
import { userColor } from './userColor';

/**
 * Opens one meeting's minutes document for as long as the page shows it, and hands the editor
 * what it binds to. Name and colour on the caret come from the token, not from anything typed.
 */
export function useMinutesEditor(minutesId: string | null): MinutesBinding | null {
  const session = useContext(SessionContext);
  const [binding, setBinding] = useState<MinutesBinding | null>(null);
  useEffect(() => {
    if (!session || !minutesId) return;
    const handle = session.openMinutes(minutesId);
    const { account } = session;
    setBinding({
      fragment: handle.doc.getXmlFragment('default'),
      provider: { awareness: handle.awareness },
      user: { name: account.name, color: userColor(account.personId) },
      editable: account.role !== 'member',
    });
    return () => {
      setBinding(null);
      handle.release();
    };
  }, [session, minutesId]);
  return binding;
}
