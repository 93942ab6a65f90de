import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from '../../../../test/support/postgres';
import { runStoreContractTests } from '../storeContract';
import { createPostgresStore } from './postgresStore';

// A real server, started for this file (tests fail, with the reason, if it cannot start).
let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});

runStoreContractTests('postgres', async () => createPostgresStore({ url: await server.createDatabase() }));

describe('Postgres store', () => {
  it('numbers appends to one document from two processes without gaps or repeats', async () => {
    const url = await server.createDatabase();
    const [a, b] = await Promise.all([createPostgresStore({ url }), createPostgresStore({ url })]);
    const write = (store: typeof a, who: string) =>
      Promise.all(Array.from({ length: 40 }, (_, i) => store.appendUpdates([{ doc: 'c1/work', update: new Uint8Array([i]), author: who, time: i }, { doc: `c1/${who}`, update: new Uint8Array([i]), author: who, time: i }])));
    await Promise.all([write(a, 'a'), write(b, 'b')]);
    const loaded = await a.loadDocument('c1/work');
    expect(loaded.updates.map((u) => u.seq)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(loaded.lastSeq).toBe(80);
    await Promise.all([a.close(), b.close()]);
  });

  it('runs one compaction of a document at a time across processes: the other is told to try later', async () => {
    const url = await server.createDatabase();
    const [a, b] = await Promise.all([createPostgresStore({ url }), createPostgresStore({ url })]);
    const [seq] = await a.appendUpdates([{ doc: 'd', update: new Uint8Array([1]), author: 'p', time: 1 }]);
    // Hold the document's compaction lock as a compaction in another process would.
    const { default: pg } = await import('pg');
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query("SELECT pg_advisory_xact_lock($1, hashtext('d'))", [0x4c58_0002]);
    expect(await b.compact('d', new Uint8Array([9]), seq as number)).toBe(false);
    expect((await b.loadDocument('d')).updates).toHaveLength(1);
    await holder.query('COMMIT');
    await holder.end();
    expect(await b.compact('d', new Uint8Array([9]), seq as number)).toBe(true);
    expect(await a.loadDocument('d')).toMatchObject({ updates: [], lastSeq: seq });
    await Promise.all([a.close(), b.close()]);
  });
});
