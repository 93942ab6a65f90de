// Builds the session the hooks see from @lianxin/sync: documents, one status, minutes on demand.
import { COMMUNITY_DOCS, CloseCode, FIXED_DOCS, type FixedDoc } from '@lianxin/protocol';
import { isFatal, openCommunitySession, type SessionStatus } from '@lianxin/sync';
import type { Account } from './Account';
import type { ClientSession, SyncStatus } from './ClientSession';
import { clientRelayUrls } from './relayUrls';

/** Close codes that mean the relay refused a change for its size or cost, not for who sent it. */
const TOO_HEAVY: readonly number[] = [CloseCode.tooComplex, CloseCode.cpuBudget, CloseCode.documentTooLarge];

/** The hooks' status; exported for its test. A document refused for size or cost says so even while the others sync. */
export function toStatus(s: SessionStatus): SyncStatus {
  const tooHeavy = Object.values(s.docs).some((d) => d.type === 'offline' && d.closeCode !== undefined && TOO_HEAVY.includes(d.closeCode));
  const extra = tooHeavy ? { tooHeavy } : {};
  if (!isFatal(s) || s.type !== 'offline') return { type: s.type, pending: s.pending, denied: s.refused > 0, revoked: false, ...extra };
  const fatalReason = s.reason === 'revoked' || s.reason === 'expired' ? s.reason : 'other';
  return { type: s.type, pending: s.pending, denied: s.refused > 0, revoked: true, fatalReason, ...extra };
}

/** Every document this page has opened (loaded from this device or synced), by kind: what the e2e test and the bench read. */
function recordOpened(kind: string): void {
  if (typeof window === 'undefined') return;
  const w = window as unknown as { __lianxinOpenedDocs?: Set<string> };
  (w.__lianxinOpenedDocs ??= new Set()).add(kind);
}

/**
 * Opens the account's community. `open`: the documents the page being opened reads; only they
 * are opened now, the others when a page that reads them is shown (`ensureOpen`).
 */
export function openSession(account: Account, relayUrls: readonly string[] = clientRelayUrls(), open?: readonly FixedDoc[], options: { connect?: boolean } = {}): ClientSession {
  const session = openCommunitySession({ relayUrls, token: account.token, open, onOpen: recordOpened, connect: options.connect });
  const loaded = new Set<FixedDoc>();
  const whenDocLoaded = new Map<FixedDoc, Promise<void>>();
  for (const kind of FIXED_DOCS) {
    const handle = session.handle(kind);
    if (!handle) loaded.add(kind);
    whenDocLoaded.set(kind, handle ? handle.whenContentLoaded.then(() => void loaded.add(kind)) : Promise.resolve());
  }
  let last = session.getStatus();
  let mapped = toStatus(last);
  return {
    account,
    docs: session.docs,
    whenLoaded: session.whenLoaded,
    isDocLoaded: (kind) => loaded.has(kind),
    ensureOpen: (kinds) => session.ensureOpen(kinds),
    openTierDoc: (kind) => {
      const handle = session.handle(kind);
      if (!handle) return null;
      session.ensureOpen([kind]);
      return { doc: handle.doc, whenLoaded: handle.whenContentLoaded };
    },
    readView: async (kind, key) => (await session.handle(kind)?.store.readView(key))?.value ?? null,
    writeView: (kind, key, value) => void session.handle(kind)?.store.writeView(key, value).catch(() => undefined),
    whenDocLoaded: (kind) => whenDocLoaded.get(kind)!,
    subscribeStatus: (listener) => session.subscribe(listener),
    // Stable identity until the sync status changes (useSyncExternalStore compares by identity).
    getStatus: () => {
      const now = session.getStatus();
      if (now !== last) {
        last = now;
        mapped = toStatus(now);
      }
      return mapped;
    },
    openMinutes: (meetingId) => {
      const handle = session.openMinutes(meetingId);
      return { doc: handle.doc, awareness: handle.awareness, release: () => handle.release() };
    },
    unsent: () =>
      COMMUNITY_DOCS.flatMap((kind) => {
        const handle = session.handle(kind);
        const update = handle?.unsentUpdate() ?? null;
        return handle && update ? [{ doc: kind as string, pending: handle.status.pending, update }] : [];
      }),
    close: () => void session.destroy(),
  };
}
