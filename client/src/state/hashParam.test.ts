import { describe, expect, it } from 'vitest';
import { hashParam } from './hashParam';

describe('hashParam', () => {
  it('reads a code from the fragment, with or without the leading #', () => {
    expect(hashParam('#code=abc-123', 'code')).toBe('abc-123');
    expect(hashParam('code=xyz&x=1', 'code')).toBe('xyz');
  });
  it('returns null when the code is missing or blank', () => {
    expect(hashParam('', 'code')).toBeNull();
    expect(hashParam('#code=', 'code')).toBeNull();
    expect(hashParam('#code=%20%20', 'code')).toBeNull();
    expect(hashParam('#other=1', 'code')).toBeNull();
  });
});
