import * as Y from 'yjs';

/** Flattens a V8 cons string in place: charCodeAt needs a flat string, so V8 makes one. */
const flattenString = (s: string): void => void s.charCodeAt(0);

/**
 * Yjs merges consecutive typing into one item with `str += more`, which V8 keeps as a chain of
 * cons strings: two small heap objects per update, alive as long as the document. Every
 * young-generation GC then copies and promotes them: the relay's scavenges took 2–4× the
 * y-websocket server's, whose per-update encoding (`str.slice`) flattens the same strings as a
 * side effect. Flattening the strings a transaction appended to keeps one flat string per item;
 * the chain dies young, and GC drops a flattened cons string's wrapper by itself.
 *
 * Call from `afterTransactionCleanup`, when Yjs has merged the new items into their neighbours.
 */
export function flattenAppendedText(doc: Y.Doc, tr: Y.Transaction, flatten: (s: string) => void = flattenString): void {
  for (const [client, clock] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    if (clock === before) continue;
    const structs = doc.store.clients.get(client);
    if (structs === undefined) continue;
    // From the struct that held the last old clock (an append merges into it) to the end; only
    // structs that reach past the old clock hold new content.
    for (let i = before === 0 ? 0 : Y.findIndexSS(structs, before - 1); i < structs.length; i++) {
      const struct = structs[i];
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentString && struct.id.clock + struct.length > before) {
        flatten(struct.content.str);
      }
    }
  }
}
