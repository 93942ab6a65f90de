import { MessageType } from '@lianxin/protocol';

/** Thrown inside message handling: the registry closes the connection with `code`. */
export class ProtocolViolation extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolViolation';
  }
}

/** An awareness message with no entries: harmless to every client, and it keeps a link alive. */
export const EMPTY_AWARENESS = new Uint8Array([MessageType.awareness, 1, 0]);

/** An empty Yjs v1 update: no structs, no deletions (what a client with nothing new sends as step 2). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

/** True when two state vectors are equal. */
export function sameState(a: Map<number, number>, b: Map<number, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [client, clock] of b) if (a.get(client) !== clock) return false;
  return true;
}
