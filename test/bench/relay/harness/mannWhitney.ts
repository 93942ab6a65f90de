/**
 * One-sided exact Mann–Whitney U test: how likely values at least as much higher as `a`'s are
 * than `b`'s would be if both samples came from one distribution. Exact because a bench step has
 * a handful of runs per server, where the normal approximation is poor.
 *
 * U counts the pairs (a_i, b_j) with a_i > b_j, a tie counting one half; the p-value is
 * P(U ≥ observed) over all C(m+n, m) equally likely orderings (ties are rare in p99s measured to
 * the microsecond, so the null distribution is the one without ties).
 */
export function mannWhitneyGreater(a: readonly number[], b: readonly number[]): { u: number; p: number } {
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) throw new Error('mannWhitneyGreater needs at least one value in each sample');
  let u = 0;
  for (const x of a) for (const y of b) u += x > y ? 1 : x === y ? 0.5 : 0;
  // counts[k] = orderings of i a's and j b's with U = k, built up one value at a time.
  let row: number[][] = [];
  for (let i = 0; i <= m; i++) {
    const next: number[][] = [];
    for (let j = 0; j <= n; j++) {
      if (i === 0 || j === 0) {
        next.push([1]);
        continue;
      }
      // The largest value is an a (beating all j b's: U grows by j) or a b (U unchanged).
      const withA = row[j] as number[];
      const withB = next[j - 1] as number[];
      const counts = new Array<number>(i * j + 1).fill(0);
      withA.forEach((c, k) => (counts[k + j] = (counts[k + j] ?? 0) + c));
      withB.forEach((c, k) => (counts[k] = (counts[k] ?? 0) + c));
      next.push(counts);
    }
    row = next;
  }
  const counts = row[n] as number[];
  const total = counts.reduce((s, c) => s + c, 0);
  const tail = counts.slice(Math.ceil(u)).reduce((s, c) => s + c, 0);
  return { u, p: tail / total };
}
