import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Top-level message types. 0–3 are y-websocket's own; 100+ are Lianxin's. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** relay → client: your updates up to `count` are durably stored. */
  stored: 100,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Sub-types of a sync message (y-protocols/sync). */
export const SyncStep = { step1: 0, step2: 1, update: 2 } as const;

/** Sub-type of an auth message (y-protocols/auth): the only one is "permission denied". */
export const AUTH_PERMISSION_DENIED = 0;

/**
 * `stored`: the relay has durably stored (or found already present) every update-carrying sync
 * message (step 2 or update) this connection sent, up to and including the `count`-th one.
 * `stateVector` is the stored document's state vector at that moment.
 */
export interface StoredMessage {
  readonly count: number;
  readonly stateVector: Uint8Array;
}

export function writeStored(encoder: encoding.Encoder, message: StoredMessage): void {
  encoding.writeVarUint(encoder, MessageType.stored);
  encoding.writeVarUint(encoder, message.count);
  encoding.writeVarUint8Array(encoder, message.stateVector);
}

/** Reads the body of a `stored` message (after its type). */
export function readStored(decoder: decoding.Decoder): StoredMessage {
  const count = decoding.readVarUint(decoder);
  const stateVector = decoding.readVarUint8Array(decoder);
  return { count, stateVector };
}

export function encodeStored(message: StoredMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  writeStored(encoder, message);
  return encoding.toUint8Array(encoder);
}

/** `[sync, step, payload]`: a y-protocols sync message. */
export function encodeSyncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** `[awareness, update]`: an awareness update (y-protocols/awareness encoding) in its envelope. */
export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** `[auth, permissionDenied, reason]` as y-protocols/auth writes it, so stock providers understand it. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.auth);
  encoding.writeVarUint(encoder, AUTH_PERMISSION_DENIED);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/** True for a sync message that carries document content (step 2 or update). */
export function isUpdateCarrying(message: Uint8Array): boolean {
  if (message.length < 2) return false;
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MessageType.sync) return false;
    const step = decoding.readVarUint(decoder);
    return step === SyncStep.step2 || step === SyncStep.update;
  } catch {
    return false;
  }
}
