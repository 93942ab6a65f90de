import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommunityId } from '@lianxin/protocol';
import { StoreConflictError, type InviteRecord, type Store, type TokenRecord } from './Store';

/**
 * The one contract every Store implementation passes (like automerge-repo's
 * runStorageAdapterTests). `makeStore` returns a fresh, empty store.
 */
export function runStoreContractTests(name: string, makeStore: () => Promise<Store> | Store): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    const cid = (id: string) => id as CommunityId;
    const bytes = (...b: number[]) => new Uint8Array(b);
    const token = (over: Partial<TokenRecord> = {}): TokenRecord => ({
      id: 't1',
      community: cid('c1'),
      person: 'p1',
      name: '王芳',
      role: 'member',
      createdAt: 1000,
      expiresAt: 9_000_000,
      revokedAt: null,
      ...over,
    });
    const invite = (over: Partial<InviteRecord> = {}): InviteRecord => ({
      codeHash: 'h1',
      community: cid('c1'),
      role: 'committee',
      name: null,
      person: null,
      createdBy: 't0',
      createdAt: 1000,
      expiresAt: 5000,
      usedAt: null,
      ...over,
    });

    describe('documents', () => {
      it('an unknown document is empty', async () => {
        expect(await store.loadDocument('c1/roster')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
      });

      it('appends updates in order with author and time, seqs increasing', async () => {
        const seqs = await store.appendUpdates([
          { doc: 'c1/roster', update: bytes(1, 2), author: 'p1', time: 10 },
          { doc: 'c1/work', update: bytes(3), author: 'p2', time: 11 },
          { doc: 'c1/roster', update: bytes(4, 5, 6), author: 'p2', time: 12 },
        ]);
        expect(seqs).toHaveLength(3);
        expect(seqs[0]).toBeLessThan(seqs[1] as number);
        expect(seqs[1]).toBeLessThan(seqs[2] as number);
        const roster = await store.loadDocument('c1/roster');
        expect(roster.snapshot).toBeNull();
        expect(roster.updates.map((u) => [u.seq, [...u.update], u.author, u.time])).toEqual([
          [seqs[0], [1, 2], 'p1', 10],
          [seqs[2], [4, 5, 6], 'p2', 12],
        ]);
        expect(roster.lastSeq).toBe(seqs[2]);
        expect((await store.loadDocument('c1/work')).updates.map((u) => [...u.update])).toEqual([[3]]);
      });

      it('is writable when healthy, and durable() resolves for what was appended (reads unaffected)', async () => {
        expect(store.writeState()).toEqual({ writable: true, reason: null, failures: 0 });
        await store.appendUpdates([{ doc: 'c1/work', update: bytes(1), author: 'p', time: 1 }]);
        await store.durable();
        await store.durable();
        expect((await store.loadDocument('c1/work')).updates).toHaveLength(1);
      });

      it('keeps a copy: changing the caller’s bytes later changes nothing stored', async () => {
        const update = bytes(7, 8);
        await store.appendUpdates([{ doc: 'd', update, author: 'p', time: 1 }]);
        update[0] = 99;
        expect([...((await store.loadDocument('d')).updates[0]?.update ?? [])]).toEqual([7, 8]);
      });

      it('compaction replaces the log up to a seq with the snapshot and keeps later updates', async () => {
        const [a, b] = await store.appendUpdates([
          { doc: 'd', update: bytes(1), author: 'p', time: 1 },
          { doc: 'd', update: bytes(2), author: 'p', time: 2 },
        ]);
        await store.compact('d', bytes(9, 9), a as number);
        const [c] = await store.appendUpdates([{ doc: 'd', update: bytes(3), author: 'p', time: 3 }]);
        const loaded = await store.loadDocument('d');
        expect([...(loaded.snapshot ?? [])]).toEqual([9, 9]);
        expect(loaded.updates.map((u) => u.seq)).toEqual([b, c]);
        expect(loaded.lastSeq).toBe(c);
        await store.compact('d', bytes(7), c as number);
        const again = await store.loadDocument('d');
        expect([...(again.snapshot ?? [])]).toEqual([7]);
        expect(again.updates).toEqual([]);
        expect(again.lastSeq).toBe(c);
      });

      it('keeps seqs growing after compaction removed the newest rows', async () => {
        const [a] = await store.appendUpdates([{ doc: 'd', update: bytes(1), author: 'p', time: 1 }]);
        await store.compact('d', bytes(5), a as number);
        const [b] = await store.appendUpdates([{ doc: 'e', update: bytes(2), author: 'p', time: 2 }]);
        expect(b).toBeGreaterThan(a as number);
      });

      it('ignores a compaction older than the current snapshot', async () => {
        const [a, b] = await store.appendUpdates([
          { doc: 'd', update: bytes(1), author: 'p', time: 1 },
          { doc: 'd', update: bytes(2), author: 'p', time: 2 },
        ]);
        await store.compact('d', bytes(2, 2), b as number);
        await store.compact('d', bytes(1, 1), a as number);
        expect([...((await store.loadDocument('d')).snapshot ?? [])]).toEqual([2, 2]);
      });

      it('round-trips real Yjs updates: snapshot plus log rebuild the document', async () => {
        const doc = new Y.Doc();
        const updates: Uint8Array[] = [];
        doc.on('update', (u: Uint8Array) => updates.push(u));
        doc.getText('t').insert(0, 'hello');
        doc.getMap('m').set('k', 1);
        const seqs = await store.appendUpdates(updates.map((update, i) => ({ doc: 'c1/minutes/m1', update, author: 'p', time: i })));
        await store.compact('c1/minutes/m1', Y.encodeStateAsUpdate(doc), seqs[1] as number);
        doc.getText('t').insert(5, ' world');
        await store.appendUpdates([{ doc: 'c1/minutes/m1', update: updates.at(-1) as Uint8Array, author: 'p', time: 9 }]);
        const loaded = await store.loadDocument('c1/minutes/m1');
        const copy = new Y.Doc();
        if (loaded.snapshot) Y.applyUpdate(copy, loaded.snapshot);
        for (const u of loaded.updates) Y.applyUpdate(copy, u.update);
        expect(copy.getText('t').toString()).toBe('hello world');
        expect(copy.getMap('m').get('k')).toBe(1);
      });
    });

    describe('communities', () => {
      it('creates, reads and counts', async () => {
        expect(await store.countCommunities()).toBe(0);
        expect(await store.getCommunity('c1')).toBeNull();
        await store.createCommunity({ id: cid('c1'), name: '枫林社区', kind: 'urban', createdAt: 5, township: null });
        await store.createCommunity({ id: cid('v2'), name: '东山村', kind: 'village', createdAt: 6, township: null });
        expect(await store.getCommunity('c1')).toEqual({ id: 'c1', name: '枫林社区', kind: 'urban', createdAt: 5, township: null });
        expect(await store.countCommunities()).toBe(2);
      });
      it('refuses a duplicate id', async () => {
        await store.createCommunity({ id: cid('c1'), name: 'a', kind: 'urban', createdAt: 5, township: null });
        await expect(store.createCommunity({ id: cid('c1'), name: 'b', kind: 'village', createdAt: 6, township: null })).rejects.toBeInstanceOf(StoreConflictError);
        expect((await store.getCommunity('c1'))?.name).toBe('a');
      });
    });

    describe('regions', () => {
      const county = { id: 'jiangle', name: '将乐县', level: 'county', parent: null, createdAt: 1 } as const;
      const township = { id: 'gucheng', name: '古镛镇', level: 'township', parent: 'jiangle', createdAt: 2 } as const;
      it('creates, reads and lists a county’s townships', async () => {
        await store.createRegion(county);
        await store.createRegion(township);
        await store.createRegion({ ...township, id: 'baiyan', name: '白莲镇', createdAt: 3 });
        expect(await store.getRegion('gucheng')).toEqual(township);
        expect(await store.getRegion('nowhere')).toBeNull();
        expect((await store.listRegions('jiangle')).map((r) => r.id)).toEqual(['baiyan', 'gucheng']);
        expect(await store.listRegions('gucheng')).toEqual([]);
      });
      it('puts communities in a township and moves them', async () => {
        await store.createRegion(township);
        await store.createCommunity({ id: cid('c2'), name: '南山村', kind: 'village', createdAt: 5, township: 'gucheng' });
        await store.createCommunity({ id: cid('c1'), name: '枫林社区', kind: 'urban', createdAt: 6, township: null });
        expect((await store.listCommunities('gucheng')).map((c) => c.id)).toEqual(['c2']);
        expect(await store.setCommunityTownship('c1', 'gucheng')).toBe(true);
        expect((await store.listCommunities('gucheng')).map((c) => c.id)).toEqual(['c1', 'c2']);
        expect((await store.getCommunity('c1'))?.township).toBe('gucheng');
        expect(await store.setCommunityTownship('c2', null)).toBe(true);
        expect((await store.listCommunities('gucheng')).map((c) => c.id)).toEqual(['c1']);
        expect(await store.setCommunityTownship('nope', 'gucheng')).toBe(false);
      });
      it('shares one id space with communities: a taken id is a conflict either way', async () => {
        await store.createRegion(county);
        await expect(store.createCommunity({ id: cid('jiangle'), name: 'x', kind: 'urban', createdAt: 5, township: null })).rejects.toBeInstanceOf(StoreConflictError);
        await store.createCommunity({ id: cid('c1'), name: 'a', kind: 'urban', createdAt: 5, township: null });
        await expect(store.createRegion({ ...county, id: 'c1' })).rejects.toBeInstanceOf(StoreConflictError);
        await expect(store.createRegion(county)).rejects.toBeInstanceOf(StoreConflictError);
        expect(await store.getRegion('c1')).toBeNull();
      });
    });

    describe('tokens', () => {
      it('records, reads and lists by community', async () => {
        await store.recordToken(token());
        await store.recordToken(token({ id: 't2', role: 'secretary', createdAt: 2000 }));
        await store.recordToken(token({ id: 't3', community: cid('c2') }));
        expect(await store.getToken('t1')).toEqual(token());
        expect(await store.getToken('nope')).toBeNull();
        expect((await store.listTokens('c1')).map((t) => t.id)).toEqual(['t1', 't2']);
        await expect(store.recordToken(token())).rejects.toBeInstanceOf(StoreConflictError);
      });

      it('revokes once and reports revocations after a cursor', async () => {
        await store.recordToken(token());
        await store.recordToken(token({ id: 't2' }));
        const start = await store.revocationsSince(0);
        expect(start.tokenIds).toEqual([]);
        expect(await store.revokeToken('t1', 7000)).toBe(true);
        expect(await store.revokeToken('t1', 8000)).toBe(true);
        expect((await store.getToken('t1'))?.revokedAt).toBe(7000);
        expect(await store.revokeToken('unknown', 8000)).toBe(false);
        const first = await store.revocationsSince(start.cursor);
        expect(first.tokenIds).toEqual(['t1']);
        expect((await store.revocationsSince(first.cursor)).tokenIds).toEqual([]);
        await store.revokeToken('t2', 9000);
        const second = await store.revocationsSince(first.cursor);
        expect(second.tokenIds).toEqual(['t2']);
        expect(second.cursor).toBeGreaterThan(first.cursor);
      });
    });

    describe('invites', () => {
      it('redeems once', async () => {
        await store.createInvite(invite());
        const ok = await store.redeemInvite('h1', 2000);
        expect(ok).toEqual({ ok: true, invite: invite({ usedAt: 2000 }) });
        expect(await store.redeemInvite('h1', 2001)).toEqual({ ok: false, reason: 'used' });
      });
      it('refuses unknown and expired codes', async () => {
        await store.createInvite(invite({ codeHash: 'old', expiresAt: 1500 }));
        expect(await store.redeemInvite('old', 1500)).toEqual({ ok: false, reason: 'expired' });
        expect(await store.redeemInvite('missing', 1000)).toEqual({ ok: false, reason: 'unknown' });
      });
      it('lets only one of two simultaneous redemptions succeed', async () => {
        await store.createInvite(invite());
        const results = await Promise.all([store.redeemInvite('h1', 2000), store.redeemInvite('h1', 2000)]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
      });
      it('refuses a duplicate code', async () => {
        await store.createInvite(invite());
        await expect(store.createInvite(invite())).rejects.toBeInstanceOf(StoreConflictError);
      });
    });

    it('answers ping while open, refuses work once closed', async () => {
      expect(await store.ping()).toBe(true);
      await store.close();
      expect(await store.ping()).toBe(false);
      await expect(store.appendUpdates([{ doc: 'd', update: bytes(1), author: 'p', time: 1 }])).rejects.toThrow();
      await expect(store.getCommunity('c1')).rejects.toThrow();
    });
  });
}
