import type { Hono } from 'hono';
import { compress } from 'hono/compress';
import * as Y from 'yjs';
import { z } from 'zod';
import { DocKind, SummariesBatch, decodeBase64, encodeBase64, isCommunityId, isRegionRole, parseRoom, roomName, type SummaryAnswer } from '@lianxin/protocol';
import { roomAccess } from '../auth/authenticate';
import type { DocumentSource } from '../documentSource';
import type { ApiDeps } from './apiRoutes';
import { ApiError, readJson } from './ApiError';
import { requireBearer } from './bearer';

const SummariesBody = z.object({
  summaries: z
    .array(
      z.object({
        community: z.string().refine(isCommunityId, 'not a community id'),
        stateVector: z
          .string()
          .max(SummariesBatch.maxStateVectorChars)
          .refine((v) => decodesAsStateVector(v), 'not a base64 Yjs state vector'),
      }),
    )
    .min(1)
    .max(SummariesBatch.maxCommunities)
    .refine((list) => new Set(list.map((s) => s.community)).size === list.length, 'a community is named twice'),
});

function decodesAsStateVector(text: string): boolean {
  if (text === '') return true; // nothing kept yet: the whole document
  try {
    Y.decodeStateVector(decodeBase64(text));
    return true;
  } catch {
    return false;
  }
}

/** Documents loaded at once for one request (the store is read for each one not in memory). */
const LOAD_WIDTH = 8;

/**
 * `POST /api/region/summaries`: what a township's or county's device lacks of many communities'
 * `summary` documents, in one answer (the update from its state vector of each), instead of a
 * WebSocket per community. Each community is decided exactly as a socket to its `summary` would be
 * (`roomAccess`): outside the token's region, unknown, or not readable, it is answered `refused`
 * with the reason and carries nothing. Read-only: nothing a request says is written.
 */
export function mountSummariesRoute(api: Hono, deps: ApiDeps & { readonly documents: DocumentSource }): void {
  // A county's answer is ~150 updates in base64: compressed for a client that accepts it.
  api.post(SummariesBatch.path, compress(), async (c) => {
    const claims = await requireBearer(c, deps);
    if (!isRegionRole(claims.role)) throw new ApiError(403, 'forbidden', 'only township and county staff read summaries in batches');
    const body = await readJson(c, SummariesBody);
    const answers: (SummaryAnswer | null)[] = new Array(body.summaries.length).fill(null);
    let next = 0;
    const work = async () => {
      while (next < body.summaries.length) {
        const i = next++;
        const want = body.summaries[i]!;
        const room = parseRoom(roomName(want.community, DocKind.summary))!;
        const granted = await roomAccess(claims, room, deps.store);
        if (!granted.ok) {
          answers[i] = { community: want.community, refused: granted.reason };
          continue;
        }
        const readable = await deps.documents.openForRead(room.name);
        if (!readable) {
          answers[i] = { community: want.community, refused: 'unknown-community' };
          continue;
        }
        const sv = want.stateVector === '' ? undefined : decodeBase64(want.stateVector);
        answers[i] = { community: want.community, update: encodeBase64(Y.encodeStateAsUpdate(readable.doc, sv)) };
      }
    };
    await Promise.all(Array.from({ length: Math.min(LOAD_WIDTH, body.summaries.length) }, work));
    // Within the answer's bound: updates in the order asked until it is reached (always the first).
    const summaries: SummaryAnswer[] = [];
    const deferred: string[] = [];
    let bytes = 0;
    for (const a of answers as SummaryAnswer[]) {
      if ('update' in a && summaries.length > 0 && bytes + a.update.length > SummariesBatch.maxResponseBytes) {
        deferred.push(a.community);
        continue;
      }
      if ('update' in a) bytes += a.update.length;
      summaries.push(a);
    }
    return c.json({ summaries, deferred });
  });
}
