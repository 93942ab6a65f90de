import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeStateInChunks } from './encodeStateInChunks';

/** A document edited by three clients taking turns: maps of records, nested types, text, deletions. */
function editedDoc(): Y.Doc {
  const peers = [1, 2, 3].map((id) => {
    const d = new Y.Doc();
    d.clientID = id * 1000;
    return d;
  });
  const sync = () => {
    for (const a of peers) for (const b of peers) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  for (let round = 0; round < 30; round++) {
    peers.forEach((d, p) => {
      const households = d.getMap<unknown>('households');
      for (let i = 0; i < 20; i++) households.set(`h${round}-${p}-${i}`, { address: `${round}-${i}-50${p}`, head: '王秀英', phone: null, tags: ['独居', round] });
      if (round % 3 === 0) households.delete(`h${round - 3}-${(p + 1) % 3}-1`);
      const text = d.getText('notes');
      text.insert(Math.min(text.length, round * 2), `走访${round}/${p};`);
      if (text.length > 20) text.delete(3, 4);
      const arr = d.getArray<Y.Map<unknown>>('meetings');
      const m = new Y.Map<unknown>();
      arr.push([m]);
      m.set('title', `会议 ${round}`);
      if (arr.length > 4) arr.get(arr.length - 3).set('seen', p);
      if (round % 5 === 4) arr.delete(0, 1);
    });
    sync();
  }
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(peers[0]!));
  return doc;
}

function sameState(a: Y.Doc, b: Y.Doc): void {
  expect(Y.encodeStateVector(b)).toEqual(Y.encodeStateVector(a));
  expect(Y.equalDeleteSets(Y.createDeleteSetFromStructStore(b.store), Y.createDeleteSetFromStructStore(a.store))).toBe(true);
  for (const name of ['households', 'meetings']) expect(b.get(name).toJSON()).toEqual(a.get(name).toJSON());
  expect(b.getText('notes').toString()).toBe(a.getText('notes').toString());
}

describe('encodeStateInChunks', () => {
  it('splits a state into bounded chunks that rebuild exactly the same document, each integrating completely in order', () => {
    const doc = editedDoc();
    const chunks = encodeStateInChunks(doc, 2_000);
    expect(chunks.length).toBeGreaterThan(10);
    // Bounded: no chunk is far past the budget (the estimate is rough; a structure is never split).
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(4_000);
    const copy = new Y.Doc();
    for (const chunk of chunks) {
      Y.applyUpdateV2(copy, chunk);
      // Nothing waits for a later chunk: the last one does not integrate a pile of pending structures.
      expect(copy.store.pendingStructs).toBeNull();
      expect(copy.store.pendingDs).toBeNull();
    }
    sameState(doc, copy);
  });

  it('one chunk when the document is small, the same bytes a one-shot encoding reads as', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    const chunks = encodeStateInChunks(doc);
    expect(chunks).toHaveLength(1);
    const copy = new Y.Doc();
    Y.applyUpdateV2(copy, chunks[0]!);
    sameState(doc, copy);
    expect(encodeStateInChunks(new Y.Doc())).toEqual([]);
  });

  it('keeps the updates the document holds as pending (they build on what it has not received)', () => {
    const a = new Y.Doc();
    a.getMap('m').set('x', 1);
    const first = Y.encodeStateAsUpdate(a);
    a.getMap('m').set('y', 2);
    const second = Y.encodeStateAsUpdate(a, Y.encodeStateVectorFromUpdate(first));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, second);
    expect(doc.store.pendingStructs).not.toBeNull();
    const copy = new Y.Doc();
    for (const chunk of encodeStateInChunks(doc)) Y.applyUpdateV2(copy, chunk);
    Y.applyUpdate(copy, first);
    expect(copy.getMap('m').toJSON()).toEqual({ x: 1, y: 2 });
  });
});
