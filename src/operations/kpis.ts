/** Pure arithmetic over the hourly aggregates: percentiles from per-minute histograms, rates. */

/** Lower bounds (minutes) of the histogram buckets kept in ops_daily (migration 0701). */
export const LONG_EDGES: readonly number[] = [...Array.from({ length: 30 }, (_, m) => m), 30, 35, 40, 45, 50, 60, 75, 90, 120, 180];
export const WALK_EDGES: readonly number[] = Array.from({ length: 11 }, (_, m) => m);

export interface DurationSums {
  n: number;
  sum: number;
  max?: number;
  hist: number[];
}

export interface DurationStats {
  count: number;
  meanSeconds: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
  maxSeconds: number | null;
}

/**
 * The nearest-rank percentile of a bucket histogram, as the lower bound (minutes) of the bucket that
 * holds the observation of rank ceil(p * n): exact to the minute below 30 minutes (10 for walks).
 * Null without observations or without a histogram.
 */
export function histPercentile(hist: readonly number[], p: number, edges: readonly number[] = LONG_EDGES): number | null {
  const n = hist.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(p * n));
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i]!;
    if (seen >= rank) return edges[i]!;
  }
  return edges[hist.length - 1]!;
}

/** How many observations certainly took less than `minutes` (buckets wholly below it). */
export function histBelow(hist: readonly number[], minutes: number, edges: readonly number[] = LONG_EDGES): number {
  let n = 0;
  for (let i = 0; i < hist.length; i++) {
    const upper = edges[i + 1] ?? Infinity;
    if (upper <= minutes) n += hist[i]!;
  }
  return n;
}

export function durationStats(d: DurationSums, edges: readonly number[] = LONG_EDGES): DurationStats {
  return {
    count: d.n,
    meanSeconds: d.n ? Math.round(d.sum / d.n) : null,
    medianMinutes: histPercentile(d.hist, 0.5, edges),
    p90Minutes: histPercentile(d.hist, 0.9, edges),
    maxSeconds: d.max === undefined || d.n === 0 ? null : d.max,
  };
}

export const share = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);
