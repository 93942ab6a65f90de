// Imported first by main.tsx, so it runs before React DOM and the rest of the entry are evaluated
// (~100 ms on a laptop core, ~400 ms on a slow phone): a community page's code is requested then,
// and is fetched and compiled meanwhile instead of afterwards.
import { communityApp } from './communityApp';
import { loadPage, pageForPath } from './communityPages';

function startRouteCode(pathname: string): Promise<unknown>[] {
  if (!pathname.startsWith('/c/')) return [];
  const page = pageForPath(pathname);
  return [communityApp.preload(), ...(page ? [loadPage(page)] : [])];
}

/** The code the first render waits for (main.tsx): the community app and the page, if a /c/ address. */
export const routeCode: readonly Promise<unknown>[] = startRouteCode(window.location.pathname);
