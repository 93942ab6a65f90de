import { describe, expect, it } from 'vitest';
import { RelayChoice, relaysOf } from './relayChoice';
import { relayGone } from './relayProvider';

const urls = ['http://a:1', 'http://b:2', 'https://c.example/lianxin'];

describe('relaysOf', () => {
  it('takes one relayUrl, as every caller did', () => {
    expect(relaysOf({ relayUrl: 'http://a:1' }, 'open')).toEqual([{ url: 'http://a:1', sync: 'ws://a:1/sync', api: 'http://a:1/api' }]);
  });

  it('takes several relayUrls, in order', () => {
    expect(relaysOf({ relayUrls: urls }, 'open').map((r) => r.sync)).toEqual(['ws://a:1/sync', 'ws://b:2/sync', 'wss://c.example/lianxin/sync']);
  });

  it.each([
    [{}, /open: relayUrl \(a string\) or relayUrls \(a list of them\) is required/],
    [{ relayUrl: 'http://a:1', relayUrls: ['http://b:2'] }, /open: pass relayUrl or relayUrls, not both/],
    [{ relayUrls: [] }, /open: relayUrls must be a non-empty list/],
    [{ relayUrls: 'http://a:1' as unknown as string[] }, /open: relayUrls must be a non-empty list/],
    [{ relayUrls: ['http://a:1', 7 as unknown as string] }, /open: relayUrls\[1\] is not a string/],
    [{ relayUrls: ['http://a:1', 'not a url'] }, /open: relayUrls\[1\] is not a URL: "not a url"/],
    [{ relayUrls: ['ftp://a'] }, /open: relayUrls\[0\] must be http\(s\) or ws\(s\)/],
    [{ relayUrls: ['http://a:1/?token=x'] }, /open: relayUrls\[0\] must not have a query/],
    [{ relayUrls: ['http://a:1', 'http://b:2', 'ws://a:1/'] }, /open: relayUrls\[2\] is the same relay as relayUrls\[0\] \(ws:\/\/a:1\/\)/],
    [{ relayUrl: 'nope' }, /open: relayUrl is not a URL/],
  ])('refuses %j', (options, message) => {
    expect(() => relaysOf(options, 'open')).toThrow(message);
  });
});

describe('RelayChoice', () => {
  it('stays on the first relay until it fails, then moves round robin', () => {
    const choice = new RelayChoice(relaysOf({ relayUrls: urls }, 'test'));
    const seen = [choice.current().url];
    for (let i = 0; i < 4; i++) {
      choice.failed(choice.current());
      seen.push(choice.current().url);
    }
    expect(seen).toEqual(['http://a:1', 'http://b:2', 'https://c.example/lianxin', 'http://a:1', 'http://b:2']);
  });

  it('moves once when many documents report the same dead relay', () => {
    const choice = new RelayChoice(relaysOf({ relayUrls: urls }, 'test'));
    const dead = choice.current();
    for (let i = 0; i < 7; i++) choice.failed(dead);
    expect(choice.current().url).toBe('http://b:2');
  });

  it('keeps a single relay', () => {
    const choice = new RelayChoice(relaysOf({ relayUrl: 'http://a:1' }, 'test'));
    choice.failed(choice.current());
    expect(choice.current().url).toBe('http://a:1');
  });

  it('sends HTTP calls to the current relay; one that gets no answer moves on and goes to the next', async () => {
    const choice = new RelayChoice(relaysOf({ relayUrls: urls }, 'test'));
    const asked: string[] = [];
    const fetchFn = async (input: string): Promise<Response> => {
      asked.push(input);
      if (input.startsWith('http://a:1')) throw new TypeError('fetch failed');
      return new Response('{}', { status: 401 });
    };
    // An answer, even a refusal, is a living relay: no further move.
    expect((await choice.fetchApi('/me', {}, fetchFn)).status).toBe(401);
    expect((await choice.fetchApi('/region', {}, fetchFn)).status).toBe(401);
    expect(asked).toEqual(['http://a:1/api/me', 'http://b:2/api/me', 'http://b:2/api/region']);
    expect(choice.current().url).toBe('http://b:2');
  });

  it('fails an HTTP call that no relay answers, having asked each once', async () => {
    const choice = new RelayChoice(relaysOf({ relayUrls: urls }, 'test'));
    const asked: string[] = [];
    const fetchFn = async (input: string): Promise<Response> => {
      asked.push(input);
      throw new TypeError('fetch failed');
    };
    await expect(choice.fetchApi('/me', {}, fetchFn)).rejects.toThrow('fetch failed');
    expect(asked).toEqual(['http://a:1/api/me', 'http://b:2/api/me', 'https://c.example/lianxin/api/me']);
  });
});

describe('relayGone (a closed socket moves the session on)', () => {
  it.each([
    ['never opened (refused, no route)', 1006, false, true, true],
    ['killed process: no close frame', 1006, true, true, true],
    ['server restart', 1012, true, true, true],
    ['watchdog: no message for 30 s', null, true, true, true],
    ['closed by the session (disconnect)', null, true, false, false],
    ['relay unloads the document', 1001, true, true, false],
    ['rate limited by a living relay', 4429, true, true, false],
    ['store failed (shared database)', 4500, true, true, false],
    ['revoked: final, not a relay problem', 4403, true, true, false],
    ['revoked before opening', 4403, false, true, false],
  ])('%s', (_what, code, opened, shouldConnect, gone) => {
    expect(relayGone(code, opened, shouldConnect)).toBe(gone);
  });
});
