// The boot script, inlined into index.html's <head> (see client/vite/inlineScript.ts): on a
// reopened roster page it reads the roster's kept first screen straight from IndexedDB and draws
// it while the app's code is still being fetched and parsed, which on a cheap phone is most of a
// cold open. It reads, validates and draws; anything missing or unreadable and it draws nothing.
import { storedLanguage } from '../i18n/languages';
import { firstScreenKey, parseFirstScreen } from '../state/firstScreen';
import { drawRosterFirstScreen } from '../features/roster/drawRosterFirstScreen';
import { bootAccounts, bootViews, startBootPeek } from '../state/bootPeek';
import { showBootScreen } from './bootScreen';

const ROSTER_PATH = /^\/c\/([A-Za-z0-9_-]+)\/roster\/?$/;

/** Resolves once #root is parsed (this script runs in <head>, before <body> exists). */
function whenRoot(): Promise<void> {
  if (document.getElementById('root')) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.getElementById('root')) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  });
}

/** Draws the kept screen of the page at this address, if there is one; whether it did. */
export async function paintKeptScreen(): Promise<boolean> {
  const match = ROSTER_PATH.exec(location.pathname);
  if (!match?.[1]) return false;
  const communityId = match[1];
  const views = await bootViews(communityId, 'roster')?.read;
  const screen = parseFirstScreen(views?.[firstScreenKey(storedLanguage())]);
  if (!screen) return false;
  const account = (await bootAccounts()?.read)?.accounts.find((a) => a.communityId === communityId);
  await whenRoot();
  return showBootScreen(drawRosterFirstScreen(screen), { appName: screen.words.appName, communityName: account?.communityName ?? null });
}

// The device's accounts and the route's kept views are read now, while the app's code loads; the
// app starts from them.
startBootPeek(location.pathname);

// The outcome on <html data-lx-boot>, for tests and for anyone debugging a slow open. A failed
// boot paint changes nothing: the app shows its own loading state as it always did.
paintKeptScreen().then(
  (drawn) => (document.documentElement.dataset.lxBoot = drawn ? 'drawn' : 'none'),
  (error: unknown) => {
    document.documentElement.dataset.lxBoot = 'failed';
    console.warn('boot screen not drawn', error);
  },
);
