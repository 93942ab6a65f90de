import { Navigate } from 'react-router';
import { useAccounts } from '../state/useAccounts';
import { Loading } from './Loading';
import { Welcome } from './Welcome';

/** `/`: the community used last, or the welcome page on a device that has joined none. */
export function HomeRedirect() {
  const { ready, preferred } = useAccounts();
  if (!ready) return <Loading />;
  if (preferred) return <Navigate to={`/c/${preferred.communityId}`} replace />;
  return <Welcome />;
}
