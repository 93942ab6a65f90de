// First: requests the page's code before the rest of the entry is evaluated.
import { routeCode } from './shell/startRouteCode';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { languageReady } from './i18n/i18n';
import './styles/app.css';
import './styles/print.css';
import { App } from './App';
import { accountsStore } from './state/accountsStore';
import { startBootPeek } from './state/bootPeek';
import { markAppStarted } from './boot/bootScreen';
import { markOnce } from './state/usableMark';
import { settledWithin } from './state/settledWithin';

/** How long the first render waits for the route's code (then a spinner shows until it is in). */
const FIRST_CODE_WAIT_MS = 1_500;

// A community page opened directly (a reload, the installed app): its code (startRouteCode.ts)
// and the device's accounts are fetched while React starts, not one after the other.
// The boot script has started reading the accounts and the route's kept views (started here if it did not run).
startBootPeek(window.location.pathname);
const firstCode: Promise<unknown>[] = [languageReady, ...routeCode];
if (window.location.pathname.startsWith('/c/')) {
  markOnce('lianxin:main');
  markAppStarted();
  accountsStore.preload();
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');
// The first render waits (briefly) for the route's code: rendered before it, React shows a
// spinner and then holds the page back for up to 300 ms after it arrives (Suspense's fallback
// throttle). Meanwhile the boot script's kept screen, if any, is what she sees.
void settledWithin(firstCode, FIRST_CODE_WAIT_MS).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
