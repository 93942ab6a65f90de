import * as Y from 'yjs';

/**
 * The deepest nesting among the shared types a transaction added, counting at most to `cap + 1`
 * (a root type's children are at depth 1). Why: Yjs deletes, garbage-collects and reads nested
 * types recursively, so a 20,000-deep chain overflows the stack (`RangeError` inside a
 * transaction's cleanup, or in `toJSON` on every client). Only the structs the transaction added
 * are visited (`beforeState` to `afterState` per client), so the cost follows the update.
 */
export function deepestNewType(doc: Y.Doc, tr: Y.Transaction, cap: number): number {
  let deepest = 0;
  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const s = structs[i];
      if (!(s instanceof Y.Item) || !(s.content instanceof Y.ContentType)) continue;
      const depth = depthOf(s, cap);
      if (depth > deepest) deepest = depth;
      if (deepest > cap) return deepest;
    }
  }
  return deepest;
}

function depthOf(item: Y.Item, cap: number): number {
  let depth = 1;
  let parent = item.parent;
  while (parent instanceof Y.AbstractType && parent._item !== null && depth <= cap) {
    depth += 1;
    parent = parent._item.parent;
  }
  return depth;
}
