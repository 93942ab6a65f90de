import * as z from 'zod/mini';
import { SummariesBatch, type SummaryWant } from '@lianxin/protocol';
import type { RelayChoice } from './relayChoice';
import type { FetchFunction } from './tokenProbe';

const AnswerSchema = z.object({
  summaries: z.array(z.union([z.object({ community: z.string(), update: z.string() }), z.object({ community: z.string(), refused: z.string() })])),
  deferred: z.array(z.string()),
});
export type SummariesAnswer = z.infer<typeof AnswerSchema>;

/** The relay's answer, a refusal of the token (HTTP status), or none (network, server error, bad body). */
export type SummariesResult = { readonly type: 'ok'; readonly answer: SummariesAnswer } | { readonly type: 'refused'; readonly status: number } | { readonly type: 'unknown' };

/**
 * `POST /api/region/summaries` for up to `SummariesBatch.maxCommunities` communities; the token in
 * the Authorization header, never the URL. Never throws.
 */
export async function fetchSummaries(relays: RelayChoice, token: string, wants: readonly SummaryWant[], fetchFn: FetchFunction | undefined = globalThis.fetch?.bind(globalThis)): Promise<SummariesResult> {
  if (!fetchFn) return { type: 'unknown' };
  try {
    const response = await relays.fetchApi(SummariesBatch.path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ summaries: wants }),
    }, fetchFn);
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      return { type: 'refused', status: response.status };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { type: 'unknown' };
    }
    const parsed = AnswerSchema.safeParse(await response.json());
    return parsed.success ? { type: 'ok', answer: parsed.data } : { type: 'unknown' };
  } catch {
    return { type: 'unknown' };
  }
}
