/** The relay's addresses, derived from its base URL (`http://host:8787`, maybe with a path). */
export interface RelayEndpoints {
  /** `ws(s)://host/…/sync`: the y-websocket provider appends `/<community>/<doc>`. */
  readonly sync: string;
  /** `http(s)://host/…/api` */
  readonly api: string;
}

/** Throws for anything that is not an http(s) or ws(s) URL without query or fragment. */
export function relayEndpoints(relayUrl: string): RelayEndpoints {
  let url: URL;
  try {
    url = new URL(relayUrl);
  } catch {
    throw new Error(`relayUrl is not a URL: ${JSON.stringify(relayUrl)} (expected e.g. http://127.0.0.1:8787)`);
  }
  const secure = url.protocol === 'https:' || url.protocol === 'wss:';
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
    throw new Error(`relayUrl must be http(s) or ws(s), not ${url.protocol} (expected e.g. http://127.0.0.1:8787)`);
  }
  if (url.search || url.hash) throw new Error('relayUrl must not have a query or fragment');
  const base = `${url.host}${url.pathname.replace(/\/+$/, '')}`;
  return { sync: `${secure ? 'wss' : 'ws'}://${base}/sync`, api: `${secure ? 'https' : 'http'}://${base}/api` };
}
