import type * as Y from 'yjs';

/** One community's `public` document as the pages read it. */
export interface PublicSnapshot {
  /**
   * The document to read. Read it synchronously right after `loadPublic` resolves and never
   * modify it (in the relay it is the live copy other peers sync with).
   */
  readonly doc: Y.Doc;
  /**
   * Derived from the document's state (e.g. a hash of its state vector and delete set): equal
   * content gives an equal tag, any accepted update gives a new one.
   */
  readonly etag: string;
}

/**
 * Where the public pages get their data: the `<community>/public` document and nothing else.
 * `null` when the community is unknown or the id is not a community id; an existing community
 * whose `public` document is empty may return its (empty) document: the pages treat both alike.
 */
export interface PublicSource {
  loadPublic(communityId: string): Promise<PublicSnapshot | null>;
}
