import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LocaleProvider } from './shell/LocaleProvider';
import { Loading } from './shell/Loading';
import { HomeRedirect } from './shell/HomeRedirect';
import { NotFound } from './shell/NotFound';
import { SetupPage } from './features/settings/SetupPage';
import { JoinPage } from './features/settings/JoinPage';
import { RevokedPage } from './features/settings/RevokedPage';

// The community part (roster, editor, charts) loads after the shell so first paint is fast.
const CommunityApp = lazy(() => import('./shell/CommunityApp'));
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
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </BrowserRouter>
    </LocaleProvider>
  );
}
