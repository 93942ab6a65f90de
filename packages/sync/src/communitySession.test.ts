import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import WebSocket from 'ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCommunitySession, type CommunitySession, type CommunitySessionOptions } from './communitySession';
import { deleteCommunityDatabase } from './communityDatabase';
import { communityDatabaseName } from './databaseNames';
import { unsignedToken } from './testing/unsignedToken';

const sessions: CommunitySession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.destroy()));
});

/** A session that stays on this device (no relay): what it loads and counts locally. */
function local(factory: IDBFactory, token: string, extra: Partial<CommunitySessionOptions> = {}): CommunitySession {
  const s = openCommunitySession({
    relayUrl: 'http://127.0.0.1:9',
    token,
    indexedDB: factory,
    IDBKeyRange,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect: false,
    ...extra,
  });
  sessions.push(s);
  return s;
}

describe('openCommunitySession (local only)', () => {
  it('opens exactly the documents the role may read', async () => {
    const factory = new IDBFactory();
    const secretary = local(factory, unsignedToken({ role: 'secretary', sub: 'p1' }));
    const member = local(factory, unsignedToken({ role: 'member', sub: 'p2' }));
    await Promise.all([secretary.whenLoaded, member.whenLoaded]);
    expect(Object.entries(secretary.docs).filter(([, d]) => d).map(([k]) => k)).toEqual(['roster', 'care', 'work', 'meetings', 'public', 'escalations', 'summary']);
    expect(Object.entries(member.docs).filter(([, d]) => d).map(([k]) => k)).toEqual(['roster', 'work', 'meetings', 'public', 'escalations', 'summary']);
    expect(member.docs.care).toBeNull();
    expect(member.handle('care')).toBeNull();
    expect(member.handle('roster')?.access).toBe('read');
    expect(member.handle('work')?.access).toBe('write');
    expect(Object.keys(member.getStatus().docs)).toEqual(['roster', 'work', 'meetings', 'public']);
    expect(member.getStatus()).toMatchObject({ type: 'offline', reason: 'stopped', pending: 0 });
  });

  it("opens the documents facing the township (escalations, summary) only when asked: the committee's to write, a member's to read", async () => {
    const factory = new IDBFactory();
    const committee = local(factory, unsignedToken({ role: 'committee', sub: 'p1' }));
    const member = local(factory, unsignedToken({ role: 'member', sub: 'p2' }));
    await Promise.all([committee.whenLoaded, member.whenLoaded]);
    expect([committee.isOpen('escalations'), committee.isOpen('summary'), member.isOpen('escalations')]).toEqual([false, false, false]);
    expect(Object.keys(committee.getStatus().docs)).not.toContain('escalations');
    committee.ensureOpen(['escalations', 'summary']);
    member.ensureOpen(['escalations']);
    await Promise.all([committee.handle('escalations')!.whenContentLoaded, member.handle('escalations')!.whenContentLoaded]);
    expect([committee.isOpen('escalations'), committee.isOpen('summary'), member.isOpen('escalations'), member.isOpen('summary')]).toEqual([true, true, true, false]);
    expect([committee.handle('escalations')!.access, committee.handle('summary')!.access, member.handle('escalations')!.access]).toEqual(['write', 'write', 'read']);
    expect(Object.keys(committee.getStatus().docs)).toEqual(expect.arrayContaining(['escalations', 'summary']));
  });

  it('loads the documents asked for first, then the others', async () => {
    const factory = new IDBFactory();
    const token = unsignedToken({ role: 'committee' });
    const seed = local(factory, token);
    await seed.whenLoaded;
    for (let i = 0; i < 50; i++) seed.docs.roster!.getMap('households').set(`h${i}`, i);
    await seed.destroy();

    const s = local(factory, token, { loadFirst: ['work'] });
    const order: string[] = [];
    for (const kind of ['roster', 'care', 'work', 'meetings', 'public'] as const) void s.handle(kind)!.whenLoaded.then(() => order.push(kind));
    await s.whenLoaded;
    expect(order[0]).toBe('work');
    expect(order).toHaveLength(5);
    expect(Object.keys(s.docs)).toEqual(['roster', 'care', 'work', 'meetings', 'public', 'escalations', 'summary']);
    expect(s.docs.roster!.getMap('households').size).toBe(50);
  });

  it('opens only the documents asked for; the others on ensureOpen, outside the status until then', async () => {
    const factory = new IDBFactory();
    const token = unsignedToken({ role: 'member' });
    const seed = local(factory, token);
    await seed.whenLoaded;
    // Kept on this device but not pending (a member's edit of a read-only document is refused).
    seed.docs.meetings!.getArray('meetings').push(['m1']);
    await seed.destroy();

    const opened: string[] = [];
    const s = local(factory, token, { open: ['roster', 'care'], onOpen: (kind) => opened.push(kind) });
    await s.whenLoaded;
    expect(opened).toEqual(['roster']);
    expect(s.isOpen('roster')).toBe(true);
    expect(s.isOpen('work')).toBe(false);
    // Not loaded: the stored visit is not in the document, and the status does not wait for it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(s.docs.meetings!.getArray('meetings').length).toBe(0);
    expect(Object.keys(s.getStatus().docs)).toEqual(['roster']);
    expect(s.handle('meetings')!.unsentUpdate()).toBeNull();

    s.ensureOpen(['meetings', 'care', 'roster']);
    s.ensureOpen(['meetings']);
    expect(opened).toEqual(['roster', 'meetings']);
    await s.handle('meetings')!.whenLoaded;
    expect(s.docs.meetings!.getArray('meetings').toJSON()).toEqual(['m1']);
    expect(Object.keys(s.getStatus().docs)).toEqual(['roster', 'meetings']);
    expect(s.isOpen('work')).toBe(false);
    expect(s.isOpen('care')).toBe(false);
  });

  it('opens a document not asked for when it holds changes the relay has not confirmed', async () => {
    const factory = new IDBFactory();
    const token = unsignedToken({ role: 'committee' });
    const seed = local(factory, token);
    await seed.whenLoaded;
    seed.docs.meetings!.getArray('meetings').push(['m1']);
    await seed.destroy();

    const opened: string[] = [];
    const s = local(factory, token, { open: ['roster'], onOpen: (kind) => opened.push(kind) });
    await vi.waitFor(() => expect(opened).toEqual(['roster', 'meetings']));
    await s.handle('meetings')!.whenLoaded;
    expect(s.getStatus().pending).toBe(1);
    expect(s.handle('meetings')!.unsentUpdate()).not.toBeNull();
    expect(s.isOpen('work')).toBe(false);
  });

  it('closes cleanly with documents it never opened', async () => {
    const factory = new IDBFactory();
    const s = local(factory, unsignedToken({ role: 'committee' }), { open: ['roster'] });
    await s.whenLoaded;
    await s.destroy();
    // Deleted once closed (a revoked device): nothing of the session opens it again.
    await deleteCommunityDatabase('c1', 'p1', { indexedDB: factory, IDBKeyRange });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await factory.databases()).map((d) => d.name)).not.toContain(communityDatabaseName('c1', 'p1'));
    const again = local(factory, unsignedToken({ role: 'committee' }));
    await again.whenLoaded;
    expect(again.getStatus().pending).toBe(0);
  });

  it('keeps edits and their pending count across sessions (a reload)', async () => {
    const factory = new IDBFactory();
    const token = unsignedToken({ role: 'committee' });
    const first = local(factory, token);
    await first.whenLoaded;
    first.docs.roster?.getMap('households').set('h1', { address: '3-2-501' });
    first.docs.roster?.getMap('households').set('h2', { address: '3-2-502' });
    first.docs.work?.getArray('concerns').push(['漏水']);
    expect(first.getStatus()).toMatchObject({ pending: 3, refused: 0 });
    expect(first.getStatus().docs.roster?.pending).toBe(2);
    await first.destroy();

    const second = local(factory, token);
    await second.whenLoaded;
    expect(second.docs.roster?.getMap('households').toJSON()).toEqual({ h1: { address: '3-2-501' }, h2: { address: '3-2-502' } });
    expect(second.docs.work?.getArray('concerns').toJSON()).toEqual(['漏水']);
    expect(second.getStatus()).toMatchObject({ pending: 3 });
    await second.destroy();

    // counted once, not once per run
    const third = local(factory, token);
    await third.whenLoaded;
    expect(third.getStatus().pending).toBe(3);
  });

  it('stores each change\'s count no later than the change itself (a reload at any moment keeps it)', async () => {
    const factory = new IDBFactory();
    const s = local(factory, unsignedToken({ role: 'committee' }));
    await s.whenLoaded;
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = factory.open(communityDatabaseName('c1', 'p1'));
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const households = s.docs.roster!.getMap('households');
    for (let i = 0; i < 3; i++) households.set(`h${i}`, i);
    // Created right after the changes: IndexedDB runs it after every write issued before it,
    // which is what a page reloaded now would find.
    const tx = raw.transaction(['$docs.content_updates', 'pending'], 'readonly');
    const read = <T,>(request: IDBRequest<T>) => new Promise<T>((resolve) => (request.onsuccess = () => resolve(request.result)));
    const [updates, pending] = await Promise.all([read(tx.objectStore('$docs.content_updates').getAll()), read(tx.objectStore('pending').getAll())]);
    raw.close();
    const rosterUpdates = (updates as { k: string; i: number }[]).filter((u) => u.k === 'roster' && u.i > 0);
    expect(rosterUpdates).toHaveLength(3);
    expect((pending as { doc: string; count: number }[]).filter((p) => p.doc === 'roster').map((p) => p.count)).toEqual([3]);
  });

  it('compacts a long stored history after loading, keeping content and pending count', async () => {
    const factory = new IDBFactory();
    const token = unsignedToken({ role: 'committee' });
    const first = local(factory, token);
    await first.whenLoaded;
    const households = first.docs.roster!.getMap('households');
    for (let i = 0; i < 600; i++) households.set(`h${i}`, i);
    await first.destroy();
    const rosterRows = async () => {
      const raw = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = factory.open(communityDatabaseName('c1', 'p1'));
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const all = await new Promise<{ k: string; i: number }[]>((resolve) => {
        const req = raw.transaction('$docs.content_updates', 'readonly').objectStore('$docs.content_updates').getAll();
        req.onsuccess = () => resolve(req.result as { k: string; i: number }[]);
      });
      raw.close();
      return all.filter((u) => u.k === 'roster' && u.i > 0).length;
    };
    expect(await rosterRows()).toBe(600);

    const second = local(factory, token);
    await second.whenLoaded;
    await vi.waitFor(async () => expect(await rosterRows()).toBe(1), { timeout: 5_000, interval: 50 });
    expect(second.getStatus().pending).toBe(600);
    await second.destroy();

    const third = local(factory, token);
    await third.whenLoaded;
    expect(third.docs.roster!.getMap('households').size).toBe(600);
    expect(third.getStatus().pending).toBe(600);
  });

  it('counts local edits of a read-only document as refused, not pending', async () => {
    const s = local(new IDBFactory(), unsignedToken({ role: 'member' }));
    await s.whenLoaded;
    s.docs.roster?.getMap('households').set('h1', 'mine');
    s.docs.work?.getMap('visits').set('v1', 'ok');
    expect(s.getStatus()).toMatchObject({ pending: 1, refused: 1 });
    expect(s.getStatus().docs.roster).toMatchObject({ pending: 0, refused: 1 });
  });

  it('an expired token still opens the local copy, offline with reason expired', async () => {
    const factory = new IDBFactory();
    const first = local(factory, unsignedToken({ exp: Math.floor(Date.now() / 1000) + 60 }));
    await first.whenLoaded;
    first.docs.meetings?.getMap('m').set('a', 1);
    await first.destroy();
    const now = () => Date.now() + 120_000;
    const expired = local(factory, unsignedToken({ exp: Math.floor(Date.now() / 1000) + 60 }), { connect: true, now });
    await expired.whenLoaded;
    expect(expired.docs.meetings?.getMap('m').get('a')).toBe(1);
    expect(expired.getStatus()).toMatchObject({ type: 'offline', reason: 'expired' });
    await expect(expired.whenSynced()).resolves.toMatchObject({ reason: 'expired' });
  });

  it('opens minutes on demand, shared and reference-counted', async () => {
    const factory = new IDBFactory();
    const s = local(factory, unsignedToken());
    const a = s.openMinutes('m-1');
    const b = s.openMinutes('m-1');
    expect(b.doc).toBe(a.doc);
    await a.synced.whenLoaded;
    a.doc.getText('body').insert(0, '会议记录');
    expect(Object.keys(s.getStatus().docs)).toContain('minutes/m-1');
    a.release();
    a.release(); // idempotent
    expect(s.getStatus().docs['minutes/m-1']).toBeDefined();
    b.release();
    expect(s.getStatus().docs['minutes/m-1']).toBeUndefined();
    const c = s.openMinutes('m-1');
    expect(c.doc).not.toBe(a.doc);
    await c.synced.whenLoaded;
    expect(c.doc.getText('body').toString()).toBe('会议记录');
    expect(c.synced.access).toBe('write');
    expect(() => s.openMinutes('../x')).toThrow(/meeting id/);
    c.release();
    await s.destroy();
    expect(() => s.openMinutes('m-2')).toThrow(/closed/);
  });

  it('whenSynced resolves when the session is destroyed instead of hanging', async () => {
    const s = local(new IDBFactory(), unsignedToken(), { connect: true });
    const waiting = s.whenSynced();
    await s.destroy();
    await expect(waiting).resolves.toMatchObject({ type: 'offline', reason: 'stopped' });
    await expect(s.whenSynced()).resolves.toMatchObject({ type: 'offline' });
  });

  it('deletes local copies of documents the role may no longer read', async () => {
    const factory = new IDBFactory();
    const committee = local(factory, unsignedToken({ role: 'committee', sub: 'p1' }));
    await committee.whenLoaded;
    committee.docs.care?.getMap('notes').set('h1', '低保');
    await committee.destroy();
    const member = local(factory, unsignedToken({ role: 'member', sub: 'p1' }));
    await member.whenLoaded;
    await member.destroy();
    const committeeAgain = local(factory, unsignedToken({ role: 'committee', sub: 'p1' }));
    await committeeAgain.whenLoaded;
    expect(committeeAgain.docs.care?.getMap('notes').toJSON()).toEqual({});
  });

  it.each([
    ['an unreadable token', { token: 'nope' }, /not a readable Lianxin token/],
    ['a bad relay URL', { relayUrl: 'mailto:x' }, /relayUrl/],
    ['no WebSocket', { WebSocketPolyfill: undefined }, /WebSocket/],
    ['no IndexedDB', { indexedDB: undefined }, /IndexedDB/],
  ])('throws at once for %s', (_what, override, message) => {
    // Node 22 has a global WebSocket, Node 20 not: make "no WebSocket" mean the same on both.
    vi.stubGlobal('WebSocket', undefined);
    const options: CommunitySessionOptions = {
      relayUrl: 'http://127.0.0.1:9',
      token: unsignedToken(),
      indexedDB: new IDBFactory(),
      IDBKeyRange,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      ...override,
    };
    expect(() => openCommunitySession(options)).toThrow(message);
    vi.unstubAllGlobals();
  });
});
