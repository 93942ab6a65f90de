import { describe, expect, it } from 'vitest';
import { LogTail } from './logTail';

describe('LogTail', () => {
  it('keeps the floor below the oldest row any document still needs', () => {
    const tail = new LogTail(0);
    tail.appended(1, 1);
    tail.appended(2, 2);
    tail.appended(1, 3);
    expect(tail.floor(3)).toBe(0);
    tail.folded(1, 3);
    expect(tail.floor(3)).toBe(1);
    tail.folded(2, 2);
    expect(tail.floor(3)).toBe(3);
    expect(tail.size).toBe(0);
  });

  it('a partial fold moves the document’s first needed row just past what was folded', () => {
    const tail = new LogTail(0);
    for (const seq of [5, 9, 12]) tail.appended(7, seq);
    tail.folded(7, 9);
    expect(tail.floor(20)).toBe(9);
    // A fold older than what is already folded changes nothing.
    tail.folded(7, 3);
    expect(tail.floor(20)).toBe(9);
  });

  it('cuts only in steps of at least minRows and at most maxRows', () => {
    const tail = new LogTail(100);
    expect(tail.nextCut(150, 100, 1000)).toBeNull();
    expect(tail.nextCut(5000, 100, 1000)).toBe(1100);
    tail.cut(1100);
    expect(tail.truncatedThrough).toBe(1100);
    tail.appended(3, 1200);
    expect(tail.nextCut(5000, 50, 1000)).toBe(1199);
    expect(tail.nextCut(5000, 100, 1000)).toBeNull();
  });
});
