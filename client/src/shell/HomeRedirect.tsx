import { lazy } from 'react';
import { Navigate } from 'react-router';
import { accountPath } from '../state/accountPath';
import { useAccounts } from '../state/useAccounts';
import { withAntdScope } from './antdScope';
import { Loading } from './Loading';

// Only a device that has joined no community sees it (antd, with its providers); a member's phone
// opening the installed app at / goes on to her light page without loading antd.
const Welcome = lazy(() => withAntdScope(import('./Welcome').then((m) => m.Welcome)));

/** `/`: the community (or township/county desk) used last, or the welcome page on a device that has joined none. */
export function HomeRedirect() {
  const { ready, preferred } = useAccounts();
  if (!ready) return <Loading />;
  if (preferred) return <Navigate to={accountPath(preferred)} replace />;
  return <Welcome />;
}
