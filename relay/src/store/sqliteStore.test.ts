import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { CommunityId } from '@lianxin/protocol';
import { createSqliteStore } from './sqliteStore';
import { runStoreContractTests } from './storeContract';

const dir = mkdtempSync(join(tmpdir(), 'lianxin-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = () => join(dir, `store-${++n}.db`);

runStoreContractTests('sqlite file', () => createSqliteStore({ file: file() }));

describe('SQLite store', () => {
  it('keeps everything across reopening the file', async () => {
    const path = file();
    const a = createSqliteStore({ file: path });
    await a.createCommunity({ id: 'c1' as CommunityId, name: '枫林', kind: 'urban', createdAt: 1 });
    const [seq] = await a.appendUpdates([{ doc: 'c1/work', update: new Uint8Array([1, 2, 3]), author: 'p1', time: 5 }]);
    await a.close();
    const b = createSqliteStore({ file: path });
    expect((await b.getCommunity('c1'))?.name).toBe('枫林');
    expect(await b.loadDocument('c1/work')).toMatchObject({ lastSeq: seq, updates: [{ seq, author: 'p1', time: 5 }] });
    await b.close();
  });

  it('uses WAL and the chosen synchronous level', async () => {
    const path = file();
    const s = createSqliteStore({ file: path, synchronous: 'FULL' });
    await s.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('sees a revocation written by another process on the same file', async () => {
    const path = file();
    const relay = createSqliteStore({ file: path });
    const cli = createSqliteStore({ file: path });
    await relay.recordToken({ id: 't1', community: 'c1' as CommunityId, person: 'p', name: 'n', role: 'member', createdAt: 1, expiresAt: 2, revokedAt: null });
    const { cursor } = await relay.revocationsSince(0);
    expect(await cli.revokeToken('t1', 3)).toBe(true);
    expect((await relay.revocationsSince(cursor)).tokenIds).toEqual(['t1']);
    await cli.close();
    await relay.close();
  });

  it('checkpoints the WAL from a worker thread while the store is open', async () => {
    const path = file();
    const s = createSqliteStore({ file: path, checkpointMs: 20 });
    const before = statSync(path).size;
    for (let round = 0; round < 10; round++) {
      await s.appendUpdates(Array.from({ length: 200 }, (_, i) => ({ doc: `d${i % 7}`, update: new Uint8Array(64).fill(i), author: 'p', time: round })));
    }
    // Only a checkpoint moves pages from the WAL into the database file.
    const deadline = Date.now() + 3000;
    while (statSync(path).size <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(statSync(path).size).toBeGreaterThan(before);
    expect((await s.loadDocument('d0')).updates.length).toBe(10 * Math.ceil(200 / 7));
    await s.close();
  });

  it('refuses a database written by a newer schema', async () => {
    const path = file();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => createSqliteStore({ file: path })).toThrow(/newer relay/);
  });
});
