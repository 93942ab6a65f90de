import type * as Y from 'yjs';
import type { FixedDoc, TierDoc } from '@lianxin/protocol';
import type { AwarenessLike } from '../editor/MinutesBinding';
import type { Account } from './Account';

/** Offline / connecting / synced, with local changes the relay has not yet stored. */
export interface SyncStatus {
  readonly type: 'offline' | 'connecting' | 'synced';
  readonly pending: number;
  /** the relay refused a change (read-only role) */
  readonly denied?: boolean;
  /** the token was revoked or expired: the device must join again */
  readonly revoked?: boolean;
  /** which of the two, when `revoked` */
  readonly fatalReason?: 'revoked' | 'expired' | 'other';
  /** the relay refused a change as too large or too costly (PROTOCOL.md 4422, 4430, 4507) */
  readonly tooHeavy?: boolean;
}

export interface MinutesHandle {
  readonly doc: Y.Doc;
  readonly awareness: AwarenessLike;
  release(): void;
}

/**
 * The open community as the state hooks see it: the documents this role may open (null where it
 * may not), a status, and minutes opened on demand. Built from @lianxin/sync by `openSession`.
 */
export interface ClientSession {
  readonly account: Account;
  readonly docs: Readonly<Record<FixedDoc, Y.Doc | null>>;
  /** resolves when every document opened with the session has loaded what this device stored */
  readonly whenLoaded: Promise<void>;
  /** Opens these documents if they are not open yet (a page that reads them is shown); absent where every document opens at once. */
  ensureOpen?(kinds: readonly FixedDoc[]): void;
  /**
   * Opens `escalations` or `summary` (the documents facing the township) if not open yet: the
   * document and when it has loaded this device's copy; null where the role may not read it or
   * this session has none.
   */
  openTierDoc?(kind: TierDoc): { readonly doc: Y.Doc; readonly whenLoaded: Promise<void> } | null;
  /** whether one document has loaded what this device stored (true where the role may not open it) */
  isDocLoaded(kind: FixedDoc): boolean;
  /** resolves when `isDocLoaded(kind)` becomes true */
  whenDocLoaded(kind: FixedDoc): Promise<void>;
  /**
   * A projection kept beside a document on this device (e.g. a page's first screen), readable
   * before the document is loaded; null when none is kept (or the store keeps none).
   */
  readView(kind: FixedDoc, key: string): Promise<unknown>;
  /** Keeps `value` as the projection of the document as it is now (skipped when unchanged). */
  writeView(kind: FixedDoc, key: string, value: unknown): void;
  subscribeStatus(listener: () => void): () => void;
  getStatus(): SyncStatus;
  openMinutes(meetingId: string): MinutesHandle;
  /** Changes the relay has not confirmed, per document (a Yjs update each); empty when none. */
  unsent(): { readonly doc: string; readonly pending: number; readonly update: Uint8Array }[];
  close(): void;
}
