import { describe, expect, it } from 'vitest';
import { SYNC_SUBPROTOCOL, tokenFromSubprotocols, tokenSubprotocols } from './subprotocol';

describe('token subprotocol', () => {
  it('round-trips a token through the Sec-WebSocket-Protocol header', () => {
    const token = 'eyJ2IjoxfQ.c2lnbmF0dXJl-_';
    expect(tokenSubprotocols(token)[0]).toBe(SYNC_SUBPROTOCOL);
    expect(tokenFromSubprotocols(tokenSubprotocols(token).join(', '))).toBe(token);
  });
  it('has no token without one', () => {
    expect(tokenSubprotocols(null)).toEqual([SYNC_SUBPROTOCOL]);
    expect(tokenFromSubprotocols(undefined)).toBeNull();
    expect(tokenFromSubprotocols('lianxin.v1, lianxin.token.')).toBeNull();
    expect(tokenFromSubprotocols('chat, superchat')).toBeNull();
  });
});
