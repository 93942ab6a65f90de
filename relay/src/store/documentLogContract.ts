import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentLog } from './DocumentLog';

/**
 * The contract every document log passes (like automerge-repo's runStorageAdapterTests).
 * `makeLog` returns a fresh, empty log.
 */
export function runDocumentLogContractTests(name: string, makeLog: () => Promise<DocumentLog> | DocumentLog): void {
  describe(`DocumentLog contract: ${name}`, () => {
    let store: DocumentLog;
    beforeEach(async () => {
      store = await makeLog();
    });
    afterEach(async () => {
      await store.close();
    });

    const bytes = (...b: number[]) => new Uint8Array(b);

    describe('documents', () => {
      it('an unknown document is empty', async () => {
        expect(await store.loadDocument('c1/roster')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
      });

      it('appends updates in order with author and time, seqs increasing within a document', async () => {
        const seqs = await store.appendUpdates([
          { doc: 'c1/roster', update: bytes(1, 2), author: 'p1', time: 10 },
          { doc: 'c1/work', update: bytes(3), author: 'p2', time: 11 },
          { doc: 'c1/roster', update: bytes(4, 5, 6), author: 'p2', time: 12 },
        ]);
        expect(seqs).toHaveLength(3);
        expect(seqs[0]).toBeGreaterThan(0);
        expect(seqs[0]).toBeLessThan(seqs[2] as number);
        const [later] = await store.appendUpdates([{ doc: 'c1/roster', update: bytes(7), author: 'p1', time: 13 }]);
        expect(later).toBeGreaterThan(seqs[2] as number);
        const roster = await store.loadDocument('c1/roster');
        expect(roster.snapshot).toBeNull();
        expect(roster.updates.map((u) => [u.seq, [...u.update], u.author, u.time])).toEqual([
          [seqs[0], [1, 2], 'p1', 10],
          [seqs[2], [4, 5, 6], 'p2', 12],
          [later, [7], 'p1', 13],
        ]);
        expect(roster.lastSeq).toBe(later);
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

      it('keeps a document’s seqs growing after compaction removed its newest rows', async () => {
        const [a] = await store.appendUpdates([{ doc: 'd', update: bytes(1), author: 'p', time: 1 }]);
        expect(await store.compact('d', bytes(5), a as number)).toBe(true);
        const [b] = await store.appendUpdates([{ doc: 'd', update: bytes(2), author: 'p', time: 2 }]);
        expect(b).toBeGreaterThan(a as number);
        expect((await store.loadDocument('d')).lastSeq).toBe(b);
      });

      it('loads what a reader lacks after a seq: the later updates, the snapshot only once folded past it', async () => {
        expect(await store.loadSince('nope', 3)).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
        const [a, b, c] = await store.appendUpdates([1, 2, 3].map((n) => ({ doc: 'd', update: bytes(n), author: 'p', time: n })));
        const after = await store.loadSince('d', a as number);
        expect(after.snapshot).toBeNull();
        expect(after.updates.map((u) => [u.seq, [...u.update]])).toEqual([
          [b, [2]],
          [c, [3]],
        ]);
        expect(after.lastSeq).toBe(c);
        expect((await store.loadSince('d', c as number)).updates).toEqual([]);
        await store.compact('d', bytes(9), b as number);
        const folded = await store.loadSince('d', a as number);
        expect([...(folded.snapshot ?? [])]).toEqual([9]);
        expect(folded.updates.map((u) => u.seq)).toEqual([c]);
        const current = await store.loadSince('d', b as number);
        expect(current.snapshot).toBeNull();
        expect(current.updates.map((u) => u.seq)).toEqual([c]);
      });

      it('wants no compaction of a document it does not hold', () => {
        expect(store.wantsCompaction('nope')).toBe(false);
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

    it('answers ping while open, refuses work once closed', async () => {
      expect(await store.ping()).toBe(true);
      await store.close();
      expect(await store.ping()).toBe(false);
      await expect(store.appendUpdates([{ doc: 'd', update: bytes(1), author: 'p', time: 1 }])).rejects.toThrow();
      await expect(store.loadDocument('d')).rejects.toThrow();
    });
  });
}
