import * as decoding from 'lib0/decoding';

/** What `checkUpdate` learned about an update: what its cost in `Y.applyUpdate` grows with. */
export interface UpdateShape {
  /** bytes read */
  readonly bytes: number;
  /** structures (items, GC and skip runs), each integrated one by one */
  readonly structs: number;
  /** clients writing structures: concurrent inserts at one position cost each other (conflict resolution) */
  readonly clients: number;
}

/**
 * Walks a Yjs v1 update the way `Y.applyUpdate` reads it, without building anything, and throws
 * if it is not well formed; returns its shape. Why: `applyUpdate` reads and integrates every struct before it reads
 * the delete set, so an update with a broken delete set would half-apply. `Y.decodeUpdate` catches
 * that too, but allocates every struct and its content a second time (GC pressure on the hot path).
 * Byte offsets follow Yjs exactly (`readClientsStructRefs`, `readItemContent`, `readAndApplyDeleteSet`);
 * strings and JSON are skipped by length, so content Yjs would refuse inside the struct section
 * (bad JSON) still fails there, in `applyUpdate`, before anything is integrated.
 */
export function checkUpdate(update: Uint8Array): UpdateShape {
  const d = decoding.createDecoder(update);
  const structClients = decoding.readVarUint(d);
  let total = 0;
  for (let i = 0; i < structClients; i++) {
    const structs = decoding.readVarUint(d);
    total += structs;
    decoding.readVarUint(d); // client
    decoding.readVarUint(d); // clock
    for (let j = 0; j < structs; j++) skipStruct(d);
  }
  const dsClients = decoding.readVarUint(d);
  for (let i = 0; i < dsClients; i++) {
    decoding.readVarUint(d); // client
    const deletes = decoding.readVarUint(d);
    for (let j = 0; j < deletes; j++) {
      decoding.readVarUint(d); // clock
      decoding.readVarUint(d); // len
    }
  }
  return { bytes: d.pos, structs: total, clients: structClients };
}

class Malformed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedUpdate';
  }
}

function skipBytes(d: decoding.Decoder, n: number): void {
  if (d.pos + n > d.arr.length) throw new Malformed('unexpected end of update');
  d.pos += n;
}

function skipVarBytes(d: decoding.Decoder): void {
  skipBytes(d, decoding.readVarUint(d));
}

const BIT6 = 32;
const BIT7 = 64;
const BIT8 = 128;
const BITS5 = 31;

function skipStruct(d: decoding.Decoder): void {
  const info = decoding.readUint8(d);
  const ref = info & BITS5;
  if (ref === 0 || ref === 10) {
    // GC or Skip: a length
    decoding.readVarUint(d);
    return;
  }
  if ((info & BIT8) !== 0) {
    decoding.readVarUint(d); // origin
    decoding.readVarUint(d);
  }
  if ((info & BIT7) !== 0) {
    decoding.readVarUint(d); // right origin
    decoding.readVarUint(d);
  }
  if ((info & (BIT7 | BIT8)) === 0) {
    if (decoding.readVarUint(d) === 1) skipVarBytes(d); // parent: root type key
    else {
      decoding.readVarUint(d); // parent: item id
      decoding.readVarUint(d);
    }
    if ((info & BIT6) !== 0) skipVarBytes(d); // parentSub
  }
  skipContent(d, ref);
}

function skipContent(d: decoding.Decoder, ref: number): void {
  switch (ref) {
    case 1: // deleted: a length
      decoding.readVarUint(d);
      return;
    case 2: {
      // JSON: strings
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) skipVarBytes(d);
      return;
    }
    case 3: // binary
    case 4: // string
    case 5: // embed (JSON text)
      skipVarBytes(d);
      return;
    case 6: // format: key, JSON text
      skipVarBytes(d);
      skipVarBytes(d);
      return;
    case 7: {
      // type: YArray 0, YMap 1, YText 2, YXmlElement 3 (+ node name), YXmlFragment 4, YXmlHook 5 (+ name), YXmlText 6
      const typeRef = decoding.readVarUint(d);
      if (typeRef > 6) throw new Malformed(`unknown type ref ${typeRef}`);
      if (typeRef === 3 || typeRef === 5) skipVarBytes(d);
      return;
    }
    case 8: {
      // any[]
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) skipAny(d);
      return;
    }
    case 9: // subdocument: guid, options
      skipVarBytes(d);
      skipAny(d);
      return;
    default:
      throw new Malformed(`unknown content ref ${ref}`);
  }
}

/** lib0 `readAny`, skipping. */
function skipAny(d: decoding.Decoder): void {
  const tag = decoding.readUint8(d);
  switch (tag) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125:
      decoding.readVarInt(d);
      return;
    case 124:
      skipBytes(d, 4);
      return;
    case 123:
    case 122:
      skipBytes(d, 8);
      return;
    case 119: // string
    case 116: // Uint8Array
      skipVarBytes(d);
      return;
    case 118: {
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) {
        skipVarBytes(d);
        skipAny(d);
      }
      return;
    }
    case 117: {
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) skipAny(d);
      return;
    }
    default:
      throw new Malformed(`unknown value tag ${tag}`);
  }
}
