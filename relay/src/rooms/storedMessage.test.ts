import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeStored } from '@lianxin/protocol';
import { storedMessage } from './storedMessage';

describe('storedMessage', () => {
  it('is byte for byte encodeStored with Y.encodeStateVector', () => {
    const doc = new Y.Doc();
    expect(storedMessage(doc, 0)).toEqual(encodeStored({ count: 0, stateVector: Y.encodeStateVector(doc) }));
    for (const clientID of [1, 300, 2 ** 31 + 5, 2 ** 32 - 1, 77]) {
      const peer = new Y.Doc();
      peer.clientID = clientID;
      peer.getText('t').insert(0, 'x'.repeat(clientID % 200));
      peer.getMap('m').set('k', clientID);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
      for (const count of [1, 127, 128, 70_000, 2 ** 40]) {
        expect(storedMessage(doc, count)).toEqual(encodeStored({ count, stateVector: Y.encodeStateVector(doc) }));
      }
    }
  });
});
