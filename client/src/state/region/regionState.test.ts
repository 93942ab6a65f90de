// The region hooks' logic on a real region session kept on this device (fake-indexeddb, no relay):
// the desk's one list over every community's escalations, kept fresh as documents change, and a
// township meeting that links the cases it discussed.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseSchema, readEscalations, readRegion, type ConcernId, type EscalationsView } from '@lianxin/model';
import { openRegionDatabase, openRegionSession, type RegionSession } from '@lianxin/sync';
import type * as Y from 'yjs';
import { communityDocsStore } from './communityDocsStore';
import { deskCasesOf } from './deskCases';
import { recordMeeting } from './recordMeeting';

const sessions: RegionSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.destroy()));
});

function token(role: 'township' | 'county'): string {
  const claims = { v: 1, cid: 'gy-town', sub: 'p1', name: '李干部', role, exp: Math.floor(Date.now() / 1000) + 3600, jti: 't1' };
  return `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.unsigned`;
}

const DIRECTORY = {
  region: { id: 'gy-town', name: '古镛镇', level: 'township', parent: null },
  townships: [],
  communities: [
    { id: 'sh-comm', name: '三华社区', kind: 'urban', township: 'gy-town' },
    { id: 'sn-vill', name: '水南村', kind: 'village', township: 'gy-town' },
  ],
};

/** A township session on a device that synced once before (the directory kept), now with no relay. */
async function offlineTownship(): Promise<RegionSession> {
  const factory = new IDBFactory();
  const db = openRegionDatabase('gy-town', 'p1', { indexedDB: factory, IDBKeyRange });
  await db.meta.put({ key: 'directory', value: DIRECTORY });
  db.close();
  const s = openRegionSession({ relayUrl: 'http://127.0.0.1:9', token: token('township'), indexedDB: factory, IDBKeyRange, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, connect: false, networkEvents: null });
  sessions.push(s);
  await s.whenLoaded;
  return s;
}

const readView = (doc: Y.Doc): EscalationsView => readEscalations(doc).view;
const seedCase = (doc: Y.Doc, id: string, title: string, escalatedAt: number) =>
  doc.getMap('cases').set(id, CaseSchema.parse({ title, reportedAt: escalatedAt - 1000, escalatedAt, escalatedBy: '张书记' }));

describe('region state', () => {
  it("lists every community's cases as one desk, newest first, and follows changes with a new list only when something changed", async () => {
    const s = await offlineTownship();
    const store = communityDocsStore(s, 'escalations', readView);
    expect(communityDocsStore(s, 'escalations', readView)).toBe(store);
    let notified = 0;
    const unsubscribe = store.subscribe(() => (notified += 1));
    seedCase(s.communityDoc('sh-comm', 'escalations')!, 'caseA', '小区积水', 1_000);
    seedCase(s.communityDoc('sn-vill', 'escalations')!, 'caseB', '路灯不亮', 2_000);
    await Promise.resolve();
    expect(notified).toBeGreaterThan(0);
    const first = deskCasesOf(store.getSnapshot());
    expect(first.map((c) => [c.communityName, c.case.title])).toEqual([
      ['水南村', '路灯不亮'],
      ['三华社区', '小区积水'],
    ]);
    expect(deskCasesOf(store.getSnapshot())).toBe(first);
    seedCase(s.communityDoc('sh-comm', 'escalations')!, 'caseC', '噪音扰民', 3_000);
    const second = deskCasesOf(store.getSnapshot());
    expect(second).not.toBe(first);
    expect(second.map((c) => c.case.id)).toEqual(['caseC', 'caseB', 'caseA']);
    unsubscribe();
  });

  it("opens the desk from this device: the kept directory, each community's escalations, never its summary until asked", async () => {
    const s = await offlineTownship();
    expect(s.getDirectory()?.communities).toHaveLength(2);
    expect(Object.keys(s.getStatus().docs).sort()).toEqual(['gy-town/region', 'sh-comm/escalations', 'sn-vill/escalations']);
    expect(s.openCommunityDoc('elsewhere', 'escalations')).toBeNull();
  });

  it('records a meeting in the region document and marks each case discussed, linking back to it', async () => {
    const s = await offlineTownship();
    const a = s.communityDoc('sh-comm', 'escalations')!;
    seedCase(a, 'caseA', '小区积水', 1_000);
    const result = recordMeeting(s, { kind: 'consultation', title: '三月问题会诊会', date: '2024-03-15', concerns: [{ communityId: 'sh-comm', caseId: 'caseA', title: '小区积水' }], decisions: '交城建办牵头' }, { actor: 'p1', name: '李干部' });
    expect(result.type).toBe('done');
    const meetingId = result.type === 'done' ? result.value : '';
    expect(readRegion(s.region).view.meetings.get(meetingId)).toMatchObject({ title: '三月问题会诊会', decisions: '交城建办牵头', by: '李干部' });
    expect(readEscalations(a).view.cases.get('caseA' as ConcernId)!.meetings).toEqual([meetingId]);
    // Bad input changes nothing.
    expect(recordMeeting(s, { kind: 'consultation', title: '', date: 'soon', concerns: [], decisions: '' }, { actor: 'p1', name: '李干部' }).type).toBe('rejected');
    expect(readRegion(s.region).view.meetings.size).toBe(1);
  });
});
