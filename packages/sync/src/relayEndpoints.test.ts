import { describe, expect, it } from 'vitest';
import { relayEndpoints } from './relayEndpoints';

describe('relayEndpoints', () => {
  it.each([
    ['http://127.0.0.1:8787', 'ws://127.0.0.1:8787/sync', 'http://127.0.0.1:8787/api'],
    ['https://example.org/', 'wss://example.org/sync', 'https://example.org/api'],
    ['https://example.org/lianxin//', 'wss://example.org/lianxin/sync', 'https://example.org/lianxin/api'],
    ['ws://h:1', 'ws://h:1/sync', 'http://h:1/api'],
  ])('%s', (url, sync, api) => expect(relayEndpoints(url)).toEqual({ sync, api }));

  it.each([
    ['not a url', /not a URL/],
    ['ftp://h', /http\(s\) or ws\(s\)/],
    ['http://h/?token=x', /query or fragment/],
  ])('refuses %s', (url, message) => expect(() => relayEndpoints(url)).toThrow(message));
});
