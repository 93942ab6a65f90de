import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { filterAwareness } from './filterAwareness';

function updateFor(...clients: number[]): Uint8Array {
  const doc = new Y.Doc();
  const a = new Awareness(doc);
  for (const id of clients) {
    a.states.set(id, { user: id });
    a.meta.set(id, { clock: 1, lastUpdated: 0 });
  }
  const update = encodeAwarenessUpdate(a, clients);
  a.destroy();
  return update;
}

describe('filterAwareness', () => {
  it('adopts the first client id and keeps an update about it unchanged', () => {
    const u = updateFor(7);
    expect(filterAwareness(u, null)).toEqual({ clientId: 7, update: u, dropped: 0 });
  });
  it('drops entries about other clients', () => {
    const r = filterAwareness(updateFor(7, 8, 9), 7);
    expect(r.dropped).toBe(2);
    expect(r.update).toEqual(updateFor(7));
    expect(filterAwareness(updateFor(8), 7)).toEqual({ clientId: 7, update: null, dropped: 1 });
  });
  it('throws on bytes that do not parse', () => {
    expect(() => filterAwareness(new Uint8Array([5, 1]), null)).toThrow();
  });
});
