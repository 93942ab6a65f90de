// The community part of the app (roster, editor, charts), loaded after the shell so first paint is
// fast; started at once for a /c/… address (startRouteCode.ts).
import { preloadable } from './preloadable';

export const communityApp = preloadable(() => import('./CommunityApp'));
