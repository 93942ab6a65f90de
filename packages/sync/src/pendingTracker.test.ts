import * as encoding from 'lib0/encoding';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType, SyncStep } from '@lianxin/protocol';
import { PendingTracker } from './pendingTracker';

function frame(step: number, payload: Uint8Array = new Uint8Array([0, 0])): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}
const step1 = () => frame(SyncStep.step1);
const step2 = () => frame(SyncStep.step2);
const update = () => frame(SyncStep.update);
const awareness = new Uint8Array([MessageType.awareness, 1, 0]);

/** One local change sent at once on `conn`, as the provider does while connected. */
function changeSent(t: PendingTracker, conn: object): void {
  t.localChange();
  t.frameSent(conn, update());
  t.endOfTransaction();
}

describe('PendingTracker', () => {
  it('counts a change until the relay stores the frame that carried it', () => {
    const t = new PendingTracker();
    const conn = {};
    t.frameSent(conn, step2()); // handshake: frame 1
    changeSent(t, conn); // frame 2
    expect(t.count).toBe(1);
    t.stored(conn, 1);
    expect(t.count).toBe(1);
    t.stored(conn, 2);
    expect(t.count).toBe(0);
  });

  it('ignores frames that carry no content', () => {
    const t = new PendingTracker();
    const conn = {};
    t.localChange();
    t.endOfTransaction();
    t.frameSent(conn, step1());
    t.frameSent(conn, awareness);
    t.stored(conn, 5);
    expect(t.count).toBe(1);
  });

  it('covers changes made offline with the next step 2', () => {
    const t = new PendingTracker();
    for (let i = 0; i < 3; i++) {
      t.localChange();
      t.endOfTransaction();
    }
    expect(t.count).toBe(3);
    const conn = {};
    t.frameSent(conn, step1());
    t.frameSent(conn, step2());
    t.stored(conn, 1);
    expect(t.count).toBe(0);
  });

  it('does not let an update frame confirm older offline changes', () => {
    const t = new PendingTracker();
    t.localChange(); // offline
    t.endOfTransaction();
    const conn = {};
    changeSent(t, conn); // socket open, relay's step 1 not answered yet: frame 1 is this change only
    t.frameSent(conn, step2()); // frame 2 carries the offline change
    t.stored(conn, 1);
    expect(t.count).toBe(1);
    t.stored(conn, 2);
    expect(t.count).toBe(0);
  });

  it('resends on the next connection what the previous one never had acknowledged', () => {
    const t = new PendingTracker();
    const first = {};
    t.frameSent(first, step2());
    changeSent(t, first);
    changeSent(t, first);
    t.stored(first, 2); // the first change only
    expect(t.count).toBe(1);
    const second = {};
    // counts restart per connection: stored(3) on the new one means its own third frame
    changeSent(t, second);
    t.stored(second, 1);
    expect(t.count).toBe(1); // the new change; the old one waits for this connection's step 2
    t.frameSent(second, step2());
    t.stored(second, 2);
    expect(t.count).toBe(0);
  });

  it('restores counts from an earlier run and confirms them with the first stored step 2', () => {
    const t = new PendingTracker();
    t.restore(4);
    t.restore(-1);
    t.restore(1.5);
    expect(t.count).toBe(4);
    const conn = {};
    t.frameSent(conn, step2());
    t.stored(conn, 1);
    expect(t.count).toBe(0);
  });

  it('takes every change out when they can never be stored', () => {
    const t = new PendingTracker();
    t.localChange();
    t.localChange();
    const seen: number[] = [];
    t.subscribe((n) => seen.push(n));
    expect(t.takeAll()).toBe(2);
    expect(t.count).toBe(0);
    expect(seen).toEqual([0]);
  });

  it('follows real Yjs transactions: one change per transaction with content', () => {
    const doc = new Y.Doc();
    const t = new PendingTracker();
    const conn = {};
    const sent: Uint8Array[] = [];
    // The same order the engine sets up: tracker first, then the provider's update listener.
    doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') t.localChange();
    });
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      const f = frame(SyncStep.update, u);
      sent.push(f);
      t.frameSent(conn, f);
    });
    doc.on('afterAllTransactions', () => t.endOfTransaction());
    doc.getMap('m').set('a', 1);
    doc.transact(() => {
      doc.getMap('m').set('b', 2);
      doc.getMap('m').set('c', 3);
    });
    doc.transact(() => undefined); // no content: no change
    const other = new Y.Doc();
    other.getMap('m').set('z', 9);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), 'remote');
    expect(t.count).toBe(2);
    expect(sent).toHaveLength(2);
    t.stored(conn, 2);
    expect(t.count).toBe(0);
  });

  // Safety: whatever the order of changes, sends, acknowledgements and reconnects, the count is
  // never below the number of changes the relay has not stored; liveness: once a connection's
  // step 2 and everything after it is stored, the count is 0. The simulated relay stores frames
  // in order and acknowledges a prefix of them; a socket sends updates as soon as it is open,
  // and its step 2 (everything made so far) only once the relay's step 1 arrived.
  it('never reports fewer pending changes than the relay is missing', () => {
    type Op = { type: 'change' } | { type: 'open' } | { type: 'handshake' } | { type: 'drop' } | { type: 'ack'; upTo: number };
    const op = fc.oneof(
      fc.constant<Op>({ type: 'change' }),
      fc.constant<Op>({ type: 'open' }),
      fc.constant<Op>({ type: 'handshake' }),
      fc.constant<Op>({ type: 'drop' }),
      fc.integer({ min: 0, max: 10 }).map<Op>((upTo) => ({ type: 'ack', upTo })),
    );
    interface Conn {
      frames: number[][];
      acked: number;
      handshaken: boolean;
    }
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const t = new PendingTracker();
        let changes = 0;
        const stored = new Set<number>();
        let conn: Conn | null = null;
        const handshake = (c: Conn): void => {
          if (c.handshaken) return;
          c.handshaken = true;
          c.frames.push(Array.from({ length: changes }, (_, i) => i));
          t.frameSent(c, step2());
        };
        const ack = (c: Conn, n: number): void => {
          const upTo = Math.min(c.frames.length, c.acked + n);
          for (let i = c.acked; i < upTo; i++) for (const id of c.frames[i] ?? []) stored.add(id);
          c.acked = upTo;
          t.stored(c, upTo);
        };
        for (const o of ops) {
          if (o.type === 'change') {
            const id = changes++;
            t.localChange();
            if (conn) {
              conn.frames.push([id]);
              t.frameSent(conn, update());
            }
            t.endOfTransaction();
          } else if (o.type === 'open') {
            conn = { frames: [], acked: 0, handshaken: false };
          } else if (o.type === 'handshake') {
            if (conn) handshake(conn);
          } else if (o.type === 'drop') {
            conn = null;
          } else if (conn) {
            ack(conn, o.upTo);
          }
          expect(t.count).toBeGreaterThanOrEqual(changes - stored.size);
        }
        const last: Conn = { frames: [], acked: 0, handshaken: false };
        handshake(last);
        ack(last, last.frames.length);
        expect(stored.size).toBe(changes);
        expect(t.count).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});
