import { describe, expect, it } from 'vitest';
import { accessFor, canRead, canWrite, regionAccess } from './permissions';

// The table from DESIGN.md, spelled out once more so a change to PERMISSIONS must be deliberate.
const expected = {
  secretary: 'rw rw rw rw rw rw rw rw -',
  committee: 'rw rw rw rw rw rw rw rw -',
  member: 'r - rw r r r r r -',
  township: '- - - r r r rw r rw',
  county: '- - - - - r - r rw',
  public: '- - - - - r - - -',
} as const;
const docs = ['roster', 'care', 'work', 'meetings', 'minutes', 'public', 'escalations', 'summary', 'region'] as const;

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
  it('no region role ever reads care, the roster or work', () => {
    for (const role of ['township', 'county'] as const) {
      for (const relation of ['own', 'above', 'below', 'none'] as const) {
        for (const kind of ['care', 'roster', 'work'] as const) expect(regionAccess(role, kind, relation)).toBe('none');
      }
    }
  });
  it('a region role holds its cells only in its own region; a neighbour region document is read-only', () => {
    expect(regionAccess('township', 'escalations', 'own')).toBe('write');
    expect(regionAccess('township', 'escalations', 'none')).toBe('none');
    expect(regionAccess('township', 'region', 'above')).toBe('read');
    expect(regionAccess('township', 'region', 'below')).toBe('none');
    expect(regionAccess('county', 'region', 'below')).toBe('read');
    expect(regionAccess('county', 'region', 'above')).toBe('none');
    expect(regionAccess('county', 'summary', 'own')).toBe('read');
    expect(regionAccess('county', 'summary', 'none')).toBe('none');
  });
});
