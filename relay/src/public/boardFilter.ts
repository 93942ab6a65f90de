import { normalizePlaceNumber, type PublicBoard } from '@lianxin/model';

function firstNumber(value: string): string | null {
  const match = /\d+/.exec(value);
  return match ? String(Number(match[0])) : null;
}

/**
 * The boards a resident's building query names. A query with a number matches buildings whose
 * label carries that number ("10" → 10号楼, not 1号楼 or 110号楼); otherwise the query is looked
 * for in the label and compound name. Both sides are read as placeText spells them, so a phone
 * keyboard's ５８ and a spoken 五十八号楼 find 58号楼.
 */
export function filterBoards(boards: readonly PublicBoard[], query: string): PublicBoard[] {
  const q = normalizePlaceNumber(query).toLowerCase();
  if (q === '') return [...boards];
  const number = firstNumber(q);
  if (number !== null) {
    const byNumber = boards.filter((b) => firstNumber(normalizePlaceNumber(b.label)) === number);
    if (byNumber.length > 0) return byNumber;
  }
  return boards.filter((b) => normalizePlaceNumber(b.label).toLowerCase().includes(q) || normalizePlaceNumber(b.compound ?? '').toLowerCase().includes(q));
}
