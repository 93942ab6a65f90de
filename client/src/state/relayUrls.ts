// Where the app syncs: the page's own origin, or the relay URLs the build was given.
declare const __LIANXIN_RELAY_URLS__: readonly string[] | undefined;

/** `LIANXIN_RELAY_URLS` at build time (vite.config.ts checks it); empty when unset (and in tests). */
const BUILT_IN: readonly string[] = typeof __LIANXIN_RELAY_URLS__ === 'undefined' ? [] : __LIANXIN_RELAY_URLS__;

/**
 * The relay URLs a session is given: the build's list, with the origin that served the page first
 * when it is one of them (the proxy in front of the processes; a device stays there while it
 * works), else the page's own origin alone.
 */
export function clientRelayUrls(configured: readonly string[] = BUILT_IN, origin: string = window.location.origin): string[] {
  if (configured.length === 0) return [origin];
  const own = configured.findIndex((url) => originOf(url) === origin);
  return own <= 0 ? [...configured] : [configured[own]!, ...configured.filter((_, i) => i !== own)];
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
