// Everything under /r/<region>/: the township's (or county's) session and its pages.
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router';
import { isRegionRole } from '@lianxin/protocol';
import { Loading } from '../../shell/Loading';
import { NotFound } from '../../shell/NotFound';
import { preloadable } from '../../shell/preloadable';
import { RegionProvider } from '../../state/region/RegionProvider';
import { useCommunityDocsLoading, useRegionClient } from '../../state/region/useRegion';
import { useAccounts } from '../../state/useAccounts';
import { RegionShell } from './RegionShell';

// A region's first pages (the desk, the table): their code is fetched while the session opens,
// not after, and once in it is drawn without suspending (shell/preloadable.ts says why).
const deskPage = preloadable(() => import('./DeskPage'));
const DeskPage = deskPage.Component;
const RegionMeetingsPage = lazy(() => import('./RegionMeetingsPage'));
const PairingsPage = lazy(() => import('./PairingsPage'));
const CommunitiesPage = lazy(() => import('./CommunitiesPage'));
const tablePage = preloadable(() => import('./TablePage'));
const TablePage = tablePage.Component;
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
  const { regionId, '*': page } = useParams();
  useEffect(() => {
    if (page === 'desk') void deskPage.preload();
    else if (page === 'table') void tablePage.preload();
  }, [page]);
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
