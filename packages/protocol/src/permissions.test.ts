import { describe, expect, it } from 'vitest';
import { accessFor, canRead, canWrite } from './permissions';

// The table from DESIGN.md, spelled out once more so a change to PERMISSIONS must be deliberate.
const expected = {
  secretary: 'rw rw rw rw rw rw',
  committee: 'rw rw rw rw rw rw',
  member: 'r - rw r r r',
  public: '- - - - - r',
} as const;
const docs = ['roster', 'care', 'work', 'meetings', 'minutes', 'public'] as const;

describe('permissions', () => {
  for (const [role, row] of Object.entries(expected)) {
    it(`${role} matches DESIGN.md`, () => {
      const got = docs.map((d) => {
        const r = role as keyof typeof expected;
        return canWrite(r, d) ? 'rw' : canRead(r, d) ? 'r' : '-';
      });
      expect(got.join(' ')).toBe(row);
    });
  }
  it('write implies read', () => {
    expect(accessFor('member', 'work')).toBe('write');
  });
});
