import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from './checkUpdate';

/** Updates with every kind of struct and content the relay's clients produce, and then some. */
function sampleUpdates(): Uint8Array[] {
  const out: Uint8Array[] = [];
  const doc = new Y.Doc();
  doc.clientID = 300;
  doc.on('update', (u: Uint8Array) => out.push(u));
  const text = doc.getText('t');
  text.insert(0, 'hello 你好');
  text.format(0, 5, { bold: true });
  text.insertEmbed(3, { image: 'x.png' });
  text.delete(1, 2);
  const map = doc.getMap('m');
  map.set('n', 1.5);
  map.set('i', -42);
  map.set('b', true);
  map.set('nil', null);
  map.set('s', 'str');
  map.set('bytes', new Uint8Array([1, 2, 3]));
  map.set('obj', { a: [1, 'x', { b: false }], big: 2 ** 40 });
  map.set('big', BigInt(2) ** BigInt(62));
  const arr = new Y.Array<unknown>();
  map.set('arr', arr);
  arr.push([1, 2, 3]);
  arr.delete(0, 1);
  const xml = doc.getXmlFragment('x');
  const el = new Y.XmlElement('p');
  xml.insert(0, [el, new Y.XmlText('t')]);
  el.setAttribute('class', 'c');
  el.insert(0, [new Y.XmlText('inner')]);
  map.set('doc', new Y.Doc({ guid: 'sub' }));
  map.delete('n');
  out.push(Y.encodeStateAsUpdate(doc));
  out.push(new Uint8Array([0, 0]));
  return out;
}

describe('checkUpdate', () => {
  it('accepts every update Yjs writes, of every content kind', () => {
    const updates = sampleUpdates();
    expect(updates.length).toBeGreaterThan(15);
    for (const u of updates) {
      expect(() => Y.decodeUpdate(u)).not.toThrow();
      // every byte is read, so the walk and Yjs agree on where the delete set starts and ends
      expect(checkUpdate(u).bytes).toBe(u.length);
    }
  });

  it('refuses every truncation Y.decodeUpdate refuses, and a broken delete set', () => {
    let refused = 0;
    for (const u of sampleUpdates()) {
      for (let end = 0; end < u.length; end++) {
        const cut = u.slice(0, end);
        let yjsThrows = false;
        try {
          Y.decodeUpdate(cut);
        } catch {
          yjsThrows = true;
        }
        if (yjsThrows) {
          expect(() => checkUpdate(cut), `cut at ${end} of ${u.length}`).toThrow();
          refused += 1;
        }
      }
    }
    expect(refused).toBeGreaterThan(100);
    const src = new Y.Doc();
    src.getText('t').insert(0, 'sneaky');
    const u = Y.encodeStateAsUpdate(src);
    expect(() => checkUpdate(new Uint8Array([...u.slice(0, -1), 5]))).toThrow();
    expect(() => checkUpdate(new Uint8Array([1, 1, 200, 1, 0, 119, 3, 1, 2, 3]))).toThrow();
  });

  it('does not read past the end of a view into a larger message', () => {
    const src = new Y.Doc();
    src.getText('t').insert(0, 'abc');
    const u = Y.encodeStateAsUpdate(src);
    // the string's bytes are cut off, but the buffer behind the view goes on
    const backing = new Uint8Array(u.length + 64);
    backing.set(u);
    const view = backing.subarray(0, u.length - 4);
    expect(() => checkUpdate(view)).toThrow();
  });
});
