import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommunityId } from '@lianxin/protocol';
import { SETUP_CODE_TTL_MS, StoreConflictError, type Directory, type InviteRecord, type TokenRecord } from './Directory';

/** The contract every directory passes. `makeDirectory` returns a fresh, empty one. */
export function runDirectoryContractTests(name: string, makeDirectory: () => Promise<Directory> | Directory): void {
  describe(`Directory contract: ${name}`, () => {
    let store: Directory;
    beforeEach(async () => {
      store = await makeDirectory();
    });
    afterEach(async () => {
      await store.close();
    });

    const cid = (id: string) => id as CommunityId;
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

    describe('setup codes', () => {
      it('consumes a code once, and the first consumed ends every code issued', async () => {
        expect(await store.consumeSetupCode('h1', 1000)).toBe(false);
        await store.issueSetupCode('h1', 1000);
        await store.issueSetupCode('h2', 1001);
        expect(await store.consumeSetupCode('wrong', 1002)).toBe(false);
        expect(await store.consumeSetupCode('h2', 1002)).toBe(true);
        expect(await store.consumeSetupCode('h2', 1003)).toBe(false);
        expect(await store.consumeSetupCode('h1', 1003)).toBe(false);
        await store.issueSetupCode('h2', 1004);
        expect(await store.consumeSetupCode('h2', 1005)).toBe(true);
      });
      it('lets only one of two simultaneous consumptions succeed', async () => {
        await store.issueSetupCode('h1', 1000);
        const results = await Promise.all([store.consumeSetupCode('h1', 1001), store.consumeSetupCode('h1', 1001)]);
        expect(results.filter(Boolean)).toHaveLength(1);
      });
      it('refuses a code older than its lifetime', async () => {
        await store.issueSetupCode('h1', 1000);
        expect(await store.consumeSetupCode('h1', 1000 + SETUP_CODE_TTL_MS)).toBe(false);
        expect(await store.consumeSetupCode('h1', 1000 + SETUP_CODE_TTL_MS - 1)).toBe(true);
      });
    });

    it('answers ping while open, refuses work once closed', async () => {
      expect(await store.ping()).toBe(true);
      await store.close();
      expect(await store.ping()).toBe(false);
      await expect(store.getCommunity('c1')).rejects.toThrow();
    });
  });
}
