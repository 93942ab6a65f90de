import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { LocalDocStore, openCommunityDatabase } from '@lianxin/sync';
import { createSnapshotStore, snapshotStore } from './snapshotStore';

const readNames = (doc: Y.Doc) => [...doc.getMap<string>('names').values()].sort();

describe('snapshotStore', () => {
  it('re-reads only after a change, and keeps the same snapshot object otherwise', async () => {
    const doc = new Y.Doc();
    const read = vi.fn(readNames);
    const store = createSnapshotStore(doc, read);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    expect(read).toHaveBeenCalledTimes(1);

    doc.getMap<string>('names').set('a', '张三');
    doc.getMap<string>('names').set('b', '李四');
    await Promise.resolve();
    // two transactions, one notification
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot()).toEqual(['张三', '李四']);
    expect(read).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it('is notified once for a stored document that loads in slices, after the last one', async () => {
    const storage = { indexedDB: new IDBFactory(), IDBKeyRange };
    const db = openCommunityDatabase('c1', 'p1', storage);
    const source = new Y.Doc();
    source.on('updateV2', (u: Uint8Array) => void db.table('$docs.content_updates').add({ k: 'roster', u, f: 1 }));
    for (let i = 0; i < 100; i++) source.getMap<string>('names').set(`n${i}`, `居民${i}`);
    const doc = new Y.Doc();
    const store = createSnapshotStore(doc, readNames);
    const notified: number[] = [];
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    store.subscribe(() => notified.push(store.getSnapshot().length));
    const local = new LocalDocStore(db, 'roster', doc, { sliceMs: 0, compactOnLoadDelayMs: 3_600_000 });
    await local.whenLoaded;
    await Promise.resolve();
    expect(transactions).toBeGreaterThan(10);
    expect(notified).toEqual([100]);
    local.destroy();
    db.close();
  });

  it('sees remote updates applied with another origin', async () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const store = createSnapshotStore(b, readNames);
    const listener = vi.fn();
    store.subscribe(listener);
    a.getMap<string>('names').set('x', '王五');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
    await Promise.resolve();
    expect(listener).toHaveBeenCalled();
    expect(store.getSnapshot()).toEqual(['王五']);
  });

  it('sees a change made between a read and the first subscription (React reads while rendering, subscribes after committing)', () => {
    const relay = new Y.Doc();
    const device = new Y.Doc();
    const store = createSnapshotStore(device, readNames);
    expect(store.getSnapshot()).toEqual([]);
    relay.getMap<string>('names').set('c', '赵六');
    Y.applyUpdate(device, Y.encodeStateAsUpdate(relay), 'provider');
    store.subscribe(() => undefined);
    expect(store.getSnapshot()).toEqual(['赵六']);
  });

  it('ignores transactions that change nothing', async () => {
    const doc = new Y.Doc();
    const store = createSnapshotStore(doc, readNames);
    const listener = vi.fn();
    store.subscribe(listener);
    doc.transact(() => undefined);
    await Promise.resolve();
    expect(listener).not.toHaveBeenCalled();
  });

  it('shares one store per doc and read function', () => {
    const doc = new Y.Doc();
    expect(snapshotStore(doc, readNames)).toBe(snapshotStore(doc, readNames));
    expect(snapshotStore(doc, readNames)).not.toBe(snapshotStore(new Y.Doc(), readNames));
  });
});
