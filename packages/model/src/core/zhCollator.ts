// Chinese collation, made on first use: creating an Intl.Collator for zh-CN loads ICU's collation
// data (~20 ms on a laptop core), which a module must not pay at load on a page that never sorts.
let plain: Intl.Collator | null = null;
let numeric: Intl.Collator | null = null;

/** Compares two strings in Chinese (pinyin) order. */
export const compareZh = (a: string, b: string): number => (plain ??= new Intl.Collator('zh-CN')).compare(a, b);

/** Compares two strings in Chinese order, runs of digits by value (2 before 10). */
export const compareZhNumeric = (a: string, b: string): number => (numeric ??= new Intl.Collator('zh-CN', { numeric: true })).compare(a, b);
