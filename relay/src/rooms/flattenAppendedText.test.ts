import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { flattenAppendedText } from './flattenAppendedText';

/** A relay-side doc that records which strings each transaction would flatten. */
function relayDoc(): { doc: Y.Doc; flattened: string[][] } {
  const doc = new Y.Doc();
  const flattened: string[][] = [];
  doc.on('afterTransactionCleanup', (tr: Y.Transaction) => {
    const seen: string[] = [];
    flattenAppendedText(doc, tr, (s) => seen.push(s));
    flattened.push(seen);
  });
  return { doc, flattened };
}

/** Applies each update a writer makes, as the relay does with a client's messages. */
function mirror(writer: Y.Doc, target: Y.Doc): void {
  writer.on('update', (update: Uint8Array) => Y.applyUpdate(target, update));
}

describe('flattenAppendedText', () => {
  it('flattens the merged item an append grew, whole', () => {
    const { doc, flattened } = relayDoc();
    const writer = new Y.Doc();
    mirror(writer, doc);
    const text = writer.getText('t');
    for (const chunk of ['one;', 'two;', 'three;']) text.insert(text.length, chunk);
    // Consecutive appends merge into one item: the relay sees its whole string each time.
    expect(flattened).toEqual([['one;'], ['one;two;'], ['one;two;three;']]);
    expect(doc.getText('t').toString()).toBe('one;two;three;');
  });

  it('flattens every string item a transaction added, and nothing for deletes or other content', () => {
    const { doc, flattened } = relayDoc();
    const writer = new Y.Doc();
    mirror(writer, doc);
    const text = writer.getText('t');
    text.insert(0, 'middle');
    flattened.length = 0;
    writer.transact(() => {
      text.insert(0, 'start ');
      text.insert(text.length, ' end');
    });
    // ' end' does not merge into 'middle': 'start ' took the clocks in between.
    expect(flattened).toEqual([['start ', ' end']]);
    flattened.length = 0;
    text.delete(0, 6);
    writer.getArray('a').push([{ any: 1 }]);
    expect(flattened).toEqual([[], []]);
    expect(doc.getText('t').toString()).toBe('middle end');
  });

  it('leaves other clients\' items alone', () => {
    const { doc, flattened } = relayDoc();
    const a = new Y.Doc();
    const b = new Y.Doc();
    mirror(a, doc);
    mirror(b, doc);
    a.getText('t').insert(0, 'from a');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(doc));
    flattened.length = 0;
    b.getText('t').insert(6, ' and b');
    expect(flattened).toEqual([[' and b']]);
  });
});
