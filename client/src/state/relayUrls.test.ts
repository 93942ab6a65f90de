import { describe, expect, it } from 'vitest';
import { clientRelayUrls } from './relayUrls';

describe('clientRelayUrls', () => {
  it("is the page's own origin when the build names no relays", () => {
    expect(clientRelayUrls([], 'https://a.example')).toEqual(['https://a.example']);
  });

  it("is the build's list, in its order, when the page came from elsewhere", () => {
    expect(clientRelayUrls(['https://a.example', 'https://b.example'], 'https://app.example')).toEqual(['https://a.example', 'https://b.example']);
  });

  it('puts the origin that served the page first when it is listed', () => {
    expect(clientRelayUrls(['https://a.example', 'https://b.example/', 'https://c.example'], 'https://b.example')).toEqual(['https://b.example/', 'https://a.example', 'https://c.example']);
  });
});
