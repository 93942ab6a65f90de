import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * A stored chunk's target size (estimated): applying one takes ~3 ms at 1× CPU on the fixture's
 * `work` document and stays well under 50 ms at 4× (64 KB chunks reached 60–80 ms there).
 */
export const CHUNK_BYTES = 32 * 1024;

type Struct = Y.GC | Y.Item;

/**
 * The document's whole state as several V2 updates of about `budget` bytes each (never splitting
 * a structure), instead of `Y.encodeStateAsUpdateV2`'s one: applied in the returned order, each
 * one integrates completely (nothing waits as pending for a later chunk), and together they
 * give exactly the document's state (structures, deletions, and any pending updates it holds).
 *
 * Structures are taken in causal order (a structure after everything its origins and parent
 * come from), cut into chunks by an estimate of their encoded size; each chunk carries the
 * deletions of its own structures. The encoding is Yjs's own (`Item.write`, the update
 * format's header and delete set), as `encodeStateAsUpdateV2` writes it.
 */
export function encodeStateInChunks(doc: Y.Doc, budget = CHUNK_BYTES): Uint8Array[] {
  const clients = doc.store.clients as Map<number, Struct[]>;
  const deletes = Y.createDeleteSetFromStructStore(doc.store).clients;
  const chunks: Uint8Array[] = [];
  /** the chunk being filled: client → [first, end) index into its structures */
  let ranges = new Map<number, [number, number]>();
  let size = 0;
  const flush = () => {
    if (ranges.size > 0) chunks.push(encodeChunk(clients, deletes, ranges));
    ranges = new Map();
    size = 0;
  };
  for (const [client, index] of causalOrder(clients)) {
    const range = ranges.get(client);
    if (range) range[1] = index + 1;
    else ranges.set(client, [index, index + 1]);
    size += estimateSize(clients.get(client)![index]!);
    if (size >= budget) flush();
  }
  flush();
  // Updates the document could not integrate yet (missing what they build on) stay in the state.
  const pending = doc.store.pendingStructs?.update;
  if (pending) chunks.push(pending);
  if (doc.store.pendingDs) chunks.push(doc.store.pendingDs);
  return chunks;
}

/**
 * Every structure as [client, index], each after the structures of other clients it depends on
 * (left origin, right origin, parent): a depth-first walk that, before taking a structure whose
 * dependency is not taken yet, takes that client's structures up to it. A dependency outside the
 * store (pending) is not waited for; a cycle (impossible in a valid document) is broken.
 */
function causalOrder(clients: Map<number, Struct[]>): Array<[number, number]> {
  const next = new Map<number, number>();
  for (const client of clients.keys()) next.set(client, 0);
  /** clock after the last taken structure of `client` */
  const takenUpTo = (client: number): number => {
    const structs = clients.get(client)!;
    const i = next.get(client)!;
    return i < structs.length ? structs[i]!.id.clock : Infinity;
  };
  const order: Array<[number, number]> = [];
  const onStack = new Set<number>();
  for (const start of [...clients.keys()].sort((a, b) => b - a)) {
    const stack: Array<{ client: number; clock: number }> = [{ client: start, clock: Infinity }];
    onStack.add(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const structs = clients.get(top.client)!;
      const i = next.get(top.client)!;
      if (i >= structs.length || takenUpTo(top.client) > top.clock) {
        stack.pop();
        onStack.delete(top.client);
        continue;
      }
      const dep = missingDependency(structs[i]!, clients, takenUpTo);
      if (dep && !onStack.has(dep.client)) {
        stack.push(dep);
        onStack.add(dep.client);
        continue;
      }
      order.push([top.client, i]);
      next.set(top.client, i + 1);
    }
  }
  return order;
}

function missingDependency(struct: Struct, clients: Map<number, Struct[]>, takenUpTo: (client: number) => number): Y.ID | null {
  if (!(struct instanceof Y.Item)) return null;
  const own = struct.id.client;
  const needs = (id: Y.ID | null): boolean => {
    if (id === null || id.client === own) return false;
    const structs = clients.get(id.client);
    if (!structs || structs.length === 0) return false;
    const last = structs[structs.length - 1]!;
    if (id.clock >= last.id.clock + last.length) return false; // not in the store: pending anyway
    return takenUpTo(id.client) <= id.clock;
  };
  if (needs(struct.origin)) return struct.origin;
  if (needs(struct.rightOrigin)) return struct.rightOrigin;
  if (struct.origin === null && struct.rightOrigin === null) {
    const parent = struct.parent;
    const item = parent instanceof Y.AbstractType ? parent._item : null;
    if (item && needs(item.id)) return item.id;
  }
  return null;
}

function encodeChunk(clients: Map<number, Struct[]>, deletes: Map<number, Array<{ clock: number; len: number }>>, ranges: Map<number, [number, number]>): Uint8Array {
  const encoder = new Y.UpdateEncoderV2();
  const sorted = [...ranges].sort((a, b) => b[0] - a[0]);
  encoding.writeVarUint(encoder.restEncoder, sorted.length);
  const chunkDeletes: Array<[number, Array<{ clock: number; len: number }>]> = [];
  for (const [client, [from, to]] of sorted) {
    const structs = clients.get(client)!;
    encoding.writeVarUint(encoder.restEncoder, to - from);
    encoder.writeClient(client);
    const start = structs[from]!.id.clock;
    encoding.writeVarUint(encoder.restEncoder, start);
    for (let i = from; i < to; i++) structs[i]!.write(encoder, 0);
    const last = structs[to - 1]!;
    const inRange = clip(deletes.get(client), start, last.id.clock + last.length);
    if (inRange.length > 0) chunkDeletes.push([client, inRange]);
  }
  // The delete set, as Yjs writes it (writeDeleteSet is not exported).
  encoding.writeVarUint(encoder.restEncoder, chunkDeletes.length);
  for (const [client, items] of chunkDeletes) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, items.length);
    for (const { clock, len } of items) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
  return encoder.toUint8Array();
}

/** The parts of sorted, non-overlapping delete ranges within [from, to). */
function clip(items: Array<{ clock: number; len: number }> | undefined, from: number, to: number): Array<{ clock: number; len: number }> {
  if (!items) return [];
  const out: Array<{ clock: number; len: number }> = [];
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const it = items[mid]!;
    if (it.clock + it.len <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < items.length && items[i]!.clock < to; i++) {
    const it = items[i]!;
    const a = Math.max(it.clock, from);
    const b = Math.min(it.clock + it.len, to);
    if (b > a) out.push({ clock: a, len: b - a });
  }
  return out;
}

/** About how many bytes a structure takes encoded (its content dominates). */
function estimateSize(struct: Struct): number {
  if (!(struct instanceof Y.Item)) return 4;
  const c = struct.content;
  if (c instanceof Y.ContentAny) return 12 + c.arr.reduce<number>((n, v) => n + valueSize(v), 0);
  if (c instanceof Y.ContentString) return 12 + c.str.length * 2;
  if (c instanceof Y.ContentBinary) return 12 + c.content.length;
  if (c instanceof Y.ContentDeleted) return 6;
  if (c instanceof Y.ContentEmbed || c instanceof Y.ContentFormat || c instanceof Y.ContentJSON) return 12 + valueSize(c instanceof Y.ContentFormat ? c.value : c instanceof Y.ContentEmbed ? c.embed : c.arr);
  return 16;
}

function valueSize(v: unknown): number {
  if (typeof v === 'string') return 1 + v.length * 2;
  if (v === null || typeof v !== 'object') return 9;
  if (v instanceof Uint8Array) return 2 + v.length;
  if (Array.isArray(v)) return v.reduce<number>((n, x) => n + valueSize(x), 2);
  let n = 2;
  for (const k in v) n += k.length + 1 + valueSize((v as Record<string, unknown>)[k]);
  return n;
}
