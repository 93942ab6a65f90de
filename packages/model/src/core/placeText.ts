/**
 * One spelling for place numbers and names, wherever they come from (a hand-made spreadsheet, a
 * phone keyboard in full-width mode, a secretary who writes 五十八号楼): NFKC folds full-width
 * digits, letters and spaces; Chinese numerals become digits where they number a place. Stored
 * values, duplicate checks and roster search all go through here, so ５８号楼, 五十八栋 and 58 are
 * one building.
 */

const DIGIT: Readonly<Record<string, number>> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const POWER: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const NUMERAL_RUN = /[〇○零一二两三四五六七八九十百千]+/gu;
/** Words that follow a number in an address: 五十八号楼, 三单元, 三楼, 二〇一室, 三组. */
const PLACE_SUFFIX = /^(号楼|号院|号|栋|幢|楼|座|单元|室|层|户|期|区|组|排|巷)/u;

/** 五十八 → 58, 十二 → 12, 一百零五 → 105, 二〇一 → 201, 三 → 3; null when it is not a plain number (一百五, 十十). */
export function chineseNumeral(run: string): number | null {
  if (run === '') return null;
  if (![...run].some((c) => c in POWER)) {
    // Read digit by digit, as room numbers are: 二〇一 → 201.
    let n = 0;
    for (const c of run) {
      const d = DIGIT[c];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return n;
  }
  let total = 0;
  let digit: number | null = null;
  let lastPower = Infinity;
  let afterZero = false;
  for (const c of run) {
    const p = POWER[c];
    if (p !== undefined) {
      if (p >= lastPower) return null;
      total += (digit ?? 1) * p;
      lastPower = p;
      digit = null;
      afterZero = false;
    } else {
      const d = DIGIT[c]!;
      if (d === 0) {
        if (digit !== null) return null;
        afterZero = true;
        continue;
      }
      if (digit !== null) return null;
      digit = d;
    }
  }
  if (digit !== null) {
    // 一百五 means 150 in speech but 105 by the rule; an address should not guess.
    if (lastPower >= 100 && !afterZero) return null;
    total += digit;
  }
  return total;
}

/** NFKC, one space for any run of spaces, trimmed. */
export function foldWidth(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/**
 * Full-width folded, and Chinese numerals that number a place written as digits: ５８号楼 → 58号楼,
 * 五十八栋 → 58栋, 三单元 → 3单元, 二〇一室 → 201室, 十二 → 12. Numerals inside names (一心小区,
 * 张三) are left alone: only a whole value or a numeral followed by a place word is converted.
 */
export function normalizePlaceNumber(text: string): string {
  const s = foldWidth(text);
  return s.replace(NUMERAL_RUN, (run, offset: number) => {
    const whole = offset === 0 && run.length === s.length;
    const rest = s.slice(offset + run.length);
    if (!whole && !PLACE_SUFFIX.test(rest)) return run;
    const n = chineseNumeral(run);
    return n === null ? run : String(n);
  });
}

const HAN_SPACE = /(\p{Script=Han})\s+(?=\p{Script=Han})/gu;

/** A person's name: full-width folded, and no spaces between Chinese characters (王  丽 → 王丽). */
export function normalizePersonName(text: string): string {
  return foldWidth(text).replace(HAN_SPACE, '$1');
}

/** 58号楼 / 58栋 / 五十八幢 / ５８ → 58; other names (龙泉花园3幢) are kept, folded. */
export function buildingNumber(text: string): string {
  const s = normalizePlaceNumber(text);
  const m = /^(\d+[A-Za-z]?)\s*(号楼|号|栋|幢|楼|座)$/u.exec(s);
  return m ? m[1]! : s;
}

/** 3单元 / 三单元 / ３ → 3 */
export function unitNumber(text: string): string {
  const s = normalizePlaceNumber(text);
  const m = /^(\d+[A-Za-z]?)\s*单元$/u.exec(s);
  return m ? m[1]! : s;
}

/** 201室 / 二〇一室 / ２０１ → 201; 3-201 and 东户 are kept, folded. */
export function roomNumber(text: string): string {
  const s = normalizePlaceNumber(text);
  const m = /^(\d+[A-Za-z]?)\s*(室|号)$/u.exec(s);
  return m ? m[1]! : s;
}

/** What roster search compares: folded, lower case, numerals as digits, no spaces. */
export function searchKey(text: string): string {
  return normalizePlaceNumber(text).toLowerCase().replace(/\s+/gu, '');
}

/**
 * A test for one query against `searchKey`s. The query matches as typed (folded: 三 finds 张三)
 * or with its numerals as digits (五十八 finds 58号楼). Null for an empty query.
 */
export function searchMatcher(query: string): ((key: string) => boolean) | null {
  const asDigits = searchKey(query);
  if (asDigits === '') return null;
  const asTyped = foldWidth(query).toLowerCase().replace(/\s+/gu, '');
  return asTyped === asDigits ? (key) => key.includes(asDigits) : (key) => key.includes(asDigits) || key.includes(asTyped);
}
