// Bench page: seeds a store with the fixture's history, or cold-opens it and renders the app's
// own roster page, timing until the first household row is on screen (`phase=open`), or renders
// the app's page for `route=my|roster` for the usable probe (`phase=route`, see usable/probe.ts).
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { FIXED_DOCS, peekTokenClaims, type FixedDoc } from '@lianxin/protocol';
import { DeviceStore } from '@lianxin/sync';
import '../../../../client/src/i18n/i18n';
import '../../../../client/src/styles/app.css';
import { LocaleProvider } from '../../../../client/src/shell/LocaleProvider';
import { AccountContext } from '../../../../client/src/state/AccountContext';
import { SessionContext } from '../../../../client/src/state/SessionContext';
import { RosterPage } from '../../../../client/src/features/roster/RosterPage';
import { RosterPreview } from '../../../../client/src/features/roster/RosterPreview';
import { MyHouseholdsPage } from '../../../../client/src/features/work/MyHouseholdsPage';
import { firstScreenKey } from '../../../../client/src/state/firstScreen';
import { BOOT_SCREEN_MARK } from '../../../../client/src/boot/bootScreen';
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

performance.mark('bench:code');
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

/** What CommunityApp renders for `/c/<community>/<route>` (no kept screen on this side), for the usable probe. */
async function route(): Promise<Record<string, number>> {
  const name = params.get('route') === 'my' ? 'my' : 'roster';
  const first = docsForPath(`/c/${account.communityId}/${name}`);
  const session = store === 'dexie' ? openDexie(account, first) : openIdb(account, first);
  void Promise.all(first.map((kind) => session.whenDocLoaded(kind))).then(() => performance.mark('bench:docs'));
  createRoot(document.getElementById('root')!).render(
    <LocaleProvider>
      <MemoryRouter>
        <AccountContext.Provider value={session.account}>
          <SessionContext.Provider value={session}>
            <NeedsDocs docs={first}>{name === 'my' ? <MyHouseholdsPage /> : <RosterPage />}</NeedsDocs>
          </SessionContext.Provider>
        </AccountContext.Provider>
      </MemoryRouter>
    </LocaleProvider>,
  );
  return {};
}

async function seed(): Promise<Record<string, number>> {
  const compact = params.get('compact') === '1';
  const histories = new Map<FixedDoc, Uint8Array[]>();
  let updates = 0;
  // The device joined the community (the boot script finds the person's copy through this).
  // The member this person is on the roster (the app remembers the choice per device).
  if (params.get('me')) localStorage.setItem(`lianxin.me.${account.communityId}`, params.get('me')!);
  const device = new DeviceStore();
  await device.saveAccount({ token, communityName: account.communityName, kind: account.kind });
  device.close();
  for (const kind of FIXED_DOCS) {
    const list = await history(kind);
    histories.set(kind, list);
    updates += list.length;
  }
  if (store === 'dexie') {
    await seedDexie(account, histories);
    if (compact) await compactDexie(account);
    // The device has shown the roster before: the app kept its first screen (when idle).
    if (params.get('keep') === '0') return { updates };
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
        <AccountContext.Provider value={session.account}>
          <SessionContext.Provider value={session}>
            <NeedsDocs docs={first} fallback={<RosterPreview />}>
              <RosterPage />
            </NeedsDocs>
          </SessionContext.Provider>
        </AccountContext.Provider>
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
  const ROW = '[data-testid="household-table"] .ant-table-row';
  const LIVE_ROW = '[data-testid="household-table"]:not([data-preview]) .ant-table-row';
  /** When `selector` is first in the document: the boot script's mark if it drew it before this code ran. */
  const inDocument = (selector: string, boot: boolean) =>
    new Promise<number>((resolve) => {
      const at = () => (boot ? (performance.getEntriesByName(BOOT_SCREEN_MARK)[0]?.startTime ?? performance.now()) : performance.now());
      if (document.querySelector(selector)) return resolve(at());
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        resolve(at());
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  // A row in the document is on screen no earlier than the first paint with content (the boot
  // script can draw before the stylesheet is in, which holds painting back).
  const firstPaint = new Promise<number>((resolve) => {
    new PerformanceObserver((list, observer) => {
      const entry = list.getEntriesByName('first-contentful-paint')[0];
      if (!entry) return;
      observer.disconnect();
      resolve(entry.startTime);
    }).observe({ type: 'paint', buffered: true });
  });
  const rowAt = inDocument(ROW, true);
  const live = inDocument(LIVE_ROW, false);
  renderPage(session, first);
  if (params.get('debug')) void session.readView('roster', firstScreenKey('zh-CN')).then((v) => console.log(`readView ${v ? 'hit' : 'miss'} at ${(performance.now() - start).toFixed(0)}`));
  const shownInDocument = await rowAt;
  const preview = document.querySelector('[data-testid="household-table"][data-preview]') !== null;
  const boot = performance.getEntriesByName(BOOT_SCREEN_MARK).length > 0 ? 1 : 0;
  const households = document.querySelectorAll(ROW).length;
  const shown = Math.max(shownInDocument, await firstPaint);
  const liveAt = await live;
  // Every document loaded (the rest load after the page's own): reported, not part of "visible".
  const loaded = await allLoaded;
  return { scriptStart: start, rosterLoad: rosterAt - start, load: loaded - start, render: liveAt - rosterAt, visible: shown, inDocument: shownInDocument, live: liveAt, preview: preview ? 1 : 0, boot, households };
}

(phase === 'seed' ? seed() : phase === 'route' ? route() : open()).then(
  (result) => (window.__bench = { done: true, result }),
  (error: unknown) => (window.__bench = { done: true, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) }),
);
