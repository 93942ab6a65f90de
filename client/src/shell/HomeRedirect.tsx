import { lazy } from 'react';
import { Navigate } from 'react-router';
import { accountPath } from '../state/accountPath';
import { useAccounts } from '../state/useAccounts';
import { Loading } from './Loading';

// Only a device that has joined no community sees it.
const Welcome = lazy(() => import('./Welcome').then((m) => ({ default: m.Welcome })));

/** `/`: the community (or township/county desk) used last, or the welcome page on a device that has joined none. */
export function HomeRedirect() {
  const { ready, preferred } = useAccounts();
  if (!ready) return <Loading />;
  if (preferred) return <Navigate to={accountPath(preferred)} replace />;
  return <Welcome />;
}
