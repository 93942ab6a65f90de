import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deepestNewType } from './nestingDepth';

function nested(doc: Y.Doc, depth: number, key = 'a'): Y.Map<unknown> {
  let m: Y.Map<unknown> = doc.getMap('m');
  doc.transact(() => {
    for (let i = 0; i < depth; i++) {
      const c = new Y.Map<unknown>();
      m.set(key, c);
      m = c;
    }
  });
  return m;
}

function depthOfApplying(target: Y.Doc, update: Uint8Array, cap: number): number {
  let depth = -1;
  const on = (tr: Y.Transaction) => (depth = deepestNewType(target, tr, cap));
  target.on('afterTransaction', on);
  Y.applyUpdate(target, update);
  target.off('afterTransaction', on);
  return depth;
}

describe('deepestNewType', () => {
  it('measures the nesting an update adds, also below types that were there before', () => {
    const src = new Y.Doc();
    const relay = new Y.Doc();
    const inner = nested(src, 10);
    expect(depthOfApplying(relay, Y.encodeStateAsUpdate(src), 64)).toBe(10);
    const sv = Y.encodeStateVector(src);
    src.transact(() => inner.set('b', new Y.Array()));
    expect(depthOfApplying(relay, Y.encodeStateAsUpdate(src, sv), 64)).toBe(11);
  });
  it('finds types placed by origin (array neighbours) and rich text', () => {
    const src = new Y.Doc();
    const frag = src.getXmlFragment('default');
    const list = new Y.XmlElement('bulletList');
    frag.insert(0, [new Y.XmlElement('paragraph'), list]);
    const item = new Y.XmlElement('listItem');
    list.insert(0, [new Y.XmlElement('listItem'), item]);
    item.insert(0, [new Y.XmlText('hi')]);
    expect(depthOfApplying(new Y.Doc(), Y.encodeStateAsUpdate(src), 64)).toBe(3);
  });
  it('stops counting past the cap', () => {
    const src = new Y.Doc();
    nested(src, 5000);
    expect(depthOfApplying(new Y.Doc(), Y.encodeStateAsUpdate(src), 64)).toBe(65);
  });
  it('is 0 for content without types', () => {
    const src = new Y.Doc();
    src.getMap('m').set('k', 1);
    src.getText('t').insert(0, 'x');
    expect(depthOfApplying(new Y.Doc(), Y.encodeStateAsUpdate(src), 64)).toBe(0);
  });
});
