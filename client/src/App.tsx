import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LocaleProvider } from './shell/LocaleProvider';
import { Loading } from './shell/Loading';
import { HomeRedirect } from './shell/HomeRedirect';
import { LazyNotFound } from './shell/LazyNotFound';

// The community part (roster, editor, charts) loads after the shell so first paint is fast.
const CommunityApp = lazy(() => import('./shell/CommunityApp'));
// Pages opened once (setting up, joining, a revoked account): their forms and cards are not
// parsed by the community pages people open every day.
const SetupPage = lazy(() => import('./features/settings/SetupPage').then((m) => ({ default: m.SetupPage })));
const JoinPage = lazy(() => import('./features/settings/JoinPage').then((m) => ({ default: m.JoinPage })));
const RevokedPage = lazy(() => import('./features/settings/RevokedPage').then((m) => ({ default: m.RevokedPage })));
// A township's or county's pages (issue 22), in their own chunk.
const RegionApp = lazy(() => import('./features/region/RegionApp'));

export function App() {
  return (
    <LocaleProvider>
      <BrowserRouter>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<HomeRedirect />} />
            <Route path="/setup" element={<SetupPage />} />
            <Route path="/join" element={<JoinPage />} />
            <Route path="/revoked/:communityId" element={<RevokedPage />} />
            <Route path="/c/:communityId/*" element={<CommunityApp />} />
            <Route path="/r/:regionId/*" element={<RegionApp />} />
            <Route path="/index.html" element={<Navigate to="/" replace />} />
            <Route path="*" element={<LazyNotFound />} />
          </Routes>
        </Suspense>
      </BrowserRouter>
    </LocaleProvider>
  );
}
