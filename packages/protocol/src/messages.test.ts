import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { encodePermissionDenied, encodeStored, isUpdateCarrying, MessageType, readStored } from './messages';
import { peekTokenClaims, parseTokenClaims } from './claims';

describe('messages', () => {
  it('round-trips stored', () => {
    const bytes = encodeStored({ count: 7, stateVector: new Uint8Array([1, 2, 3]) });
    const d = decoding.createDecoder(bytes);
    expect(decoding.readVarUint(d)).toBe(MessageType.stored);
    expect(readStored(d)).toEqual({ count: 7, stateVector: new Uint8Array([1, 2, 3]) });
  });
  it('writes permission denied as y-protocols/auth does', () => {
    const d = decoding.createDecoder(encodePermissionDenied('read-only'));
    expect([decoding.readVarUint(d), decoding.readVarUint(d), decoding.readVarString(d)]).toEqual([2, 0, 'read-only']);
  });
  it('recognises update-carrying sync messages', () => {
    expect(isUpdateCarrying(new Uint8Array([0, 1, 0]))).toBe(true);
    expect(isUpdateCarrying(new Uint8Array([0, 2, 0]))).toBe(true);
    expect(isUpdateCarrying(new Uint8Array([0, 0, 0]))).toBe(false);
    expect(isUpdateCarrying(new Uint8Array([1, 1]))).toBe(false);
    expect(isUpdateCarrying(new Uint8Array([0xff]))).toBe(false);
  });
});

describe('claims', () => {
  const good = { v: 1, cid: 'c1', sub: 'p1', name: '王芳', role: 'member', exp: 2_000_000_000, jti: 't1' };
  it('accepts valid claims', () => expect(parseTokenClaims(good).ok).toBe(true));
  it.each([
    ['role', 'admin'],
    ['cid', '../etc'],
    ['exp', 'soon'],
    ['name', ''],
  ])('rejects a bad %s', (field, value) => {
    expect(parseTokenClaims({ ...good, [field]: value }).ok).toBe(false);
  });
  it('peeks claims from a token without verifying', () => {
    const body = Buffer.from(JSON.stringify(good)).toString('base64url');
    expect(peekTokenClaims(`${body}.sig`)?.name).toBe('王芳');
    expect(peekTokenClaims('garbage')).toBeNull();
  });
});
