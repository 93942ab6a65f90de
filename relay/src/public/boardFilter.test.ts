import { describe, expect, it } from 'vitest';
import { filterBoards } from './boardFilter';
import { sampleBoard } from './samplePublicDoc';

const boards = [1, 2, 10, 11, 110].map((n) => ({ ...sampleBoard(n, 1), publishedAt: 0 }));

describe('filterBoards', () => {
  it('matches the building number exactly', () => {
    expect(filterBoards(boards, '1').map((b) => b.label)).toEqual(['1号楼']);
    expect(filterBoards(boards, '10').map((b) => b.label)).toEqual(['10号楼']);
    expect(filterBoards(boards, '010号楼').map((b) => b.label)).toEqual(['10号楼']);
    // A phone keyboard's full-width digits and spoken numerals (issue 20, item 4).
    expect(filterBoards(boards, '１０').map((b) => b.label)).toEqual(['10号楼']);
    expect(filterBoards(boards, '十号楼').map((b) => b.label)).toEqual(['10号楼']);
    expect(filterBoards(boards, '一百一十').map((b) => b.label)).toEqual(['110号楼']);
  });

  it('falls back to text in the label or compound, and returns everything for an empty query', () => {
    expect(filterBoards(boards, '兴华').map((b) => b.label)).toEqual([]);
    const withCompound = [...boards, { ...sampleBoard(3, 1), publishedAt: 0 }];
    expect(filterBoards(withCompound, '兴华').map((b) => b.label)).toEqual(['3号楼']);
    expect(filterBoards(boards, '')).toHaveLength(5);
    expect(filterBoards(boards, '99')).toEqual([]);
  });
});
