import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { isCommunityId, parseRoom, type Room } from '@lianxin/protocol';
import type { RoomRegistry } from './rooms/RoomRegistry';
import type { DocRoom } from './rooms/DocRoom';
import type { CommunityKind, Store } from './store/Store';

export interface CommunityInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: CommunityKind;
}

export interface ReadableDocument {
  readonly room: Room;
  /**
   * The relay's live copy (stored state, plus every update stored since). Read it synchronously
   * and do not modify it: changes would reach no store and no client.
   */
  readonly doc: Y.Doc;
  /** Hex SHA-256 of the state vector and delete set: equal content, equal hash (an ETag). */
  readonly stateHash: string;
}

/** What server-rendered pages (src/public, issue 5) may read. */
export interface DocumentSource {
  /** The document of `<communityId>/<doc>`, loaded if needed; null for a bad name or unknown community. */
  openForRead(roomName: string): Promise<ReadableDocument | null>;
  communityExists(id: string): Promise<boolean>;
  /** Public facts of a community, or null. */
  community(id: string): Promise<CommunityInfo | null>;
}

const hashes = new WeakMap<DocRoom, { version: number; hash: string }>();

/** The hash of what a document contains (a delete changes no state vector, so both are hashed). */
export function stateHash(doc: Y.Doc): string {
  const sv = Y.encodeStateVector(doc);
  const deletes = Y.encodeStateAsUpdate(doc, sv);
  return createHash('sha256').update(sv).update(deletes).digest('hex');
}

export function createDocumentSource(store: Store, registry: RoomRegistry): DocumentSource {
  return {
    async openForRead(roomName) {
      const room = parseRoom(roomName);
      if (!room) return null;
      if (!(await store.getCommunity(room.communityId))) return null;
      const loaded = await registry.load(room);
      // A read counts as activity: keep the document loaded for the idle period.
      if (loaded.connections.size === 0) loaded.idleSince = Date.now();
      let cached = hashes.get(loaded);
      if (!cached || cached.version !== loaded.version) {
        cached = { version: loaded.version, hash: stateHash(loaded.doc) };
        hashes.set(loaded, cached);
      }
      return { room, doc: loaded.doc, stateHash: cached.hash };
    },
    async communityExists(id) {
      return isCommunityId(id) && (await store.getCommunity(id)) !== null;
    },
    async community(id) {
      if (!isCommunityId(id)) return null;
      const c = await store.getCommunity(id);
      return c ? { id: c.id, name: c.name, kind: c.kind } : null;
    },
  };
}
