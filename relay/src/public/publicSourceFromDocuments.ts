import { DocKind, isCommunityId, roomName } from '@lianxin/protocol';
import type { DocumentSource } from '../documentSource';
import type { PublicSource } from './PublicSource';

/**
 * The relay's implementation: opens `<community>/public` (and only that document) through the
 * relay's read-only document source; its state hash is the ETag seed.
 */
export function publicSourceFromDocuments(documents: Pick<DocumentSource, 'openForRead'>): PublicSource {
  return {
    async loadPublic(communityId) {
      // roomName throws on a bad id; an id that is not a community id is simply unknown.
      if (!isCommunityId(communityId)) return null;
      const readable = await documents.openForRead(roomName(communityId, DocKind.public));
      if (!readable || readable.room.kind !== DocKind.public) return null;
      return { doc: readable.doc, etag: readable.stateHash };
    },
  };
}
