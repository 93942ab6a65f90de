// Everything under /r/<region>/: the township's (or county's) session and its pages.
import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router';
import { isRegionRole } from '@lianxin/protocol';
import { Loading } from '../../shell/Loading';
import { NotFound } from '../../shell/NotFound';
import { RegionProvider } from '../../state/region/RegionProvider';
import { useCommunityDocsLoading, useRegionClient } from '../../state/region/useRegion';
import { useAccounts } from '../../state/useAccounts';
import { RegionShell } from './RegionShell';

// The desk is a township's first page: its code is fetched while the session opens, not after,
// and once in it is drawn without suspending (React holds a revealed Suspense boundary ~300 ms).
let deskModule: { default: ComponentType } | null = null;
const loadDeskPage = () => import('./DeskPage').then((m) => (deskModule = m));
const LazyDeskPage = lazy(loadDeskPage);
function DeskPage() {
  const Loaded = deskModule?.default;
  return Loaded ? <Loaded /> : <LazyDeskPage />;
}
const RegionMeetingsPage = lazy(() => import('./RegionMeetingsPage'));
const PairingsPage = lazy(() => import('./PairingsPage'));
const CommunitiesPage = lazy(() => import('./CommunitiesPage'));
const TablePage = lazy(() => import('./TablePage'));
const StarsPage = lazy(() => import('./StarsPage'));

function Home() {
  const { session } = useRegionClient();
  return <Navigate to={session.role === 'township' ? 'desk' : 'table'} replace />;
}

function Township({ children }: { children: ReactNode }) {
  const { session } = useRegionClient();
  return session.role === 'township' ? <>{children}</> : <NotFound />;
}

function Page({ name, children }: { name: string; children: ReactNode }) {
  useCommunityDocsLoading(name !== 'desk');
  return (
    <RegionShell page={name}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </RegionShell>
  );
}

export default function RegionApp() {
  const { regionId, '*': rest } = useParams();
  useEffect(() => {
    if (rest === 'desk') void loadDeskPage();
  }, [rest]);
  const { ready, accounts, markOpened } = useAccounts();
  const account = accounts.find((a) => a.communityId === regionId) ?? null;
  useEffect(() => {
    if (account) markOpened(account.communityId);
  }, [account, markOpened]);
  if (!ready) return <Loading />;
  if (!account || !isRegionRole(account.role)) return <Navigate to="/" replace />;
  return (
    <RegionProvider key={account.communityId} account={account} fallback={<Loading />}>
      <Routes>
        <Route index element={<Home />} />
        <Route
          path="desk"
          element={
            <Township>
              <Page name="desk">
                <DeskPage />
              </Page>
            </Township>
          }
        />
        <Route
          path="meetings"
          element={
            <Township>
              <Page name="meetings">
                <RegionMeetingsPage />
              </Page>
            </Township>
          }
        />
        <Route
          path="pairings"
          element={
            <Township>
              <Page name="pairings">
                <PairingsPage />
              </Page>
            </Township>
          }
        />
        <Route
          path="table"
          element={
            <Page name="table">
              <TablePage />
            </Page>
          }
        />
        <Route
          path="stars"
          element={
            <Page name="stars">
              <StarsPage />
            </Page>
          }
        />
        <Route
          path="communities"
          element={
            <Page name="communities">
              <CommunitiesPage />
            </Page>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </RegionProvider>
  );
}
