// Everything under /c/<community>/: the session for that community and its pages. Each page is
// its own chunk and shows once the documents it reads are loaded.
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { SessionProvider } from '../state/SessionProvider';
import { TierLinkRunner } from '../state/tier/useTierLink';
import { isRegionRole } from '@lianxin/protocol';
import { accountPath } from '../state/accountPath';
import { useAccounts } from '../state/useAccounts';
import { useSession } from '../state/useSession';
import { AppShell } from './AppShell';
import { Loading } from './Loading';
import { LazyNotFound as NotFound } from './LazyNotFound';
import { LoadBoundary } from './LoadBoundary';
import { NeedsDocs } from './NeedsDocs';
import { PageNotLoaded } from './PageNotLoaded';
import { AntdScope } from './antdScope';
import { COMMUNITY_PAGES, docsToOpen, isLightPage, lazyPage, pageForPath, startsFromView, type CommunityPageName } from './communityPages';

const Pages = Object.fromEntries(Object.keys(COMMUNITY_PAGES).map((name) => [name, lazyPage(name as CommunityPageName)])) as Record<CommunityPageName, ReturnType<typeof lazyPage>>;

function Home() {
  const { isCommittee } = useSession();
  return <Navigate to={isCommittee ? 'overview' : 'my'} replace />;
}

function Committee({ children }: { children: ReactNode }) {
  const { isCommittee } = useSession();
  return isCommittee ? <>{children}</> : <NotFound />;
}

/** A page drawn with antd gets antd's providers (loaded beside the page's chunk); a light page none. */
function Page({ name }: { name: CommunityPageName }) {
  const page = <PageBody name={name} />;
  // A page whose code cannot be fetched (no signal, not yet cached) says so; the shell stays.
  return (
    <LoadBoundary key={name} fallback={<PageNotLoaded />}>
      {isLightPage(name) ? page : <Suspense fallback={<Loading />}><AntdScope>{page}</AntdScope></Suspense>}
    </LoadBoundary>
  );
}

function PageBody({ name }: { name: CommunityPageName }) {
  const Component = Pages[name];
  if (startsFromView(name))
    return (
      <Suspense fallback={<Loading />}>
        <Component />
      </Suspense>
    );
  return (
    <NeedsDocs docs={COMMUNITY_PAGES[name].docs}>
      <Suspense fallback={<Loading />}>
        <Component />
      </Suspense>
    </NeedsDocs>
  );
}

export default function CommunityApp() {
  const { communityId } = useParams();
  const location = useLocation();
  // The session opens the first page's documents; a later page opens its own (NeedsDocs).
  const [first] = useState(() => docsToOpen(location.pathname));
  // A page that starts from a kept view is drawn before the session's code runs.
  const [keptStart] = useState(() => {
    const name = pageForPath(location.pathname);
    return name !== null && startsFromView(name);
  });
  const { ready, accounts, markOpened } = useAccounts();
  const account = accounts.find((a) => a.communityId === communityId) ?? null;
  useEffect(() => {
    if (account) markOpened(account.communityId);
  }, [account, markOpened]);
  if (!ready) return <Loading />;
  if (!account) return <Navigate to="/" replace />;
  if (isRegionRole(account.role)) return <Navigate to={accountPath(account)} replace />;
  return (
    <SessionProvider key={account.communityId} account={account} first={first} afterFirstDraw={keptStart}>
      <TierLinkRunner />
      <AppShell>
        <Routes>
          <Route index element={<Home />} />
          <Route path="overview" element={<Page name="overview" />} />
          <Route path="my" element={<Page name="my" />} />
          <Route path="concerns" element={<Page name="concerns" />} />
          <Route path="roster" element={<Page name="roster" />} />
          <Route path="roster/board/:buildingId?/:unitId?" element={<Page name="board" />} />
          <Route path="members/:memberId" element={<Page name="members" />} />
          <Route path="points" element={<Page name="points" />} />
          <Route path="meetings" element={<Page name="meetings" />} />
          <Route path="meetings/:meetingId" element={<Page name="meeting" />} />
          <Route path="matters/:matterId" element={<Page name="matters" />} />
          <Route
            path="publish"
            element={
              <Committee>
                <Page name="publish" />
              </Committee>
            }
          />
          <Route path="settings" element={<Page name="settings" />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </AppShell>
    </SessionProvider>
  );
}
