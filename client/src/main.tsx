import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { languageReady } from './i18n/i18n';
import './styles/app.css';
import './styles/print.css';
import { App, preloadCommunityApp } from './App';
import { loadPage, pageForPath } from './shell/communityPages';
import { accountsStore } from './state/accountsStore';
import { startBootPeek } from './state/bootPeek';
import { markOnce } from './state/usableMark';

// A community page opened directly (a reload, the installed app): its code and the device's
// accounts are fetched while React starts, not one after the other.
// The boot script has started reading the accounts and the route's kept views (started here if it did not run).
startBootPeek(window.location.pathname);
if (window.location.pathname.startsWith('/c/')) {
  markOnce('lianxin:main');
  accountsStore.preload();
  void preloadCommunityApp();
  const page = pageForPath(window.location.pathname);
  if (page) void loadPage(page);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');
// Chinese is in already (a microtask); a device set to English draws once its strings are fetched.
void languageReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
