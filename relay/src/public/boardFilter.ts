import type { PublicBoard } from '@lianxin/model';

function firstNumber(value: string): string | null {
  const match = /\d+/.exec(value);
  return match ? String(Number(match[0])) : null;
}

/**
 * The boards a resident's building query names. A query with a number matches buildings whose
 * label carries that number ("10" → 10号楼, not 1号楼 or 110号楼); otherwise the query is looked
 * for in the label and compound name.
 */
export function filterBoards(boards: readonly PublicBoard[], query: string): PublicBoard[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...boards];
  const number = firstNumber(q);
  if (number !== null) {
    const byNumber = boards.filter((b) => firstNumber(b.label) === number);
    if (byNumber.length > 0) return byNumber;
  }
  return boards.filter((b) => b.label.toLowerCase().includes(q) || (b.compound ?? '').toLowerCase().includes(q));
}
