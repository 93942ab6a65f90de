// Imported first by main.tsx, so it runs before React DOM and the rest of the entry are evaluated
// (~100 ms on a laptop core, ~400 ms on a slow phone): a community page's code is requested then,
// and is fetched and compiled meanwhile instead of afterwards.
import { communityApp } from './communityApp';
import { loadPage, pageForPath } from './communityPages';

/** The code the first render waits for (main.tsx): the community app and the page, if a /c/ address. */
export const routeCode: readonly Promise<unknown>[] = [];

if (window.location.pathname.startsWith('/c/')) {
  const page = pageForPath(window.location.pathname);
  (routeCode as Promise<unknown>[]).push(communityApp.preload(), ...(page ? [loadPage(page)] : []));
}
