import { describe, expect, it } from 'vitest';
import { ifNoneMatchHits, variantEtag } from './etag';

describe('ETags', () => {
  it('names the document state and the variant', () => {
    const a = variantEtag('ab'.repeat(32), 'page|zh');
    expect(a).toMatch(/^"[0-9a-f]{32}\.[A-Za-z0-9_-]{12}"$/);
    expect(variantEtag('ab'.repeat(32), 'page|zh')).toBe(a);
    expect(variantEtag('ab'.repeat(32), 'page|en')).not.toBe(a);
    expect(variantEtag('cd'.repeat(32), 'page|zh')).not.toBe(a);
    // a source tag with quotes or commas cannot break the header
    expect(variantEtag('"x", *', 'v')).toMatch(/^"x\.[A-Za-z0-9_-]{12}"$/);
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    const tag = '"abc.def"';
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
    expect(ifNoneMatchHits('', tag)).toBe(false);
    expect(ifNoneMatchHits('"abc.def"', tag)).toBe(true);
    expect(ifNoneMatchHits('W/"abc.def"', tag)).toBe(true);
    expect(ifNoneMatchHits('"zzz", "abc.def"', tag)).toBe(true);
    expect(ifNoneMatchHits('*', tag)).toBe(true);
    expect(ifNoneMatchHits('"abc"', tag)).toBe(false);
    expect(ifNoneMatchHits(`${'"x",'.repeat(5000)}"abc.def"`, tag)).toBe(false); // past the 8 KiB cap
  });
});
