import { describe, expect, it } from 'vitest';
import { clip, httpUrl, isClipped, normalizeQuery, percent, telHref } from './display';

describe('display helpers', () => {
  it('clips by code point with an ellipsis and never splits a surrogate pair', () => {
    expect(clip('短', 5)).toBe('短');
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('😀😀😀😀', 3)).toBe('😀😀…');
    expect(clip('😀😀', 2)).toBe('😀😀'); // 4 UTF-16 units, 2 code points: not cut
    expect(isClipped('😀😀', 2)).toBe(false);
    expect(isClipped('abc', 2)).toBe(true);
  });

  it('links only plain phone numbers', () => {
    expect(telHref('0371-6312 3456')).toBe('tel:037163123456');
    expect(telHref('+86 (138) 0000 0000')).toBe('tel:+8613800000000');
    expect(telHref('tel:javascript:alert(1)')).toBeNull();
    expect(telHref('12')).toBeNull();
    expect(telHref('请拨打 12345')).toBeNull();
  });

  it('accepts only http(s) URLs', () => {
    expect(httpUrl('https://example.org/x')).toBe('https://example.org/x');
    expect(httpUrl('http://example.org')).toBe('http://example.org/');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', '//evil.example', '/relative', 'vbscript:x', 42, null, `https://${'a'.repeat(3000)}.org`]) {
      expect(httpUrl(bad)).toBeNull();
    }
  });

  it('formats rates and normalizes the building query', () => {
    expect(percent(0.9167)).toBe('91.7%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBeNull();
    expect(percent(Number.NaN)).toBeNull();
    expect(normalizeQuery('  １０号楼 ')).toBe('10号楼');
    expect(normalizeQuery(undefined)).toBe('');
    expect(normalizeQuery('9'.repeat(100))).toHaveLength(20);
  });
});
