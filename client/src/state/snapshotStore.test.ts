import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
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
