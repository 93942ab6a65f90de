import * as z from 'zod/mini';
import type { RelayChoice } from './relayChoice';
import { OfflineReason } from './syncStatus';

export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

/** What the relay says about the token: usable, refused for good, or no answer. */
export type ProbeResult =
  | { readonly type: 'valid' }
  | { readonly type: 'refused'; readonly reason: OfflineReason }
  | { readonly type: 'unknown' };

const ErrorBody = z.object({ error: z.object({ code: z.string() }) });

/**
 * Asks the session's current relay (`GET /api/me`) whether a token is still good. Needed because a refused
 * WebSocket upgrade (401/403 for a revoked or unknown token) reaches a browser only as a closed
 * socket, indistinguishable from a relay that is down. Concurrent checks share one request and
 * an answer is reused for `reuseMs`, so many documents failing at once cost one request.
 */
export class TokenProbe {
  private running: Promise<ProbeResult> | null = null;
  private last: { at: number; result: ProbeResult } | null = null;

  constructor(
    private readonly relays: RelayChoice,
    private readonly token: string,
    private readonly fetchFn: FetchFunction | undefined = globalThis.fetch?.bind(globalThis),
    private readonly reuseMs = 5_000,
  ) {}

  check(): Promise<ProbeResult> {
    if (this.last && Date.now() - this.last.at < this.reuseMs) return Promise.resolve(this.last.result);
    if (!this.running) {
      this.running = this.ask().then((result) => {
        this.running = null;
        this.last = { at: Date.now(), result };
        return result;
      });
    }
    return this.running;
  }

  private async ask(): Promise<ProbeResult> {
    if (!this.fetchFn) return { type: 'unknown' };
    let response: Response;
    try {
      response = await this.relays.fetchApi('/me', { headers: { authorization: `Bearer ${this.token}` } }, this.fetchFn);
    } catch {
      return { type: 'unknown' };
    }
    if (response.ok) {
      await response.body?.cancel();
      return { type: 'valid' };
    }
    if (response.status !== 401 && response.status !== 403) {
      await response.body?.cancel();
      return { type: 'unknown' };
    }
    let code = '';
    try {
      const body = ErrorBody.safeParse(await response.json());
      if (body.success) code = body.data.error.code;
    } catch {
      // not JSON: still a refusal
    }
    const reason = code === 'revoked' ? OfflineReason.revoked : code === 'expired' ? OfflineReason.expired : OfflineReason.unauthorized;
    return { type: 'refused', reason };
  }
}
