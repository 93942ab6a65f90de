import { describe, expect, it } from 'vitest';
import { hashCode, newCode, newId } from './ids';

describe('ids', () => {
  it('never start with a dash or underscore (the CLI would read them as options)', () => {
    for (let i = 0; i < 2000; i++) expect(newId()).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{15}$/);
  });
  it('codes are stored as a hash, not as themselves', () => {
    const code = newCode();
    expect(hashCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode(code)).not.toContain(code);
  });
});
