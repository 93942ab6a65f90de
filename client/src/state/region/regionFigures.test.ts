// The table's and the stars' data paths on a real region session kept on this device
// (fake-indexeddb, no relay): a township's summaries open only while asked for and feed the
// table; several region documents read as one store that changes only when one of them does.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { rateBranch, readSummary, writeSummary, type Summary } from '@lianxin/model';
import { openRegionDatabase, openRegionSession, type RegionSession } from '@lianxin/sync';
import { communityDocsStore } from './communityDocsStore';
import { countyTable } from './countyTable';
import { regionDocsStore } from './regionDocsStore';
import { summaryOf } from './tierFixtures';
import { readView } from './useRegionRecords';

const sessions: RegionSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.destroy()));
});

const DIRECTORY = {
  region: { id: 'gy-town', name: '古镛镇', level: 'township', parent: 'jl-county' },
  townships: [],
  communities: [
    { id: 'sh-comm', name: '三华社区', kind: 'urban', township: 'gy-town' },
    { id: 'sn-vill', name: '水南村', kind: 'village', township: 'gy-town' },
  ],
};

async function offlineTownship(): Promise<RegionSession> {
  const factory = new IDBFactory();
  const db = openRegionDatabase('gy-town', 'p1', { indexedDB: factory, IDBKeyRange });
  await db.meta.put({ key: 'directory', value: DIRECTORY });
  db.close();
  const claims = { v: 1, cid: 'gy-town', sub: 'p1', name: '李干部', role: 'township', exp: Math.floor(Date.now() / 1000) + 3600, jti: 't1' };
  const token = `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.unsigned`;
  const s = openRegionSession({ relayUrl: 'http://127.0.0.1:9', token, indexedDB: factory, IDBKeyRange, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, connect: false, networkEvents: null });
  sessions.push(s);
  await s.whenLoaded;
  return s;
}

const readSummaryOnly = (doc: Y.Doc): Summary | null => readSummary(doc).summary;

describe('region figures', () => {
  it("a township's table reads summaries opened only while asked for; one not yet published shows as not reporting", async () => {
    const s = await offlineTownship();
    const store = communityDocsStore(s, 'summary', readSummaryOnly);
    expect(store.getSnapshot()).toEqual([]);
    const handles = ['sh-comm', 'sn-vill'].map((id) => s.openCommunityDoc(id, 'summary')!);
    writeSummary(handles[0]!.doc, summaryOf({ collected: 4, resolved: 3 }));
    const table = countyTable(s.getDirectory()!, new Map(store.getSnapshot().map((e) => [e.community.id, e.value])));
    expect(table.communities.map((c) => [c.id, c.reporting])).toEqual([
      ['sh-comm', true],
      ['sn-vill', false],
    ]);
    expect(table.total.figures).toMatchObject({ communities: 2, reporting: 1, collected: 4, resolved: 3 });
    for (const h of handles) h.release();
    expect(Object.keys(s.getStatus().docs).filter((d) => d.endsWith('/summary'))).toEqual([]);
    expect(store.getSnapshot()).toEqual([]);
  });

  it('reads several region documents as one store: a new value only when one of them changed', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const store = regionDocsStore(
      [
        { id: 'gy-town', doc: a },
        { id: 'wa-town', doc: b },
      ],
      readView,
    );
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    expect([...first.keys()]).toEqual(['gy-town', 'wa-town']);
    rateBranch(b, { communityId: 'wa-vill', year: 2024, stars: 3 }, { actor: 'p2', name: '陈干部' });
    const second = store.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.get('wa-town')!.ratings.get('wa-vill@2024')).toMatchObject({ stars: 3 });
    expect(second.get('gy-town')).toBe(first.get('gy-town'));
  });
});
