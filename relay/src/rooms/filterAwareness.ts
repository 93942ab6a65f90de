import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface FilteredAwareness {
  /** the connection's client id (the first one it used) */
  readonly clientId: number | null;
  /** the update restricted to that client, null if nothing is left */
  readonly update: Uint8Array | null;
  /** entries removed because they were about other clients */
  readonly dropped: number;
}

/**
 * Keeps only the entries of an awareness update that belong to `allowed` (or, when null, to the
 * first client id in the update), so one connection cannot speak for other clients.
 * Throws on bytes that do not parse.
 */
export function filterAwareness(update: Uint8Array, allowed: number | null): FilteredAwareness {
  const decoder = decoding.createDecoder(update);
  const length = decoding.readVarUint(decoder);
  const entries: { clientId: number; clock: number; state: string }[] = [];
  for (let i = 0; i < length; i++) {
    entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: decoding.readVarString(decoder) });
  }
  const first = entries[0];
  const clientId = allowed ?? (first ? first.clientId : null);
  const kept = entries.filter((e) => e.clientId === clientId);
  const dropped = entries.length - kept.length;
  if (kept.length === 0) return { clientId, update: null, dropped };
  if (dropped === 0 && decoder.pos === update.length) return { clientId, update, dropped };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const e of kept) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state);
  }
  return { clientId, update: encoding.toUint8Array(encoder), dropped };
}
