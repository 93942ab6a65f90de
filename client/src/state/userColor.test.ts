import { describe, expect, it } from 'vitest';
import { userColor } from './userColor';

describe('userColor', () => {
  it('gives the same person the same colour, as a #rrggbb the caret extension accepts', () => {
    expect(userColor('p-123')).toBe(userColor('p-123'));
    expect(userColor('p-123')).toMatch(/^#[0-9a-f]{6}$/);
  });
  it('spreads different people over several colours', () => {
    const colours = new Set(Array.from({ length: 50 }, (_, i) => userColor(`person-${i}`)));
    expect(colours.size).toBeGreaterThan(5);
  });
});
