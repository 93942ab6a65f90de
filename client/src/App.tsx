import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AntdScope } from './shell/antdScope';
import { Loading } from './shell/Loading';
import { useLanguage } from './state/useLanguage';
import { HomeRedirect } from './shell/HomeRedirect';
import { LazyNotFound } from './shell/LazyNotFound';
import { communityApp } from './shell/communityApp';

// The community part loads after the shell (shell/communityApp.ts, started by startRouteCode.ts).
const CommunityApp = communityApp.Component;
// Pages opened once (setting up, joining, a revoked account): their forms and cards are not
// parsed by the community pages people open every day.
const SetupPage = lazy(() => import('./features/settings/SetupPage').then((m) => ({ default: m.SetupPage })));
const JoinPage = lazy(() => import('./features/settings/JoinPage').then((m) => ({ default: m.JoinPage })));
const RevokedPage = lazy(() => import('./features/settings/RevokedPage').then((m) => ({ default: m.RevokedPage })));
// A township's or county's pages (issue 22), in their own chunk.
const RegionApp = lazy(() => import('./features/region/RegionApp'));

/** The page's language attribute follows the interface language (screen readers, fonts). */
function DocumentLanguage({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return <>{children}</>;
}

// antd's providers wrap each page that uses antd, not the app: a community's light pages (a
// member's "my households") and its shell load none of antd (CommunityApp wraps the others).
const antd = (page: ReactNode) => <AntdScope>{page}</AntdScope>;

export function App() {
  return (
    <DocumentLanguage>
      <BrowserRouter>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<HomeRedirect />} />
            <Route path="/setup" element={antd(<SetupPage />)} />
            <Route path="/join" element={antd(<JoinPage />)} />
            <Route path="/revoked/:communityId" element={antd(<RevokedPage />)} />
            <Route path="/c/:communityId/*" element={<CommunityApp />} />
            <Route path="/r/:regionId/*" element={antd(<RegionApp />)} />
            <Route path="/index.html" element={<Navigate to="/" replace />} />
            <Route path="*" element={<LazyNotFound />} />
          </Routes>
        </Suspense>
      </BrowserRouter>
    </DocumentLanguage>
  );
}
