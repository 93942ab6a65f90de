import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { openCommunitySession, type CommunitySession, type CommunitySessionOptions } from '@lianxin/sync';
import { daysBetween, myHouseholdsKey, parseMyHouseholdsView, type MyHouseholdsView } from './myHouseholdsView';

const VIEW: MyHouseholdsView = {
  memberId: 'm1',
  memberName: '王党员',
  chosenId: null,
  personName: '王党员',
  intervalDays: 30,
  timeZone: 'Asia/Shanghai',
  rows: [
    { id: 'h1', label: '58号楼3单元301', head: '张大爷', phone: '13900001000', since: '2026-01-02', lastVisit: '2026-01-02', openMustVisits: [{ id: 'mv1', reason: 'hardship' }] },
    { id: 'h2', label: '58号楼3单元401', head: '李阿姨', phone: null, since: '2025-12-01', lastVisit: null, openMustVisits: [] },
  ],
};
const ME = { chosenId: null, personName: '王党员' };

describe('parseMyHouseholdsView', () => {
  it('takes a view made for this person as the device knows them', () => {
    expect(parseMyHouseholdsView(structuredClone(VIEW), ME)).toEqual(VIEW);
  });

  it('ignores a view made for someone else: another chosen member, another name', () => {
    expect(parseMyHouseholdsView(VIEW, { chosenId: 'm2', personName: '王党员' })).toBeNull();
    expect(parseMyHouseholdsView(VIEW, { chosenId: null, personName: '李委员' })).toBeNull();
  });

  it('ignores what is not one (any tab of the origin may have written it)', () => {
    const row = VIEW.rows[0]!;
    for (const bad of [
      null,
      'view',
      { ...VIEW, rows: 'h1' },
      { ...VIEW, intervalDays: 0 },
      { ...VIEW, rows: [{ ...row, since: 'yesterday' }] },
      { ...VIEW, rows: [{ ...row, openMustVisits: [{ id: 'mv1', reason: 'routine' }] }] },
      { ...VIEW, rows: [{ ...row, head: 'x'.repeat(201) }] },
    ])
      expect(parseMyHouseholdsView(bad, ME)).toBeNull();
  });

  it('counts days from the kept date to today, so yesterday\'s view is right today', () => {
    expect(daysBetween('2026-01-02', '2026-02-01')).toBe(30);
  });
});

const token = (claims: Record<string, unknown>) =>
  `${Buffer.from(JSON.stringify({ v: 1, cid: 'c1', sub: 'p2', name: '王党员', role: 'member', exp: Math.floor(Date.now() / 1000) + 3600, jti: 't1', ...claims })).toString('base64url')}.unsigned`;

const sessions: CommunitySession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.destroy()));
});

function local(factory: IDBFactory, extra: Partial<CommunitySessionOptions> = {}): CommunitySession {
  const s = openCommunitySession({ relayUrl: 'http://127.0.0.1:9', token: token({}), indexedDB: factory, IDBKeyRange, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, connect: false, ...extra });
  sessions.push(s);
  return s;
}

describe('the my-households projection beside the work document', () => {
  const key = myHouseholdsKey('zh-CN');

  it('is read back before the work document is opened (the page shows it while nothing loads)', async () => {
    const factory = new IDBFactory();
    const first = local(factory);
    await first.whenLoaded;
    first.docs.work!.getArray('visits').push(['v1']);
    expect(await first.handle('work')!.store.writeView(key, VIEW)).toBe(true);
    await first.destroy();

    const cold = local(factory, { open: [] });
    const kept = await cold.handle('work')!.store.readView(key);
    expect(cold.isOpen('work')).toBe(false);
    expect(cold.docs.work!.getArray('visits').length).toBe(0);
    expect(parseMyHouseholdsView(kept?.value, ME)).toEqual(VIEW);
  });

  it('made from an older state of the documents: used as the starting state only, then replaced by the live view', async () => {
    const factory = new IDBFactory();
    const first = local(factory);
    await first.whenLoaded;
    await first.handle('work')!.store.writeView(key, VIEW);
    await first.destroy();
    // Another run records a visit and closes before the page kept a new projection.
    const other = local(factory);
    await other.whenLoaded;
    other.docs.work!.getArray('visits').push(['v2']);
    await other.destroy();

    const cold = local(factory, { open: [] });
    const work = cold.handle('work')!;
    const kept = await work.store.readView(key);
    expect(parseMyHouseholdsView(kept?.value, ME)).toEqual(VIEW);
    cold.ensureOpen(['work']);
    await work.whenLoaded;
    // Stale: the documents moved on since it was made.
    expect(Buffer.from(kept!.stateVector).equals(Buffer.from(Y.encodeStateVector(work.doc)))).toBe(false);
    const liveView: MyHouseholdsView = { ...VIEW, rows: [{ ...VIEW.rows[0]!, lastVisit: '2026-02-01', since: '2026-02-01' }, VIEW.rows[1]!] };
    expect(await work.store.writeView(key, liveView)).toBe(true);
    // The same live view again: not rewritten.
    expect(await work.store.writeView(key, liveView)).toBe(false);
    const now = await work.store.readView(key);
    expect(parseMyHouseholdsView(now?.value, ME)).toEqual(liveView);
    expect(Buffer.from(now!.stateVector).equals(Buffer.from(Y.encodeStateVector(work.doc)))).toBe(true);
  });
});
