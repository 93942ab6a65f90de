export interface Summary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles of a sample (sorted in place). */
export function summarize(sample: Float64Array): Summary {
  if (sample.length === 0) return { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
  sample.sort();
  const at = (q: number): number => sample[Math.min(sample.length - 1, Math.ceil(q * sample.length) - 1)] ?? Number.NaN;
  return { count: sample.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sample[sample.length - 1] ?? Number.NaN };
}

/** A growable Float64Array: hundreds of thousands of samples without boxing each number. */
export class SampleBuffer {
  private data = new Float64Array(1024);
  private size = 0;

  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  get length(): number {
    return this.size;
  }

  summary(): Summary {
    return summarize(this.data.slice(0, this.size));
  }
}
