import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { PublicSource } from './PublicSource';

/**
 * Hex SHA-256 of a document's state vector and delete set: what the document contains, not how
 * it got there (a delete changes no state vector, so both are hashed). The same recipe as the
 * relay's `stateHash`.
 */
export function documentStateHash(doc: Y.Doc): string {
  const sv = Y.encodeStateVector(doc);
  const deletes = Y.encodeStateAsUpdate(doc, sv);
  return createHash('sha256').update(sv).update(deletes).digest('hex');
}

export interface DocPublicSource extends PublicSource {
  /** Serves `doc` as the public document of `communityId` from now on. */
  set(communityId: string, doc: Y.Doc): void;
  delete(communityId: string): void;
}

/**
 * A `PublicSource` over Y.Docs held in memory: the sub-app's tests and the benchmark's standalone
 * server use it. The hash is recomputed only after the document changed.
 */
export function createDocPublicSource(initial: Readonly<Record<string, Y.Doc>> = {}): DocPublicSource {
  const docs = new Map<string, { doc: Y.Doc; etag: string | null }>();
  const set = (communityId: string, doc: Y.Doc): void => {
    const entry = { doc, etag: null as string | null };
    doc.on('update', () => {
      entry.etag = null;
    });
    docs.set(communityId, entry);
  };
  for (const [id, doc] of Object.entries(initial)) set(id, doc);
  return {
    set,
    delete: (communityId) => void docs.delete(communityId),
    async loadPublic(communityId) {
      const entry = docs.get(communityId);
      if (!entry) return null;
      entry.etag ??= documentStateHash(entry.doc);
      return { doc: entry.doc, etag: entry.etag };
    },
  };
}
