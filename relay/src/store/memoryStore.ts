import type {
  CommunityRecord,
  InviteRecord,
  RegionRecord,
  RevocationsSince,
  Store,
  StoredDocument,
  StoredUpdate,
  TokenRecord,
  UpdateToStore,
} from './Store';
import { SETUP_CODE_TTL_MS, StoreConflictError } from './Store';

interface MemoryDoc {
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  /** the document's own seq counter */
  lastSeq: number;
  updates: StoredUpdate[];
}

/** In-memory log and directory for tests: same contracts as SQLite and Postgres, nothing survives the process. */
export function createMemoryStore(): Store {
  const docs = new Map<string, MemoryDoc>();
  const communities = new Map<string, CommunityRecord>();
  const regions = new Map<string, RegionRecord>();
  const tokens = new Map<string, TokenRecord>();
  const invites = new Map<string, InviteRecord>();
  const revocations: { seq: number; tokenId: string }[] = [];
  const setupCodes = new Map<string, number>();
  let revocationSeq = 0;
  let closed = false;

  const check = (): void => {
    if (closed) throw new Error('store is closed');
  };
  // Copies so that callers cannot mutate what is "stored", as with a real database.
  const copy = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes);

  const since = (doc: string, after: number): StoredDocument => {
    check();
    const d = docs.get(doc);
    if (!d) return { snapshot: null, updates: [], lastSeq: 0 };
    const last = d.updates.at(-1);
    const folded = d.snapshotSeq > after;
    return {
      snapshot: d.snapshot && folded ? copy(d.snapshot) : null,
      updates: d.updates.filter((u) => u.seq > after).map((u) => ({ ...u, update: copy(u.update) })),
      lastSeq: last ? last.seq : d.snapshotSeq,
    };
  };

  return {
    kind: 'memory',
    async loadDocument(doc): Promise<StoredDocument> {
      return since(doc, 0);
    },
    async loadSince(doc, afterSeq): Promise<StoredDocument> {
      return since(doc, afterSeq);
    },
    async appendUpdates(updates: readonly UpdateToStore[]): Promise<number[]> {
      check();
      return updates.map((u) => {
        let d = docs.get(u.doc);
        if (!d) {
          d = { snapshot: null, snapshotSeq: 0, lastSeq: 0, updates: [] };
          docs.set(u.doc, d);
        }
        d.lastSeq += 1;
        d.updates.push({ seq: d.lastSeq, update: copy(u.update), author: u.author, time: u.time });
        return d.lastSeq;
      });
    },
    wantsCompaction() {
      return false;
    },
    async compact(doc, snapshot, throughSeq): Promise<boolean> {
      check();
      let d = docs.get(doc);
      if (!d) {
        d = { snapshot: null, snapshotSeq: 0, lastSeq: 0, updates: [] };
        docs.set(doc, d);
      }
      if (throughSeq < d.snapshotSeq) return true;
      d.snapshot = copy(snapshot);
      d.snapshotSeq = throughSeq;
      if (throughSeq > d.lastSeq) d.lastSeq = throughSeq;
      d.updates = d.updates.filter((u) => u.seq > throughSeq);
      return true;
    },
    async createCommunity(community): Promise<void> {
      check();
      if (communities.has(community.id)) throw new StoreConflictError(`community ${community.id} exists`);
      if (regions.has(community.id)) throw new StoreConflictError(`${community.id} is a region`);
      communities.set(community.id, { ...community });
    },
    async getCommunity(id) {
      check();
      const c = communities.get(id);
      return c ? { ...c } : null;
    },
    async countCommunities() {
      check();
      return communities.size;
    },
    async listCommunities(township) {
      check();
      return [...communities.values()].filter((c) => c.township === township).sort((a, b) => a.id.localeCompare(b.id)).map((c) => ({ ...c }));
    },
    async setCommunityTownship(community, township) {
      check();
      const c = communities.get(community);
      if (!c) return false;
      communities.set(community, { ...c, township });
      return true;
    },
    async createRegion(region): Promise<void> {
      check();
      if (regions.has(region.id)) throw new StoreConflictError(`region ${region.id} exists`);
      if (communities.has(region.id)) throw new StoreConflictError(`${region.id} is a community`);
      regions.set(region.id, { ...region });
    },
    async getRegion(id) {
      check();
      const r = regions.get(id);
      return r ? { ...r } : null;
    },
    async listRegions(parent) {
      check();
      return [...regions.values()].filter((r) => r.parent === parent).sort((a, b) => a.id.localeCompare(b.id)).map((r) => ({ ...r }));
    },
    async recordToken(token): Promise<void> {
      check();
      if (tokens.has(token.id)) throw new StoreConflictError(`token ${token.id} exists`);
      tokens.set(token.id, { ...token });
    },
    async getToken(id) {
      check();
      const t = tokens.get(id);
      return t ? { ...t } : null;
    },
    async listTokens(community) {
      check();
      return [...tokens.values()].filter((t) => t.community === community).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    },
    async revokeToken(id, at): Promise<boolean> {
      check();
      const t = tokens.get(id);
      if (!t) return false;
      if (t.revokedAt === null) {
        tokens.set(id, { ...t, revokedAt: at });
        revocationSeq += 1;
        revocations.push({ seq: revocationSeq, tokenId: id });
      }
      return true;
    },
    async revocationsSince(cursor): Promise<RevocationsSince> {
      check();
      const newer = revocations.filter((r) => r.seq > cursor);
      const last = newer.at(-1);
      return { cursor: last ? last.seq : cursor, tokenIds: newer.map((r) => r.tokenId) };
    },
    async createInvite(invite): Promise<void> {
      check();
      if (invites.has(invite.codeHash)) throw new StoreConflictError('invite exists');
      invites.set(invite.codeHash, { ...invite });
    },
    async redeemInvite(codeHash, now) {
      check();
      const invite = invites.get(codeHash);
      if (!invite) return { ok: false, reason: 'unknown' };
      if (invite.usedAt !== null) return { ok: false, reason: 'used' };
      if (invite.expiresAt <= now) return { ok: false, reason: 'expired' };
      const used = { ...invite, usedAt: now };
      invites.set(codeHash, used);
      return { ok: true, invite: { ...used } };
    },
    async issueSetupCode(codeHash, at) {
      check();
      for (const [hash, issued] of setupCodes) if (issued <= at - SETUP_CODE_TTL_MS) setupCodes.delete(hash);
      setupCodes.set(codeHash, at);
    },
    async consumeSetupCode(codeHash, now) {
      check();
      const issued = setupCodes.get(codeHash);
      if (issued === undefined || issued <= now - SETUP_CODE_TTL_MS) return false;
      setupCodes.clear();
      return true;
    },
    async durable() {
      check();
    },
    writeState() {
      return { writable: true, reason: null, failures: 0 };
    },
    async ping() {
      return !closed;
    },
    async close() {
      closed = true;
    },
  };
}
