/**
 * The edit history a device accumulates: the fixture's content re-created one record per
 * transaction (as the app writes it: a household added, a visit recorded, a field edited), so
 * each store holds one update per record, identically.
 */
import * as Y from 'yjs';

/** Updates that rebuild `doc`'s top-level maps one entry at a time (the same content, as history). */
export function historyOf(doc: Y.Doc, clientId: number): Uint8Array[] {
  const copy = new Y.Doc();
  copy.clientID = clientId;
  const updates: Uint8Array[] = [];
  copy.on('update', (u: Uint8Array) => updates.push(u));
  for (const name of [...doc.share.keys()].sort()) {
    const source = doc.getMap<unknown>(name);
    const target = copy.getMap<unknown>(name);
    for (const [key, value] of source) {
      if (value instanceof Y.AbstractType) throw new Error(`${name}/${key}: nested shared types are not part of the layout`);
      copy.transact(() => target.set(key, value));
    }
  }
  copy.destroy();
  return updates;
}

/** Length-prefixed concatenation: [u32 little-endian length][bytes] … */
export function packUpdates(updates: readonly Uint8Array[]): Uint8Array {
  const total = updates.reduce((n, u) => n + 4 + u.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const u of updates) {
    view.setUint32(at, u.length, true);
    out.set(u, at + 4);
    at += 4 + u.length;
  }
  return out;
}

export function unpackUpdates(bytes: Uint8Array): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const n = view.getUint32(at, true);
    // A copy, not a view: IndexedDB would store a view's whole underlying buffer with each row.
    out.push(bytes.slice(at + 4, at + 4 + n));
    at += 4 + n;
  }
  return out;
}
