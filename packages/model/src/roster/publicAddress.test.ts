import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, parsePublicAddress } from './publicAddress';

describe('public address', () => {
  it('keeps the origin of an http(s) address, adding http:// when it is missing', () => {
    expect(parsePublicAddress(' http://192.168.1.20:8787/setup ')).toEqual({ ok: true, origin: 'http://192.168.1.20:8787' });
    expect(parsePublicAddress('lianxin.example.org')).toEqual({ ok: true, origin: 'http://lianxin.example.org' });
    expect(parsePublicAddress('https://lianxin.example.org')).toEqual({ ok: true, origin: 'https://lianxin.example.org' });
  });
  it('refuses what is no web address', () => {
    expect(parsePublicAddress('')).toEqual({ ok: false });
    expect(parsePublicAddress('ftp://x.org')).toEqual({ ok: false });
    expect(parsePublicAddress('http://')).toEqual({ ok: false });
  });
  it('knows the addresses a phone cannot reach', () => {
    for (const a of ['http://localhost:8787', 'http://127.0.0.1:8787', 'http://[::1]:8787', 'http://0.0.0.0:8787', 'http://app.localhost']) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['http://192.168.1.20:8787', 'https://lianxin.example.org', 'http://10.0.0.2']) expect(isLoopbackAddress(a), a).toBe(false);
  });
});
