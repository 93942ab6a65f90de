// The community pages, each its own chunk (the roster route does not parse the editor, the
// charts or the spreadsheet code), and the documents each one reads.
import type { ComponentType } from 'react';
import { FIXED_DOCS, type FixedDoc } from '@lianxin/protocol';
import { loadAntdScope } from './antdScope';
import { preloadable, type Preloadable } from './preloadable';

interface PageModule {
  readonly load: () => Promise<{ default: ComponentType }>;
  /** what the page reads: it shows once these are loaded from this device */
  readonly docs: readonly FixedDoc[];
  /**
   * The page shows at once from a projection kept beside its documents and opens them itself
   * once that is on screen (else when it finds none): not opened with the session, no NeedsDocs.
   */
  readonly startsFromView?: true;
  /**
   * Drawn without Ant Design (client/src/ui): not wrapped in antd's providers, which the other
   * pages load beside their own chunk (client/vite/routeBytes.ts counts them so).
   */
  readonly light?: true;
}

const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K, docs: readonly FixedDoc[]): PageModule => ({
  load: () => Promise.all([load(), loadAntdScope()]).then(([m]) => ({ default: m[name] })),
  docs,
});
const lightPage = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K, docs: readonly FixedDoc[]): PageModule => ({
  load: () => load().then((m) => ({ default: m[name] })),
  docs,
  light: true,
});

const ALL = FIXED_DOCS;

/** Keyed by the first path segment after `/c/<community>/`. */
export const COMMUNITY_PAGES = {
  overview: page(() => import('../features/dashboard/DashboardPage'), 'DashboardPage', ['roster', 'work']),
  my: { ...lightPage(() => import('../features/work/MyHouseholdsPage'), 'MyHouseholdsPage', ['roster', 'work']), startsFromView: true },
  concerns: page(() => import('../features/work/ConcernBoardPage'), 'ConcernBoardPage', ['roster', 'work']),
  roster: { ...lightPage(() => import('../features/roster/RosterPage'), 'RosterPage', ['roster']), startsFromView: true },
  board: page(() => import('../features/roster/ServiceBoardPage'), 'ServiceBoardPage', ['roster', 'public']),
  members: page(() => import('../features/roster/MemberProfilePage'), 'MemberProfilePage', ['roster', 'work']),
  points: page(() => import('../features/work/PointsPage'), 'PointsPage', ['roster', 'work']),
  meetings: page(() => import('../features/meetings/MeetingsPage'), 'MeetingsPage', ALL),
  meeting: page(() => import('../features/meetings/MeetingPage'), 'MeetingPage', ALL),
  matters: page(() => import('../features/meetings/MatterPage'), 'MatterPage', ALL),
  publish: page(() => import('../features/publish/PublishPage'), 'PublishPage', ALL),
  settings: page(() => import('../features/settings/SettingsPage'), 'SettingsPage', ALL),
} as const satisfies Record<string, PageModule>;

export type CommunityPageName = keyof typeof COMMUNITY_PAGES;

const pages = new Map<CommunityPageName, Preloadable<object>>();
function pageModule(name: CommunityPageName): Preloadable<object> {
  let page = pages.get(name);
  if (!page) {
    page = preloadable(COMMUNITY_PAGES[name].load);
    pages.set(name, page);
  }
  return page;
}

/** Starts (once) loading a page's code; the page component and preloading share the one request. */
export const loadPage = (name: CommunityPageName): Promise<{ default: ComponentType }> => pageModule(name).preload();

/** The page's component: rendered at once if its code is in (main.tsx starts it), else lazily. */
export const lazyPage = (name: CommunityPageName): ComponentType => pageModule(name).Component;


/** The page a community path shows (`/c/<id>/roster/board/…` → board), or null for the home redirect. */
export function pageForPath(pathname: string): CommunityPageName | null {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] !== 'c' || parts.length < 3) return null;
  const [, , first, second] = parts;
  if (first === 'roster' && second === 'board') return 'board';
  if (first === 'meetings' && second) return 'meeting';
  return first && Object.hasOwn(COMMUNITY_PAGES, first) ? (first as CommunityPageName) : null;
}

/** Whether the page is drawn without antd (no antd providers around it). */
export const isLightPage = (name: CommunityPageName): boolean => (COMMUNITY_PAGES[name] as PageModule).light === true;

/** Whether the page shows from a kept projection and opens its documents itself. */
export const startsFromView = (name: CommunityPageName): boolean => (COMMUNITY_PAGES[name] as PageModule).startsFromView === true;

/** The documents a session opened at `pathname` opens at once: the page's, unless it opens them itself. */
export function docsToOpen(pathname: string): readonly FixedDoc[] {
  const name = pageForPath(pathname);
  return name && startsFromView(name) ? [] : docsForPath(pathname);
}

/** The documents the page at `pathname` reads (every document when it is not a known page). */
export function docsForPath(pathname: string): readonly FixedDoc[] {
  const name = pageForPath(pathname);
  if (name) return COMMUNITY_PAGES[name].docs;
  // The community's home redirects to the overview or "my households": both read these.
  return pathname.split('/').filter(Boolean).length <= 2 ? COMMUNITY_PAGES.my.docs : ALL;
}
