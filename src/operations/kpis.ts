/** Pure arithmetic over the hourly aggregates: percentiles from per-minute histograms, rates. */

export const HIST_BUCKETS = 181;

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
 * The nearest-rank percentile of a per-minute histogram, in whole minutes: the smallest minute m such
 * that at least p of the observations took less than m + 1 minutes. Index 180 means three hours or more.
 */
export function histPercentile(hist: readonly number[], p: number): number | null {
  const n = hist.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(p * n));
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i]!;
    if (seen >= rank) return i;
  }
  return hist.length - 1;
}

/** How many observations took less than `minutes` whole minutes. */
export function histBelow(hist: readonly number[], minutes: number): number {
  let n = 0;
  for (let i = 0; i < Math.min(minutes, hist.length); i++) n += hist[i]!;
  return n;
}

export function durationStats(d: DurationSums): DurationStats {
  return {
    count: d.n,
    meanSeconds: d.n ? Math.round(d.sum / d.n) : null,
    medianMinutes: histPercentile(d.hist, 0.5),
    p90Minutes: histPercentile(d.hist, 0.9),
    maxSeconds: d.max === undefined || d.n === 0 ? null : d.max,
  };
}

export const share = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);
