import { describe, expect, it } from 'vitest';
import { SeqTracker } from './SeqTracker';

describe('SeqTracker', () => {
  it('holds seqs in order, and out of order once the hole fills', () => {
    const t = new SeqTracker(4);
    expect(t.add(5)).toBe(true);
    expect(t.held).toBe(5);
    expect(t.add(7, 100)).toBe(true);
    expect(t.hasHole).toBe(true);
    expect(t.holeSince).toBe(100);
    expect(t.highest).toBe(7);
    expect(t.add(7)).toBe(false);
    expect(t.add(3)).toBe(false);
    expect(t.add(6)).toBe(true);
    expect(t.held).toBe(7);
    expect(t.hasHole).toBe(false);
    expect(t.holeSince).toBeNull();
  });

  it('advances past a hole loaded from the store, keeping what lies above it', () => {
    const t = new SeqTracker(0);
    t.add(3);
    t.add(9);
    t.advanceTo(5);
    expect(t.held).toBe(5);
    expect(t.has(9)).toBe(true);
    expect(t.hasHole).toBe(true);
    t.advanceTo(8);
    expect(t.held).toBe(9);
    expect(t.hasHole).toBe(false);
  });
});
