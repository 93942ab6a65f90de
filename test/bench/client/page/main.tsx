// Bench page: seeds a store with the fixture's history, or cold-opens it and renders the app's
// own roster page, timing until the first household row is on screen.
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { FIXED_DOCS, peekTokenClaims, type FixedDoc } from '@lianxin/protocol';
import '../../../../client/src/i18n/i18n';
import '../../../../client/src/styles/app.css';
import { LocaleProvider } from '../../../../client/src/shell/LocaleProvider';
import { SessionContext } from '../../../../client/src/state/SessionContext';
import { RosterPage } from '../../../../client/src/features/roster/RosterPage';
import { RosterPreview } from '../../../../client/src/features/roster/RosterPreview';
import { firstScreenKey } from '../../../../client/src/state/rosterFirstScreen';
import { NeedsDocs } from '../../../../client/src/shell/NeedsDocs';
import { docsForPath } from '../../../../client/src/shell/communityPages';
import type { Account } from '../../../../client/src/state/Account';
import type { ClientSession } from '../../../../client/src/state/ClientSession';
import { unpackUpdates } from '../history';
import { compactDexie, compactIdb, openDexie, openIdb, seedDexie, seedIdb, type StoreKind } from './stores';

declare global {
  interface Window {
    __bench?: { done: boolean; error?: string; result?: Record<string, number> };
  }
}

const params = new URLSearchParams(location.search);
const store = params.get('store') as StoreKind;
const phase = params.get('phase');
const token = params.get('token') ?? '';
const claims = peekTokenClaims(token)!;
const account: Account = {
  communityId: claims.cid,
  communityName: '陇海路社区',
  kind: 'urban',
  token,
  tokenId: claims.jti,
  role: claims.role,
  name: claims.name,
  personId: claims.sub,
  addedAt: 0,
};
window.__bench = { done: false };

async function history(kind: string): Promise<Uint8Array[]> {
  return unpackUpdates(new Uint8Array(await (await fetch(`/history/${kind}.bin`)).arrayBuffer()));
}

async function seed(): Promise<Record<string, number>> {
  const compact = params.get('compact') === '1';
  const histories = new Map<FixedDoc, Uint8Array[]>();
  let updates = 0;
  for (const kind of FIXED_DOCS) {
    const list = await history(kind);
    histories.set(kind, list);
    updates += list.length;
  }
  if (store === 'dexie') {
    await seedDexie(account, histories);
    if (compact) await compactDexie(account);
    // The device has shown the roster before: the app kept its first screen (when idle).
    const session = openDexie(account, ['roster']);
    renderPage(session, ['roster']);
    const key = firstScreenKey('zh-CN');
    for (let i = 0; i < 200 && !(await session.readView('roster', key)); i++) await new Promise((r) => setTimeout(r, 100));
    if (!(await session.readView('roster', key))) throw new Error('the roster page did not keep its first screen');
    session.close();
  } else {
    await seedIdb(account, histories);
    if (compact) await compactIdb(account);
  }
  return { updates };
}

/** What CommunityApp renders for /c/<community>/roster: the page once its documents are loaded, its kept first screen meanwhile. */
function renderPage(session: ClientSession, first: readonly FixedDoc[]): void {
  createRoot(document.getElementById('root')!).render(
    <LocaleProvider>
      <MemoryRouter>
        <SessionContext.Provider value={session}>
          <NeedsDocs docs={first} fallback={<RosterPreview />}>
            <RosterPage />
          </NeedsDocs>
        </SessionContext.Provider>
      </MemoryRouter>
    </LocaleProvider>,
  );
}

async function open(): Promise<Record<string, number>> {
  const start = performance.now();
  if (params.get('debug')) {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    console.log(`nav: responseEnd ${nav.responseEnd.toFixed(0)} domInteractive ${nav.domInteractive.toFixed(0)} script ${start.toFixed(0)}`);
    for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) console.log(`res ${r.name.slice(-40)} start ${r.startTime.toFixed(0)} end ${r.responseEnd.toFixed(0)} size ${r.transferSize} ${r.encodedBodySize}`);
  }
  // What the app's CommunityApp does for /c/<community>/roster: the route's documents load
  // first, and the page shows once they are loaded (SessionProvider + NeedsDocs).
  const first = docsForPath(`/c/${account.communityId}/roster`);
  const session = store === 'dexie' ? openDexie(account, first) : openIdb(account, first);
  let rosterAt = 0;
  void session.whenDocLoaded('roster').then(() => (rosterAt = performance.now()));
  const allLoaded = session.whenLoaded.then(() => performance.now());
  const root = document.getElementById('root')!;
  const visible = new Promise<number>((resolve) => {
    const check = () => {
      if (root.querySelector('[data-testid="household-table"] .ant-table-row')) {
        observer.disconnect();
        resolve(performance.now());
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(root, { childList: true, subtree: true });
  });
  const live = new Promise<number>((resolve) => {
    const check = () => {
      if (root.querySelector('[data-testid="household-table"]:not([data-preview]) .ant-table-row')) {
        observer.disconnect();
        resolve(performance.now());
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(root, { childList: true, subtree: true });
  });
  renderPage(session, first);
  if (params.get('debug')) void session.readView('roster', firstScreenKey('zh-CN')).then((v) => console.log(`readView ${v ? 'hit' : 'miss'} at ${(performance.now() - start).toFixed(0)}`));
  const shown = await visible;
  const preview = root.querySelector('[data-testid="household-table"][data-preview]') !== null;
  const households = root.querySelectorAll('[data-testid="household-table"] .ant-table-row').length;
  const liveAt = await live;
  // Every document loaded (the rest load after the page's own): reported, not part of "visible".
  const loaded = await allLoaded;
  return { scriptStart: start, rosterLoad: rosterAt - start, load: loaded - start, render: liveAt - rosterAt, visible: shown, live: liveAt, preview: preview ? 1 : 0, households };
}

(phase === 'seed' ? seed() : open()).then(
  (result) => (window.__bench = { done: true, result }),
  (error: unknown) => (window.__bench = { done: true, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) }),
);
