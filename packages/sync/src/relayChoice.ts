import { relayEndpoints, type RelayEndpoints } from './relayEndpoints';
import type { FetchFunction } from './tokenProbe';

/** One relay a session may use: the base URL as given, and its endpoints. */
export interface Relay extends RelayEndpoints {
  readonly url: string;
}

/** What a session is told about its relays: one URL (the usual case) or several processes of one service. */
export interface RelayUrlOptions {
  readonly relayUrl?: string;
  readonly relayUrls?: readonly string[];
}

/**
 * The relay URLs a session was given, checked: `relayUrl` or a non-empty `relayUrls`, not both,
 * each an http(s)/ws(s) URL, none twice. Throws naming the caller and the bad entry.
 */
export function relaysOf(options: RelayUrlOptions, caller: string): Relay[] {
  const { relayUrl, relayUrls } = options;
  if (relayUrl !== undefined && relayUrls !== undefined) throw new Error(`${caller}: pass relayUrl or relayUrls, not both`);
  if (relayUrls === undefined) {
    if (typeof relayUrl !== 'string') throw new Error(`${caller}: relayUrl (a string) or relayUrls (a list of them) is required`);
    return [relayOf(relayUrl, 'relayUrl', caller)];
  }
  if (!Array.isArray(relayUrls) || relayUrls.length === 0) throw new Error(`${caller}: relayUrls must be a non-empty list of URLs`);
  const relays = relayUrls.map((url: unknown, i) => {
    if (typeof url !== 'string') throw new Error(`${caller}: relayUrls[${i}] is not a string`);
    return relayOf(url, `relayUrls[${i}]`, caller);
  });
  relays.forEach((relay, i) => {
    const first = relays.findIndex((r) => r.sync === relay.sync);
    if (first !== i) throw new Error(`${caller}: relayUrls[${i}] is the same relay as relayUrls[${first}] (${relay.url})`);
  });
  return relays;
}

function relayOf(url: string, name: string, caller: string): Relay {
  try {
    return { url, ...relayEndpoints(url) };
  } catch (error) {
    throw new Error(`${caller}: ${(error as Error).message.replace(/^relayUrl/, name)}`);
  }
}

/**
 * Which of its relays a session uses now, shared by all its documents and its HTTP calls, so one
 * device stays on one process. It stays on a relay while it works; when one cannot be reached
 * (or drops a socket abnormally) the session moves to the next, round robin. The pace is the
 * documents' reconnect back-off: each failed attempt waits longer, and moves on by one.
 */
export class RelayChoice {
  private index = 0;

  constructor(private readonly relays: readonly Relay[]) {
    if (relays.length === 0) throw new Error('RelayChoice: no relay');
  }

  /** The relay to use for the next socket or request. */
  current(): Relay {
    return this.relays[this.index]!;
  }

  /**
   * `relay` failed. Only a failure of the current relay moves on: the other documents' sockets to
   * the same dead relay fail too, moments later, and must not move the session once more.
   */
  failed(relay: Relay): void {
    if (relay !== this.current()) return;
    this.index = (this.index + 1) % this.relays.length;
  }

  /**
   * `fetch(<current relay>/api<path>)`. A request that gets no answer at all counts as the relay
   * failing and goes to the next, each relay once; any answer (a refusal too) is returned.
   */
  async fetchApi(path: string, init: RequestInit, fetchFn: FetchFunction): Promise<Response> {
    let failure: unknown;
    for (let tries = 0; tries < this.relays.length; tries++) {
      const relay = this.current();
      try {
        return await fetchFn(`${relay.api}${path}`, init);
      } catch (error) {
        failure = error;
        this.failed(relay);
      }
    }
    throw failure;
  }
}
