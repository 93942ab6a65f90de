import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { accountsStore } from './accountsStore';

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const token = (cid: string, name: string, role = 'member') => `${b64(JSON.stringify({ v: 1, cid, sub: `p-${cid}`, name, role, exp: 4_102_444_800, jti: `t-${cid}` }))}.${b64('sig')}`;

async function settled(): Promise<void> {
  for (let i = 0; i < 50 && !accountsStore.getSnapshot().ready; i++) await new Promise((r) => setTimeout(r, 10));
}

describe('accountsStore', () => {
  it('keeps one token per community in IndexedDB, the last one joined first, and forgets on request', async () => {
    const unsubscribe = accountsStore.subscribe(() => undefined);
    await settled();
    expect(accountsStore.getSnapshot().accounts).toEqual([]);

    const first = await accountsStore.put({ token: token('liucun', '王党员'), communityName: '刘村社区', kind: 'urban' });
    expect(first).toMatchObject({ communityId: 'liucun', communityName: '刘村社区', name: '王党员', role: 'member', personId: 'p-liucun' });
    await accountsStore.put({ token: token('gebu', '李委员', 'committee'), communityName: '各布村', kind: 'village' });
    const snap = accountsStore.getSnapshot();
    expect(snap.accounts.map((a) => a.communityId).sort()).toEqual(['gebu', 'liucun']);
    expect(snap.lastUsed).toBe('gebu');
    // same snapshot object until something changes (useSyncExternalStore)
    expect(accountsStore.getSnapshot()).toBe(snap);

    await accountsStore.markOpened('liucun');
    expect(accountsStore.getSnapshot().lastUsed).toBe('liucun');

    // joining again replaces that community's token
    await accountsStore.put({ token: token('liucun', '王党员', 'committee'), communityName: '刘村社区', kind: 'urban' });
    expect(accountsStore.getSnapshot().accounts.filter((a) => a.communityId === 'liucun').map((a) => a.role)).toEqual(['committee']);

    await accountsStore.remove('gebu');
    expect(accountsStore.getSnapshot().accounts.map((a) => a.communityId)).toEqual(['liucun']);
    unsubscribe();
  });

  it('refuses a token that is not a Lianxin token and saves nothing', async () => {
    const before = accountsStore.getSnapshot().accounts.length;
    await expect(accountsStore.put({ token: 'not-a-token', communityName: 'x', kind: 'urban' })).rejects.toThrow();
    expect(accountsStore.getSnapshot().accounts.length).toBe(before);
  });
});
